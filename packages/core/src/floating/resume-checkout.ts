// Check-outs that continue something already in the pool: an idempotent retry, a claimed hold, a queue poll, a linger.

import type { DenialCode, Violation } from './denial-codes.ts';
import { type PoolEvent, poolEvent } from './pool-events.ts';
import { type Lease, leaseTtlMs, type PoolState, type QueueEntry, type SeatRequest } from './pool-state.ts';

/** What a resumed check-out returns (the caller adds the sweep's events). */
export type Resumed =
  | { outcome: 'granted'; lease: Lease; reused: boolean; state: PoolState; events: PoolEvent[] }
  | { outcome: 'queued'; entry: QueueEntry; position: number; state: PoolState; events: PoolEvent[] }
  | { outcome: 'denied'; code: DenialCode; violations: Violation[]; state: PoolState; events: PoolEvent[] };

/**
 * A fresh lease for a request. Invariant: a borrowed lease expires exactly at its borrow end; an
 * online one at now + interval × tolerance.
 * @example newLease(pool, request, now).expiresAt; // now + 120000 for 60 s × 2
 */
export function newLease(state: PoolState, request: SeatRequest, now: number): Lease {
  const { id, wait: _wait, borrowUntil, ...holder } = request;
  const lease: Lease = {
    ...holder,
    leaseId: id,
    startedAt: now,
    lastActiveAt: now,
    expiresAt: now + leaseTtlMs(state),
  };
  if (borrowUntil !== undefined) return { ...lease, expiresAt: borrowUntil, borrowedUntil: borrowUntil };
  return lease;
}

/** A known id or key presented by another user or host: never reaches someone else's seat. */
function foreign(state: PoolState): Resumed {
  const detail = 'the id or idempotency key belongs to another holder';
  const violations: Violation[] = [{ code: 'INVALID_REQUEST', detail }];
  return { outcome: 'denied', code: 'INVALID_REQUEST', violations, state, events: [] };
}

function revive(state: PoolState, lease: Lease, now: number): Resumed {
  const { lingerUntil: _l, ...rest } = lease;
  const revived: Lease = { ...rest, lastActiveAt: now, expiresAt: now + leaseTtlMs(state) };
  const leases = state.leases.map((l) => (l === lease ? revived : l));
  const events = [
    poolEvent('CHECKOUT', state.feature, lease.leaseId, lease, now, {
      until: revived.expiresAt,
      detail: 'linger',
    }),
  ];
  return { outcome: 'granted', lease: revived, reused: true, state: { ...state, leases }, events };
}

/**
 * Resumes a request that the pool already knows, or returns undefined for a new one:
 * - a lease with the request's id or idempotency key is returned as is (`reused`), so a retried
 *   acquire never takes a second seat (revived first if it was lingering);
 * - a hold with the request's id or key becomes a lease (the hold's request wins over the retry's fields);
 * - a queue entry with the request's id or key is a poll: its heartbeat is refreshed and its position told;
 * - a lingering online lease of the same user and host with enough seats is revived (FlexNet linger).
 * A known id or key presented by another user or host is denied INVALID_REQUEST.
 * @example resumeCheckout(pool, { …request, id: 'lease_q1' }, now)?.outcome; // 'granted' for a held entry
 */
export function resumeCheckout(state: PoolState, request: SeatRequest, now: number): Resumed | undefined {
  const key = request.idempotencyKey;
  const known = state.leases.find(
    (l) => l.leaseId === request.id || (key !== undefined && l.idempotencyKey === key),
  );
  // Invariant: an idempotency key names at most one lease, hold or queue entry in the pool.
  const mine = (e: { entryId: string; request: SeatRequest }) =>
    e.entryId === request.id || (key !== undefined && e.request.idempotencyKey === key);
  const hold = state.holds.find(mine);
  const entry = state.queue.find(mine);
  const owner = known ?? hold?.request ?? entry?.request;
  if (owner && (owner.user !== request.user || owner.host !== request.host)) return foreign(state);
  if (known) {
    if (known.lingerUntil !== undefined) return revive(state, known, now);
    return { outcome: 'granted', lease: known, reused: true, state, events: [] };
  }
  if (hold) {
    const lease = newLease(state, hold.request, now);
    const next = { ...state, holds: state.holds.filter((h) => h !== hold), leases: [...state.leases, lease] };
    const event = poolEvent('CHECKOUT', state.feature, lease.leaseId, lease, now, {
      until: lease.expiresAt,
      detail: 'from queue',
    });
    return { outcome: 'granted', lease, reused: false, state: next, events: [event] };
  }
  if (entry) {
    const polled = { ...entry, lastHeartbeatAt: now };
    const queue = state.queue.map((e) => (e === entry ? polled : e));
    return {
      outcome: 'queued',
      entry: polled,
      position: polled.position,
      state: { ...state, queue },
      events: [],
    };
  }
  const lingering = state.leases.find(
    (l) =>
      l.lingerUntil !== undefined &&
      l.borrowedUntil === undefined &&
      request.borrowUntil === undefined &&
      l.user === request.user &&
      l.host === request.host &&
      l.count >= request.count,
  );
  return lingering ? revive(state, lingering, now) : undefined;
}
