// The borrow limits of a check-out: end within MAX_BORROW_HOURS, and BORROW_LOWWATER seats never borrowed.

import type { Violation } from './denial-codes.ts';
import { DEFAULT_MAX_BORROW_HOURS, type FeatureOptions } from './options.ts';
import { borrowedSeats, type PoolState, type SeatRequest } from './pool-state.ts';

const HOUR_MS = 3_600_000;

/**
 * Violations of the borrow rules; none for a request without `borrowUntil`. A borrow must end after
 * `now` and no later than now + MAX_BORROW_HOURS (default 168 h); borrowed seats after the grant must
 * not exceed seats − BORROW_LOWWATER, so the floor always stays available to online clients.
 * @example
 * borrowViolations(pool, { …request, borrowUntil: now + 200 * 3_600_000 }, featureOptions(), now);
 * // [{ code: 'BORROW_LIMIT', … }]
 */
export function borrowViolations(
  state: PoolState,
  request: SeatRequest,
  options: FeatureOptions,
  now: number,
): Violation[] {
  if (request.borrowUntil === undefined) return [];
  if (!(request.borrowUntil > now)) {
    return [{ code: 'INVALID_REQUEST', detail: 'the borrow end must be in the future' }];
  }
  const violations: Violation[] = [];
  const maxHours = options.maxBorrowHours ?? DEFAULT_MAX_BORROW_HOURS;
  if (request.borrowUntil > now + maxHours * HOUR_MS) {
    violations.push({ code: 'BORROW_LIMIT', detail: `borrowing is limited to ${maxHours} hours` });
  }
  const floor = options.borrowLowwater ?? 0;
  const borrowed = borrowedSeats(state);
  if (borrowed + request.count > state.seats - floor) {
    violations.push({
      code: 'BORROW_LOWWATER',
      detail: `${floor} of ${state.seats} seats cannot be borrowed; ${borrowed} are borrowed`,
    });
  }
  return violations;
}
