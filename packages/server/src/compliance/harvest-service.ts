// Harvesting for one organization: who may harvest (plan, agent limit = the user limit, mode, online
// agents: the core's Harvest column) and the check-in of a harvested lease with reason HARVESTED
// through the floating pool machinery, in the caller's transaction.
import {
  AGENT_ONLINE_WINDOW_MS,
  type ComplianceMode,
  checkin,
  effectiveUserLimit,
  type HarvestPolicy,
  type HarvestState,
  harvestStates,
  type PoolEvent,
  planIncludes,
} from '@licentia/core';
import {
  complianceRepository,
  floatingRepository,
  type HarvestingAgentRow,
  harvestingRepository,
  licenseSnapshotRepository,
  organizationPlanRepository,
  type Schema,
} from '@licentia/db';
import type { Kysely, Transaction } from 'kysely';
import { floatingTermsOf } from '../floating/floating-eligibility.ts';
import { applyToPool } from '../floating/pool-transaction.ts';
import type { AppContext } from '../http/context.ts';
import { toSnapshot } from '../licensing/license-snapshot.ts';

type OrgScope = { accountId: string; organizationId: string };

export interface HarvestPicture {
  policy: HarvestPolicy;
  plan: string;
  agents: HarvestingAgentRow[];
  states: Map<string, HarvestState>;
}

/**
 * The agent limit: the user limit of the organization's active licenses (with live extensions); the
 * largest when several carry one, unlimited when one is unlimited, none without a license.
 */
async function agentLimit(db: Kysely<Schema>, scope: OrgScope, now: Date): Promise<number | null> {
  const licenses = await complianceRepository.organizationLicenses(db, scope.accountId, scope.organizationId);
  if (licenses.length === 0) return 0;
  const rows = new Map(
    (await complianceRepository.listByOrganization(db, scope.accountId, scope.organizationId)).map((r) => [
      r.licenseId,
      r,
    ]),
  );
  let best = 0;
  for (const { id } of licenses) {
    const found = await licenseSnapshotRepository.findById(db, scope.accountId, id);
    if (!found) continue;
    const row = rows.get(id);
    const extension =
      row?.extensionUserLimit != null && row.extensionUntil
        ? { userLimit: row.extensionUserLimit, until: row.extensionUntil }
        : null;
    const limit = effectiveUserLimit(toSnapshot(found).core.terms.maxUsers, extension, now);
    if (limit === null) return null;
    best = Math.max(best, limit);
  }
  return best;
}

/** Everything the agents grid and a harvest decision need, read at `now`. */
export async function harvestPicture(
  db: Kysely<Schema>,
  scope: OrgScope,
  now: Date,
): Promise<HarvestPicture> {
  const plan =
    (await organizationPlanRepository.get(db, scope.accountId, scope.organizationId)) ?? 'STANDARD';
  const worst = await complianceRepository.mostSevere(db, scope.accountId, scope.organizationId);
  const policy: HarvestPolicy = {
    harvestingIncluded: planIncludes(plan, 'USAGE_HARVESTING'),
    agentLimit: await agentLimit(db, scope, now),
    mode: (worst?.mode ?? 'NORMAL') as ComplianceMode,
    onlineWindowMs: AGENT_ONLINE_WINDOW_MS,
  };
  const agents = await harvestingRepository.listAgents(db, scope);
  return { policy, plan, agents, states: harvestStates(agents, policy, now) };
}

export type LeaseHarvest = 'HARVESTED' | 'LEASE_NOT_FOUND' | 'BORROWED';

/**
 * Check `leaseIds` in with reason HARVESTED (freed at once, no linger; each queue is served). A
 * borrowed lease is offline by design and is never harvested; a lease of another organization reads
 * as not found. Pools are locked once each, in pool id order — the order the fast path's batches take
 * them in — so a report harvesting in several pools cannot deadlock with them or with another report.
 */
export async function harvestLeases(
  trx: Transaction<Schema>,
  ctx: AppContext,
  scope: OrgScope,
  leaseIds: readonly string[],
): Promise<Map<string, LeaseHarvest>> {
  const outcomes = new Map<string, LeaseHarvest>(leaseIds.map((id) => [id, 'LEASE_NOT_FOUND']));
  const byPool = new Map<string, { licenseId: string; leaseIds: string[] }>();
  for (const [leaseId, { licenseId, poolId }] of await harvestingRepository.leasePools(
    trx,
    scope,
    leaseIds,
  )) {
    const group = byPool.get(poolId) ?? { licenseId, leaseIds: [] };
    group.leaseIds.push(leaseId);
    byPool.set(poolId, group);
  }
  for (const poolId of [...byPool.keys()].sort()) {
    const { licenseId, leaseIds: ids } = byPool.get(poolId)!;
    const pool = await floatingRepository.lockPoolOf(trx, scope.accountId, licenseId, ids[0]!);
    // The lease → pool link never changes; a lease gone before the lock leaves its pool unlocked.
    if (!pool || pool.pool.id !== poolId) continue;
    const found = await licenseSnapshotRepository.findById(trx, scope.accountId, licenseId);
    const terms = found ? floatingTermsOf(toSnapshot(found)) : null;
    await applyToPool(trx, ctx, pool, terms, (v) => {
      let state = v.state;
      const events: PoolEvent[] = [];
      for (const leaseId of ids) {
        const lease = state.leases.find((l) => l.leaseId === leaseId);
        if (!lease) continue;
        if (lease.borrowedUntil !== undefined) {
          outcomes.set(leaseId, 'BORROWED');
          continue;
        }
        const r = checkin(state, leaseId, 'HARVESTED', v.options, v.now);
        state = r.state;
        events.push(...r.events);
        outcomes.set(leaseId, 'HARVESTED');
      }
      return { state, events, answer: undefined };
    });
  }
  return outcomes;
}
