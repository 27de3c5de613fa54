// Harvesting agents (one per host and organization), their harvesting groups and idle reports. Every
// method takes the account and organization explicitly: another tenant's agent reads as missing.
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Schema } from '../schema.ts';
import { deleteScopedRow, selectInOrganization } from './scoped-rows.ts';

type Scope = { accountId: string; organizationId: string };

export interface HarvestingGroupRow {
  id: string;
  name: string;
  idleMinutes: number;
  createdAt: Date;
}

export interface HarvestingAgentRow {
  id: string;
  host: string;
  registeredAt: Date;
  lastReportAt: Date | null;
  harvestingGroupId: string | null;
  harvestingEnabled: boolean;
  harvestingSince: Date | null;
}

export interface IdleReportInput {
  id: string;
  leaseId: string;
  application: string | null;
  idleSeconds: number;
  outcome: string;
}

const groupColumns = ['id', 'name', 'idle_minutes as idleMinutes', 'created_at as createdAt'] as const;
const agentColumns = [
  'id',
  'host',
  'registered_at as registeredAt',
  'last_report_at as lastReportAt',
  'harvesting_group_id as harvestingGroupId',
  'harvesting_enabled as harvestingEnabled',
  'harvesting_since as harvestingSince',
] as const;

const agents = (db: Kysely<Schema>, s: Scope) =>
  selectInOrganization(db, 'harvesting_agents', agentColumns, s);

export const harvestingRepository = {
  async insertGroup(
    db: Kysely<Schema>,
    s: Scope,
    g: { id: string; name: string; idleMinutes: number; now: Date },
  ): Promise<HarvestingGroupRow> {
    return db
      .insertInto('harvesting_groups')
      .values({
        id: g.id,
        account_id: s.accountId,
        organization_id: s.organizationId,
        name: g.name,
        idle_minutes: g.idleMinutes,
        created_at: g.now,
      })
      .returning(groupColumns)
      .executeTakeFirstOrThrow();
  },

  async groupNameTaken(db: Kysely<Schema>, s: Scope, name: string): Promise<boolean> {
    const row = await selectInOrganization(db, 'harvesting_groups', ['id'], s)
      .where(sql<boolean>`lower(name) = lower(${name})`)
      .executeTakeFirst();
    return row !== undefined;
  },

  async listGroups(db: Kysely<Schema>, s: Scope): Promise<HarvestingGroupRow[]> {
    return selectInOrganization(db, 'harvesting_groups', groupColumns, s).orderBy('id').execute();
  },

  async getGroup(db: Kysely<Schema>, s: Scope, id: string): Promise<HarvestingGroupRow | undefined> {
    return selectInOrganization(db, 'harvesting_groups', groupColumns, s)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  async updateGroup(
    db: Kysely<Schema>,
    s: Scope,
    id: string,
    change: { name?: string; idleMinutes?: number },
  ): Promise<HarvestingGroupRow | undefined> {
    return db
      .updateTable('harvesting_groups')
      .set({
        ...(change.name !== undefined ? { name: change.name } : {}),
        ...(change.idleMinutes !== undefined ? { idle_minutes: change.idleMinutes } : {}),
      })
      .where('account_id', '=', s.accountId)
      .where('organization_id', '=', s.organizationId)
      .where('id', '=', id)
      .returning(groupColumns)
      .executeTakeFirst();
  },

  /** Deletes a group; its agents leave it (and stop harvesting). */
  async deleteGroup(trx: Transaction<Schema>, s: Scope, id: string): Promise<boolean> {
    await trx
      .updateTable('harvesting_agents')
      .set({ harvesting_group_id: null, harvesting_since: null })
      .where('account_id', '=', s.accountId)
      .where('harvesting_group_id', '=', id)
      .execute();
    return deleteScopedRow(trx, 'harvesting_groups', s.accountId, { organization_id: s.organizationId, id });
  },

  /** Registers the host's agent, or returns the existing one (hosts compare without case). */
  async register(
    db: Kysely<Schema>,
    s: Scope,
    a: { id: string; host: string; now: Date },
  ): Promise<{ agent: HarvestingAgentRow; created: boolean }> {
    const inserted = await db
      .insertInto('harvesting_agents')
      .values({
        id: a.id,
        account_id: s.accountId,
        organization_id: s.organizationId,
        host: a.host,
        registered_at: a.now,
      })
      .onConflict((oc) => oc.expression(sql`organization_id, lower(host)`).doNothing())
      .returning(agentColumns)
      .executeTakeFirst();
    if (inserted) return { agent: inserted, created: true };
    const existing = await agents(db, s)
      .where(sql<boolean>`lower(host) = lower(${a.host})`)
      .executeTakeFirstOrThrow();
    return { agent: existing, created: false };
  },

  async listAgents(db: Kysely<Schema>, s: Scope): Promise<HarvestingAgentRow[]> {
    return agents(db, s).orderBy('id').execute();
  },

  async getAgent(db: Kysely<Schema>, s: Scope, id: string): Promise<HarvestingAgentRow | undefined> {
    return agents(db, s).where('id', '=', id).executeTakeFirst();
  },

  /**
   * Moves an agent into a group (or out, with null) and turns harvesting on or off. Joining a group
   * with harvesting on (re)starts its seniority; leaving or turning off clears it.
   */
  async updateAgent(
    db: Kysely<Schema>,
    s: Scope,
    id: string,
    change: { harvestingGroupId?: string | null; harvestingEnabled?: boolean },
    now: Date,
  ): Promise<HarvestingAgentRow | undefined> {
    const current = await agents(db, s).where('id', '=', id).executeTakeFirst();
    if (!current) return undefined;
    const groupId =
      change.harvestingGroupId !== undefined ? change.harvestingGroupId : current.harvestingGroupId;
    const enabled = change.harvestingEnabled ?? current.harvestingEnabled;
    const wasOn = current.harvestingEnabled && current.harvestingGroupId !== null;
    const isOn = enabled && groupId !== null;
    const joined = isOn && (!wasOn || groupId !== current.harvestingGroupId);
    return db
      .updateTable('harvesting_agents')
      .set({
        harvesting_group_id: groupId,
        harvesting_enabled: enabled,
        harvesting_since: isOn ? (joined ? now : current.harvestingSince) : null,
      })
      .where('account_id', '=', s.accountId)
      .where('organization_id', '=', s.organizationId)
      .where('id', '=', id)
      .returning(agentColumns)
      .executeTakeFirst();
  },

  async deleteAgent(db: Kysely<Schema>, s: Scope, id: string): Promise<boolean> {
    return deleteScopedRow(db, 'harvesting_agents', s.accountId, { organization_id: s.organizationId, id });
  },

  /** The license and pool of each of `leaseIds` held in the organization (others are absent). */
  async leasePools(
    db: Kysely<Schema>,
    s: Scope,
    leaseIds: readonly string[],
  ): Promise<Map<string, { licenseId: string; poolId: string }>> {
    if (leaseIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('floating_leases as f')
      .innerJoin('licenses as l', 'l.id', 'f.license_id')
      .select(['f.id', 'f.license_id as licenseId', 'f.pool_id as poolId'])
      .where('f.account_id', '=', s.accountId)
      .where('f.id', 'in', [...leaseIds])
      .where('l.organization_id', '=', s.organizationId)
      .execute();
    return new Map(rows.map((r) => [r.id, { licenseId: r.licenseId, poolId: r.poolId }]));
  },

  /** Stores a report's observations and marks the agent as heard from. */
  async recordReport(
    db: Kysely<Schema>,
    s: Scope,
    agentId: string,
    items: IdleReportInput[],
    now: Date,
  ): Promise<void> {
    await db
      .updateTable('harvesting_agents')
      .set({ last_report_at: now })
      .where('account_id', '=', s.accountId)
      .where('id', '=', agentId)
      .execute();
    if (items.length === 0) return;
    await db
      .insertInto('agent_idle_reports')
      .values(
        items.map((i) => ({
          id: i.id,
          account_id: s.accountId,
          organization_id: s.organizationId,
          agent_id: agentId,
          lease_id: i.leaseId,
          application: i.application,
          idle_seconds: i.idleSeconds,
          outcome: i.outcome,
          reported_at: now,
        })),
      )
      .execute();
  },
};
