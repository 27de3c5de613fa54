// Whether a request can take seats now: the options rules, the borrow rules and capacity, all violations kept.

import { borrowViolations } from './borrow-rules.ts';
import { QUEUEABLE_CODES, type Violation } from './denial-codes.ts';
import type { FeatureOptions } from './options.ts';
import { evaluateOptionRules } from './options-rules.ts';
import { occupiedSeats, type PoolState, type SeatRequest } from './pool-state.ts';

/** The verdict on one request. */
export interface GrantVerdict {
  violations: Violation[];
  /** Granted from the subject's own reservations (used to let it pass a waiting queue). */
  reserved: boolean;
  /** Every violation may clear as seats free up, so the request may wait in the queue. */
  queueable: boolean;
}

/**
 * Judges a request against a pool already cleared of expired leases. Capacity: the pool must have
 * `count` free seats (NO_SEATS); and unless the request is covered by its own reservations, taking the
 * seats must leave enough free seats for every unused reservation (RESERVED_FOR_OTHERS), i.e.
 * free capacity for others = seats − in use − unused reservations. A request larger than the pool, or
 * a borrow request, is never queueable. Borrow limits come from `borrowViolations`.
 * @example evaluateGrant(fullPool, request, featureOptions(), now).violations[0]?.code; // 'NO_SEATS'
 */
export function evaluateGrant(
  state: PoolState,
  request: SeatRequest,
  options: FeatureOptions,
  now: number,
): GrantVerdict {
  if (!Number.isInteger(request.count) || request.count < 1) {
    const violations: Violation[] = [{ code: 'INVALID_REQUEST', detail: 'count must be a positive integer' }];
    return { violations, reserved: false, queueable: false };
  }
  const rules = evaluateOptionRules(state, request, options);
  const violations = [...rules.violations, ...borrowViolations(state, request, options, now)];
  const inUseAfter = occupiedSeats(state) + request.count;
  if (inUseAfter > state.seats) {
    violations.push({
      code: 'NO_SEATS',
      detail: `${state.seats - occupiedSeats(state)} of ${state.seats} seats free`,
    });
  } else if (!rules.reserved && inUseAfter + rules.after.unused > state.seats) {
    violations.push({
      code: 'RESERVED_FOR_OTHERS',
      detail: `${rules.after.unused} free seats are reserved for other users`,
    });
  }
  const queueable =
    request.borrowUntil === undefined &&
    request.count <= state.seats &&
    violations.every((v) => QUEUEABLE_CODES.has(v.code));
  return { violations, reserved: rules.reserved, queueable };
}
