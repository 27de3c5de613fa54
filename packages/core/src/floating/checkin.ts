// Check-in: releases a lease with a reason (optionally lingering), or withdraws a queue entry or hold.

import type { FeatureOptions } from './options.ts';
import { type CheckinReason, type PoolEvent, poolEvent } from './pool-events.ts';
import { type Lease, type PoolState, renumber } from './pool-state.ts';
import { serveQueue } from './serve-queue.ts';

/** The pool after a check-in. `found` is false for an unknown id (check-in is idempotent). */
export interface CheckinResult {
  state: PoolState;
  found: boolean;
  /** The lease keeps its seat until `lingerUntil` (LINGER option). */
  lingering: boolean;
  events: PoolEvent[];
}

/** Reasons after which the seat may linger: the client chose to leave; the others free at once. */
const LINGERING_REASONS: ReadonlySet<CheckinReason> = new Set(['NORMAL', 'EXIT']);

function release(
  state: PoolState,
  lease: Lease,
  reason: CheckinReason,
  options: FeatureOptions,
  now: number,
) {
  const linger = options.lingerSeconds ?? 0;
  const canLinger =
    linger > 0 &&
    LINGERING_REASONS.has(reason) &&
    lease.borrowedUntil === undefined &&
    lease.lingerUntil === undefined;
  if (!canLinger) {
    const leases = state.leases.filter((l) => l !== lease);
    const event = poolEvent('CHECKIN', state.feature, lease.leaseId, lease, now, { reason });
    return { state: { ...state, leases }, lingering: false, event };
  }
  const until = now + linger * 1000;
  // Invariant: a lingering lease's single deadline is its linger end; heartbeats no longer extend it.
  const held: Lease = { ...lease, lingerUntil: until, expiresAt: until };
  const leases = state.leases.map((l) => (l === lease ? held : l));
  const event = poolEvent('CHECKIN', state.feature, lease.leaseId, lease, now, { reason, until });
  return { state: { ...state, leases }, lingering: true, event };
}

/**
 * Checks in `id` at `now`. A lease checked in with NORMAL or EXIT under a LINGER option keeps its seat
 * for the linger seconds (the same user and host may take it back); any other reason (ADMIN_REMOVED,
 * TIMEOUT, HARVESTED, BORROW_RETURNED) or a second check-in of a lingering lease frees it at once.
 * An id of a queue entry or hold withdraws it (QUEUE_LEFT). Freed seats go to the queue in order.
 * @example checkin(pool, 'lease_1', 'NORMAL', featureOptions({ lingerSeconds: 60 }), now).lingering; // true
 */
export function checkin(
  state: PoolState,
  id: string,
  reason: CheckinReason,
  options: FeatureOptions,
  now: number,
): CheckinResult {
  const lease = state.leases.find((l) => l.leaseId === id);
  let next: PoolState;
  let event: PoolEvent;
  let lingering = false;
  if (lease) {
    ({ state: next, event, lingering } = release(state, lease, reason, options, now));
  } else {
    const entry = state.queue.find((e) => e.entryId === id) ?? state.holds.find((h) => h.entryId === id);
    if (!entry) return { state, found: false, lingering: false, events: [] };
    next = {
      ...state,
      queue: renumber(state.queue.filter((e) => e.entryId !== id)),
      holds: state.holds.filter((h) => h.entryId !== id),
    };
    event = poolEvent('QUEUE_LEFT', state.feature, id, entry.request, now, { reason });
  }
  const served = serveQueue(next, options, now);
  return { state: served.state, found: true, lingering, events: [event, ...served.events] };
}
