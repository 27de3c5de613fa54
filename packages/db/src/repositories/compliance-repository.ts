// Per-license compliance state: locked for an evaluation, saved with its daily count, read per
// organization (the portal, the restricted-route check) and listed for the periodic evaluator.
import { type Kysely, sql, type Transaction } from 'kysely';
import type { ComplianceModeColumn, CountScope } from '../compliance-schema.ts';
import type { Schema } from '../schema.ts';

export interface ComplianceRow {
  licenseId: string;
  accountId: string;
  organizationId: string;
  mode: ComplianceModeColumn;
  reason: string;
  since: Date;
  graceStartedAt: Date | null;
  gracePeriodDays: number;
  countScope: CountScope;
  extensionUserLimit: number | null;
  extensionUntil: Date | null;
  countedUsers: number;
  userLimit: number | null;
  problems: unknown;
  softwareVersion: string | null;
  softwareSeenAt: Date | null;
  evaluatedAt: Date | null;
}

/** What one evaluation writes back. */
export interface ComplianceEvaluationFields {
  mode: ComplianceModeColumn;
  reason: string;
  since: Date;
  graceStartedAt: Date | null;
  countedUsers: number;
  userLimit: number | null;
  problems: unknown[];
  softwareVersion: string | null;
  softwareSeenAt: Date | null;
  evaluatedAt: Date;
}

/** One `compliance.mode-changed` audit event; `changes` holds from, to, at, counts and the remedy. */
export interface ComplianceHistoryRow {
  id: string;
  seq: number;
  licenseId: string;
  occurredAt: Date;
  actorType: string;
  changes: unknown;
}

/** Vendor settings; `extension: null` removes an extension, absent members are left as they are. */
export interface ComplianceSettings {
  gracePeriodDays?: number;
  countScope?: CountScope;
  extension?: { userLimit: number; until: Date } | null;
}

const columns = [
  'c.license_id as licenseId',
  'c.account_id as accountId',
  'c.organization_id as organizationId',
  'c.mode',
  'c.reason',
  'c.since',
  'c.grace_started_at as graceStartedAt',
  'c.grace_period_days as gracePeriodDays',
  'c.count_scope as countScope',
  'c.extension_user_limit as extensionUserLimit',
  'c.extension_until as extensionUntil',
  'c.counted_users as countedUsers',
  'c.user_limit as userLimit',
  'c.problems',
  'c.software_version as softwareVersion',
  'c.software_seen_at as softwareSeenAt',
  'c.evaluated_at as evaluatedAt',
] as const;

const SEVERITY = sql<number>`CASE c.mode WHEN 'RESTRICTED' THEN 3 WHEN 'LIGHT_RESTRICTED' THEN 2
  WHEN 'GRACE' THEN 1 ELSE 0 END`;

export const complianceRepository = {
  /**
   * The license's row, created NORMAL when missing, locked until the transaction ends: evaluations of
   * one license (from any process) run one after the other, so a transition is recorded once.
   */
  async lock(
    trx: Transaction<Schema>,
    accountId: string,
    license: { id: string; organizationId: string },
    now: Date,
  ): Promise<ComplianceRow> {
    await trx
      .insertInto('license_compliance')
      .values({
        license_id: license.id,
        account_id: accountId,
        organization_id: license.organizationId,
        since: now,
      })
      .onConflict((oc) => oc.column('license_id').doNothing())
      .execute();
    return trx
      .selectFrom('license_compliance as c')
      .select(columns)
      .where('c.account_id', '=', accountId)
      .where('c.license_id', '=', license.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
  },

  async saveEvaluation(
    trx: Transaction<Schema>,
    accountId: string,
    licenseId: string,
    f: ComplianceEvaluationFields,
  ): Promise<void> {
    await trx
      .updateTable('license_compliance')
      .set({
        mode: f.mode,
        reason: f.reason,
        since: f.since,
        grace_started_at: f.graceStartedAt,
        counted_users: f.countedUsers,
        user_limit: f.userLimit,
        problems: JSON.stringify(f.problems),
        software_version: f.softwareVersion,
        software_seen_at: f.softwareSeenAt,
        evaluated_at: f.evaluatedAt,
      })
      .where('account_id', '=', accountId)
      .where('license_id', '=', licenseId)
      .execute();
    const day = f.evaluatedAt.toISOString().slice(0, 10);
    await sql`INSERT INTO compliance_user_counts
        (license_id, day, account_id, organization_id, counted_users, user_limit, mode)
      SELECT license_id, ${day}::date, account_id, organization_id, ${f.countedUsers}, ${f.userLimit}, ${f.mode}
        FROM license_compliance WHERE license_id = ${licenseId} AND account_id = ${accountId}
      ON CONFLICT (license_id, day) DO UPDATE SET
        counted_users = GREATEST(compliance_user_counts.counted_users, EXCLUDED.counted_users),
        user_limit = EXCLUDED.user_limit, mode = EXCLUDED.mode`.execute(trx);
  },

  /** Apply vendor settings to a locked row (call {@link lock} first in the same transaction). */
  async saveSettings(
    trx: Transaction<Schema>,
    accountId: string,
    licenseId: string,
    s: ComplianceSettings,
  ): Promise<void> {
    await trx
      .updateTable('license_compliance')
      .set({
        ...(s.gracePeriodDays !== undefined ? { grace_period_days: s.gracePeriodDays } : {}),
        ...(s.countScope !== undefined ? { count_scope: s.countScope } : {}),
        ...(s.extension !== undefined
          ? {
              extension_user_limit: s.extension?.userLimit ?? null,
              extension_until: s.extension?.until ?? null,
            }
          : {}),
      })
      .where('account_id', '=', accountId)
      .where('license_id', '=', licenseId)
      .execute();
  },

  async listByOrganization(
    db: Kysely<Schema>,
    accountId: string,
    organizationId: string,
  ): Promise<ComplianceRow[]> {
    return db
      .selectFrom('license_compliance as c')
      .select(columns)
      .where('c.account_id', '=', accountId)
      .where('c.organization_id', '=', organizationId)
      .orderBy('c.license_id')
      .execute();
  },

  /** The organization's active licenses, whose compliance the portal shows. */
  async organizationLicenses(
    db: Kysely<Schema>,
    accountId: string,
    organizationId: string,
  ): Promise<{ id: string; name: string | null; productId: string }[]> {
    return db
      .selectFrom('licenses')
      .select(['id', 'name', 'product_id as productId'])
      .where('account_id', '=', accountId)
      .where('organization_id', '=', organizationId)
      .where('status', '=', 'ACTIVE')
      .orderBy('id')
      .limit(500)
      .execute();
  },

  /** The most severe mode among the organization's licenses; undefined = none evaluated (NORMAL). */
  async mostSevere(
    db: Kysely<Schema>,
    accountId: string,
    organizationId: string,
  ): Promise<Pick<ComplianceRow, 'licenseId' | 'mode' | 'reason'> | undefined> {
    return db
      .selectFrom('license_compliance as c')
      .select(['c.license_id as licenseId', 'c.mode', 'c.reason'])
      .where('c.account_id', '=', accountId)
      .where('c.organization_id', '=', organizationId)
      .where('c.mode', '!=', 'NORMAL')
      .orderBy(SEVERITY, 'desc')
      .orderBy('c.license_id')
      .limit(1)
      .executeTakeFirst();
  },

  /**
   * Mode transitions of the organization's licenses, newest first: the `compliance.mode-changed`
   * audit events (the audit chain is the one record). Paged by chain sequence.
   */
  async history(
    db: Kysely<Schema>,
    accountId: string,
    organizationId: string,
    page: { limit: number; beforeSeq?: number | undefined; licenseId?: string | undefined },
  ): Promise<{ data: ComplianceHistoryRow[]; nextCursor: string | null }> {
    let q = db
      .selectFrom('audit_events as e')
      .innerJoin('licenses as l', 'l.id', 'e.target_id')
      .select([
        'e.id',
        'e.seq',
        'e.target_id as licenseId',
        'e.occurred_at as occurredAt',
        'e.actor_type as actorType',
        'e.changes',
      ])
      .where('e.chain_id', '=', accountId)
      .where('e.action', '=', 'compliance.mode-changed')
      .where('l.account_id', '=', accountId)
      .where('l.organization_id', '=', organizationId);
    if (page.licenseId) q = q.where('e.target_id', '=', page.licenseId);
    if (page.beforeSeq !== undefined) q = q.where('e.seq', '<', page.beforeSeq);
    const rows = await q
      .orderBy('e.seq', 'desc')
      .limit(page.limit + 1)
      .execute();
    const data = rows.slice(0, page.limit);
    const last = data.at(-1);
    return { data, nextCursor: rows.length > page.limit && last ? String(last.seq) : null };
  },

  /** Counted users per license and day, oldest first, for the chart. */
  async userCounts(
    db: Kysely<Schema>,
    accountId: string,
    organizationId: string,
    range: { fromDay: string; toDay: string; licenseId?: string | undefined },
  ): Promise<
    { licenseId: string; day: string; countedUsers: number; userLimit: number | null; mode: string }[]
  > {
    let q = db
      .selectFrom('compliance_user_counts')
      .select([
        'license_id as licenseId',
        sql<string>`to_char(day, 'YYYY-MM-DD')`.as('day'),
        'counted_users as countedUsers',
        'user_limit as userLimit',
        'mode',
      ])
      .where('account_id', '=', accountId)
      .where('organization_id', '=', organizationId)
      .where('day', '>=', range.fromDay)
      .where('day', '<=', range.toDay);
    if (range.licenseId) q = q.where('license_id', '=', range.licenseId);
    return q.orderBy('day').orderBy('license_id').execute();
  },

  /**
   * Licenses the periodic evaluator should look at, least recently evaluated first, across tenants
   * (a system job; each evaluation then runs scoped to its account). Only active licenses.
   */
  async due(db: Kysely<Schema>, limit: number): Promise<{ id: string; accountId: string }[]> {
    return db
      .selectFrom('licenses as l')
      .leftJoin('license_compliance as c', 'c.license_id', 'l.id')
      .select(['l.id', 'l.account_id as accountId'])
      .where('l.status', '=', 'ACTIVE')
      .orderBy(sql`c.evaluated_at NULLS FIRST`)
      .orderBy('l.id')
      .limit(limit)
      .execute();
  },
};
