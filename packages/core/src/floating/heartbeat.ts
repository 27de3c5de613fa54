// Heartbeat: extends a live lease by interval × tolerance, or keeps a queue entry or hold alive.

import { type Lease, leaseTtlMs, type PoolState, type QueueEntry } from './pool-state.ts';

/** Why a heartbeat is refused: the client must check out again. */
export type HeartbeatRefusal = 'UNKNOWN_LEASE' | 'LEASE_EXPIRED' | 'LEASE_CHECKED_IN';

/** A heartbeat's answer; `state` is the pool to store. */
export type HeartbeatResult =
  | { ok: true; kind: 'lease'; lease: Lease; state: PoolState }
  | { ok: true; kind: 'queued'; entry: QueueEntry; state: PoolState }
  | { ok: true; kind: 'held'; holdUntil: number; state: PoolState }
  | { ok: false; code: HeartbeatRefusal; state: PoolState };

/**
 * Records a heartbeat for `id` at `now`. A live online lease gets `expiresAt = now + interval ×
 * tolerance` and, when `active` (the default), a fresh `lastActiveAt` for the idle TIMEOUT option. A
 * borrowed lease is unchanged (its end is fixed). A lease past its expiry is refused even before a
 * sweep removes it, so a lease never outlives its expiry; a lingering lease is refused (checked in).
 * A queue entry's heartbeat keeps it from expiring; a hold reports its deadline.
 * @example heartbeat(pool, 'lease_1', now).ok; // true, with lease.expiresAt === now + 120000
 */
export function heartbeat(
  state: PoolState,
  id: string,
  now: number,
  signal: { active?: boolean } = {},
): HeartbeatResult {
  const lease = state.leases.find((l) => l.leaseId === id);
  if (lease) {
    if (lease.expiresAt <= now) return { ok: false, code: 'LEASE_EXPIRED', state };
    if (lease.lingerUntil !== undefined) return { ok: false, code: 'LEASE_CHECKED_IN', state };
    if (lease.borrowedUntil !== undefined) return { ok: true, kind: 'lease', lease, state };
    const active = signal.active ?? true;
    const extended = {
      ...lease,
      expiresAt: now + leaseTtlMs(state),
      lastActiveAt: active ? now : lease.lastActiveAt,
    };
    const leases = state.leases.map((l) => (l === lease ? extended : l));
    return { ok: true, kind: 'lease', lease: extended, state: { ...state, leases } };
  }
  const entry = state.queue.find((e) => e.entryId === id);
  if (entry) {
    const polled = { ...entry, lastHeartbeatAt: now };
    const queue = state.queue.map((e) => (e === entry ? polled : e));
    return { ok: true, kind: 'queued', entry: polled, state: { ...state, queue } };
  }
  const hold = state.holds.find((h) => h.entryId === id);
  if (hold && hold.holdUntil > now) return { ok: true, kind: 'held', holdUntil: hold.holdUntil, state };
  return { ok: false, code: 'UNKNOWN_LEASE', state };
}
