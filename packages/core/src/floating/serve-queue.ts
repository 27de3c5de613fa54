// Hands free seats to the queue strictly in order: only the head is served; a blocked head blocks the rest.

import { evaluateGrant } from './evaluate-grant.ts';
import type { FeatureOptions } from './options.ts';
import { type PoolEvent, poolEvent } from './pool-events.ts';
import { type PoolState, renumber } from './pool-state.ts';

/** A pool after serving its queue, with the events of the moves. */
export interface PoolStep {
  state: PoolState;
  events: PoolEvent[];
}

/**
 * Serves the queue head while it can be granted: its seats become a hold until now + holdSeconds,
 * claimed when the client checks out again with the entry id. A head that can never be granted
 * (EXCLUDED, NOT_INCLUDED, larger than the pool) is dropped; a head that must wait stops the pass, so
 * no entry is ever served before one queued earlier (strict order, head-of-line blocking included).
 * @example serveQueue(pool, options, now).state.holds; // [{ entryId: 'lease_q1', holdUntil: now + 30000, … }]
 */
export function serveQueue(state: PoolState, options: FeatureOptions, now: number): PoolStep {
  const events: PoolEvent[] = [];
  let current = state;
  while (current.queue.length > 0) {
    const [head, ...rest] = current.queue;
    const verdict = evaluateGrant(current, head!.request, options, now);
    if (verdict.violations.length > 0 && verdict.queueable) break;
    const queue = renumber(rest);
    if (verdict.violations.length > 0) {
      const v = verdict.violations[0]!;
      events.push(
        poolEvent('QUEUE_DROPPED', state.feature, head!.entryId, head!.request, now, {
          code: v.code,
          detail: v.detail,
        }),
      );
      current = { ...current, queue };
      continue;
    }
    const hold = {
      entryId: head!.entryId,
      request: head!.request,
      grantedAt: now,
      holdUntil: now + state.holdSeconds * 1000,
    };
    events.push(
      poolEvent('HOLD_GRANTED', state.feature, hold.entryId, hold.request, now, { until: hold.holdUntil }),
    );
    current = { ...current, queue, holds: [...current.holds, hold] };
  }
  return { state: current, events };
}
