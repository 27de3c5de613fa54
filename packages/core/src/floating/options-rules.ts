// The options rules of one request, in precedence order: EXCLUDE, then RESERVE, then MAX, then INCLUDE.

import type { Violation } from './denial-codes.ts';
import type { FeatureOptions } from './options.ts';
import { occupants, type PoolState, type SeatRequest } from './pool-state.ts';
import { type ReservationUse, reservationUse } from './reservation-flow.ts';
import { describeSubject, subjectMatches } from './subject-matches.ts';

/** The outcome of the options rules for one request against the current pool. */
export interface RuleOutcome {
  violations: Violation[];
  /** The whole request fits in its subjects' unused reservations. */
  reserved: boolean;
  /** Reservation accounting if the request were granted. */
  after: ReservationUse;
}

/**
 * Applies the options rules, in this documented precedence:
 * 1. EXCLUDE: a matching subject is denied EXCLUDED, whatever else applies (even a reservation).
 * 2. RESERVE: a request covered entirely by its subjects' unused reservations is `reserved`: it uses
 *    seats promised to it, so MAX and INCLUDE (which ration the unreserved seats) do not apply.
 * 3. MAX: for each MAX rule the request matches, seats its subject holds + requested ≤ n (MAX_REACHED).
 * 4. INCLUDE: when the list is non-empty, only its subjects may use unreserved seats (NOT_INCLUDED).
 * Every violation is returned, not only the first. Capacity is judged by `evaluateGrant`.
 * @example
 * evaluateOptionRules(pool, { id: 'lease_1', user: 'eve', host: 'h', count: 1 },
 *   featureOptions({ exclude: [{ kind: 'USER', name: 'eve' }] })).violations[0]?.code; // 'EXCLUDED'
 */
export function evaluateOptionRules(
  state: PoolState,
  request: SeatRequest,
  options: FeatureOptions,
): RuleOutcome {
  const violations: Violation[] = [];
  for (const subject of options.exclude) {
    if (subjectMatches(subject, request, options)) {
      violations.push({ code: 'EXCLUDED', detail: `excluded by EXCLUDE ${describeSubject(subject)}` });
    }
  }
  const holders = occupants(state);
  const before = reservationUse(holders, options);
  const after = reservationUse([...holders, request], options);
  const reserved = after.used - before.used === request.count;
  if (reserved) return { violations, reserved, after };
  for (const rule of options.max) {
    if (!subjectMatches(rule.subject, request, options)) continue;
    const held = holders
      .filter((h) => subjectMatches(rule.subject, h, options))
      .reduce((sum, h) => sum + h.count, 0);
    if (held + request.count > rule.count) {
      violations.push({
        code: 'MAX_REACHED',
        detail: `MAX ${rule.count} for ${describeSubject(rule.subject)}: ${held} in use`,
      });
    }
  }
  if (options.include.length > 0 && !options.include.some((s) => subjectMatches(s, request, options))) {
    violations.push({
      code: 'NOT_INCLUDED',
      detail: 'the INCLUDE list does not name this user, host or group',
    });
  }
  return { violations, reserved, after };
}
