// Pool changes made by administrators and by the sweeper rather than by licensed apps.
import { checkin, expire, type FloatingTerms, type Lease } from '@licentia/core';
import { floatingRepository, type Schema } from '@licentia/db';
import type { Transaction } from 'kysely';
import type { AppContext } from '../http/context.ts';
import { applyToPool } from './pool-transaction.ts';

/**
 * Force a lease off its pool (reason ADMIN_REMOVED: freed at once, no linger, the queue is served).
 * Runs in the caller's transaction (an audited mutation). Undefined when the license has no such lease.
 */
export async function removeLease(
  trx: Transaction<Schema>,
  ctx: AppContext,
  target: { accountId: string; licenseId: string; leaseId: string },
  terms: FloatingTerms | null,
): Promise<{ lease: Lease; feature: string; heartbeatIntervalSeconds: number } | undefined> {
  const locked = await floatingRepository.lockPoolOf(trx, target.accountId, target.licenseId, target.leaseId);
  if (!locked) return undefined;
  const { answer, view } = await applyToPool(trx, ctx, locked, terms, (v) => {
    const lease = v.state.leases.find((l) => l.leaseId === target.leaseId);
    if (!lease) return { state: v.state, events: [], answer: undefined };
    const r = checkin(v.state, target.leaseId, 'ADMIN_REMOVED', v.options, v.now);
    return { state: r.state, events: r.events, answer: lease };
  });
  const heartbeatIntervalSeconds = view.config.heartbeatIntervalSeconds;
  return answer && { lease: answer, feature: locked.pool.feature, heartbeatIntervalSeconds };
}

/**
 * Sweep one due pool: reclaim expired and idle leases, ended lingers, lapsed holds and silent queue
 * entries, then serve the queue. A pool another process holds is skipped: that process is changing
 * it, and a pool still due afterwards is visited by the next pass. Returns the number of events written.
 */
export async function sweepPool(
  ctx: AppContext,
  poolId: string,
  terms: FloatingTerms | null,
): Promise<number> {
  return ctx.db.transaction().execute(async (trx) => {
    const locked = await floatingRepository.lockPoolForSweep(trx, poolId);
    if (!locked) return 0;
    const { answer } = await applyToPool(trx, ctx, locked, terms, (v) => {
      const swept = expire(v.state, v.options, v.now);
      return { state: swept.state, events: swept.events, answer: swept.events.length };
    });
    return answer;
  });
}
