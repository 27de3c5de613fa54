// How many reserved seats current holders use, as a maximum bipartite flow (holders may match several RESERVE rules).

import type { CountedRule, FeatureOptions } from './options.ts';
import type { SeatHolder } from './pool-state.ts';
import { subjectMatches } from './subject-matches.ts';

/** Reservation accounting of a set of seat holders. */
export interface ReservationUse {
  /** Seats of holders counted against reservations, maximised over all assignments. */
  used: number;
  /** Reserved seats no holder uses: held back from everyone but their subjects. */
  unused: number;
}

/**
 * Assigns holders' seats to the RESERVE rules they match so that as many reserved seats as possible
 * are used (so as few as possible are held back from others). A greedy pass is not enough when
 * subjects overlap (alice is both USER alice and in GROUP eng), hence augmenting paths.
 * Invariant: `used + unused` = the sum of RESERVE counts; `used` ≤ the holders' seats.
 * @example
 * reservationUse([{ user: 'alice', host: 'h', count: 1 }], featureOptions({ reserve: [{ count: 2,
 *   subject: { kind: 'USER', name: 'alice' } }] })); // { used: 1, unused: 1 }
 */
export function reservationUse(
  holders: readonly (SeatHolder & { count: number })[],
  options: FeatureOptions,
): ReservationUse {
  const rules: readonly CountedRule[] = options.reserve;
  const total = rules.reduce((sum, r) => sum + r.count, 0);
  if (total === 0 || holders.length === 0) return { used: 0, unused: total };
  const edge = holders.map((h) => rules.map((r) => subjectMatches(r.subject, h, options)));
  const flow = holders.map(() => rules.map(() => 0));
  const supplyLeft = (i: number) => holders[i]!.count - flow[i]!.reduce((a, b) => a + b, 0);
  const capLeft = (j: number) => rules[j]!.count - flow.reduce((a, row) => a + row[j]!, 0);
  let used = 0;
  while (augment()) used++;
  return { used, unused: total - used };

  // One breadth-first augmenting path from a holder with seats left to a rule with room left.
  function augment(): boolean {
    const seenHolder = holders.map((_, i) => supplyLeft(i) > 0);
    const viaRule: (number | undefined)[] = holders.map(() => undefined);
    const fromHolder: (number | undefined)[] = rules.map(() => undefined);
    const queue = seenHolder.flatMap((seen, i) => (seen ? [i] : []));
    while (queue.length > 0) {
      const i = queue.shift()!;
      for (let j = 0; j < rules.length; j++) {
        if (!edge[i]![j] || fromHolder[j] !== undefined) continue;
        fromHolder[j] = i;
        if (capLeft(j) > 0) return apply(j, fromHolder, viaRule);
        for (let k = 0; k < holders.length; k++) {
          if (!seenHolder[k] && flow[k]![j]! > 0) {
            seenHolder[k] = true;
            viaRule[k] = j;
            queue.push(k);
          }
        }
      }
    }
    return false;
  }

  // Pushes one seat along the path: forward on every holder→rule step, cancelling each rule→holder step.
  function apply(end: number, fromHolder: (number | undefined)[], viaRule: (number | undefined)[]): boolean {
    let j = end;
    let i = fromHolder[j]!;
    for (;;) {
      flow[i]![j]!++;
      const back = viaRule[i];
      if (back === undefined) return true;
      flow[i]![back]!--;
      j = back;
      i = fromHolder[back]!;
    }
  }
}
