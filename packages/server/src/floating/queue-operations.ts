// Queue polls and withdrawals. A poll is the entry's heartbeat; at the head with seats free, it claims
// the hold and returns the lease. Long polls wait for the pool's notification between polls.
import {
  checkin,
  expire,
  type FloatingTerms,
  type Lease,
  type QueueEntry,
  resumeCheckout,
  type SeatRequest,
} from '@licentia/core';
import { floatingAdminRepository, floatingRepository } from '@licentia/db';
import type { AppContext } from '../http/context.ts';
import type { Snapshot } from '../licensing/license-snapshot.ts';
import { applyToPool, type PoolView } from './pool-transaction.ts';
import type { QueueWaiters } from './queue-waiters.ts';

export type PollOutcome =
  | { state: 'GRANTED'; lease: Lease; view: PoolView }
  | { state: 'WAITING'; entry: QueueEntry; view: PoolView }
  | { state: 'EXPIRED' }
  | { state: 'NOT_FOUND' };

/** The request an entry, hold or lease of the pool stands for (a poll presents it again). */
function requestOf(view: PoolView, id: string): SeatRequest | undefined {
  const s = view.state;
  const queued =
    s.queue.find((e) => e.entryId === id)?.request ?? s.holds.find((h) => h.entryId === id)?.request;
  if (queued) return queued;
  const lease = s.leases.find((l) => l.leaseId === id);
  return lease && { id, user: lease.user, host: lease.host, count: lease.count };
}

/** One poll: refresh the entry, claim its hold if it has one, report its position. */
export async function pollOnce(
  ctx: AppContext,
  snapshot: Snapshot,
  terms: FloatingTerms,
  entryId: string,
): Promise<PollOutcome & { poolId?: string }> {
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    const locked = await floatingRepository.lockPoolOf(trx, snapshot.accountId, snapshot.licenseId, entryId);
    if (!locked) return undefined;
    const { answer } = await applyToPool<PollOutcome>(trx, ctx, locked, terms, (v) => {
      const request = requestOf(v, entryId);
      const swept = expire(v.state, v.options, v.now);
      const resumed = request && resumeCheckout(swept.state, request, v.now);
      if (!resumed || resumed.outcome === 'denied') {
        return { state: swept.state, events: swept.events, answer: { state: 'EXPIRED' } };
      }
      const events = [...swept.events, ...resumed.events];
      const answer: PollOutcome =
        resumed.outcome === 'granted'
          ? { state: 'GRANTED', lease: resumed.lease, view: v }
          : { state: 'WAITING', entry: resumed.entry, view: v };
      return { state: resumed.state, events, answer };
    });
    return { ...answer, poolId: locked.pool.id };
  });
  if (outcome) return outcome;
  const last = await floatingAdminRepository.lastEventOf(
    ctx.db,
    snapshot.accountId,
    snapshot.licenseId,
    entryId,
  );
  return last?.kind === 'QUEUE_EXPIRED' ? { state: 'EXPIRED' } : { state: 'NOT_FOUND' };
}

/**
 * Poll, and while the entry waits, wait for the pool to move (NOTIFY from any process) or for a short
 * re-check interval, until `waitSeconds` have passed. Every pass is a poll (and so a heartbeat).
 */
export async function longPoll(
  ctx: AppContext,
  snapshot: Snapshot,
  terms: FloatingTerms,
  entryId: string,
  waitSeconds: number,
  waiters: QueueWaiters,
): Promise<PollOutcome> {
  const deadline = Date.now() + waitSeconds * 1000;
  for (;;) {
    const outcome = await pollOnce(ctx, snapshot, terms, entryId);
    const left = deadline - Date.now();
    if (outcome.state !== 'WAITING' || left <= 0 || !outcome.poolId) return outcome;
    await waiters.wait(outcome.poolId, left);
  }
}

/** Withdraw a queue entry or a hold (its seats go to the next in line). False when it is not queued. */
export async function leaveQueue(
  ctx: AppContext,
  snapshot: Snapshot,
  terms: FloatingTerms,
  entryId: string,
): Promise<boolean> {
  return ctx.db.transaction().execute(async (trx) => {
    const locked = await floatingRepository.lockPoolOf(trx, snapshot.accountId, snapshot.licenseId, entryId);
    if (!locked) return false;
    const { answer } = await applyToPool(trx, ctx, locked, terms, (v) => {
      const queued =
        v.state.queue.some((e) => e.entryId === entryId) || v.state.holds.some((h) => h.entryId === entryId);
      if (!queued) return { state: v.state, events: [], answer: false };
      const r = checkin(v.state, entryId, 'NORMAL', v.options, v.now);
      return { state: r.state, events: r.events, answer: true };
    });
    return answer;
  });
}
