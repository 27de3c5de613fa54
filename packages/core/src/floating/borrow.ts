// Borrowing: a check-out for offline use until a chosen end, and its early return.

import { type CheckinResult, checkin } from './checkin.ts';
import { type CheckoutDecision, decideCheckout } from './checkout.ts';
import type { FeatureOptions } from './options.ts';
import type { PoolState, SeatRequest } from './pool-state.ts';

/**
 * Borrows seats until `borrowUntil` (epoch ms). Same rules as {@link decideCheckout} plus the borrow
 * rules: the end must be within MAX_BORROW_HOURS (default 168 h; BORROW_LIMIT) and BORROW_LOWWATER
 * seats stay unborrowable (BORROW_LOWWATER). A borrow never waits in the queue. The lease needs no
 * heartbeat and expires at the borrow end; the SDK keeps its signed token for offline use.
 * @example
 * decideBorrow(pool, { id: 'lease_b1', user: 'alice', host: 'laptop', count: 1 }, now + 72 * 3_600_000,
 *   options, now); // { outcome: 'granted', lease: { borrowedUntil: now + 259200000, … }, … }
 */
export function decideBorrow(
  state: PoolState,
  request: SeatRequest,
  borrowUntil: number,
  options: FeatureOptions,
  now: number,
): CheckoutDecision {
  return decideCheckout(state, { ...request, borrowUntil, wait: false }, options, now);
}

/**
 * Returns a borrowed lease early (reason BORROW_RETURNED): the seat is free at once, no linger.
 * @example returnBorrowed(pool, 'lease_b1', options, now).found; // true
 */
export function returnBorrowed(
  state: PoolState,
  leaseId: string,
  options: FeatureOptions,
  now: number,
): CheckinResult {
  return checkin(state, leaseId, 'BORROW_RETURNED', options, now);
}
