// The check-out decision: granted with a lease, queued with a position, or denied with every violation.

import { mostSevereDenial, type Violation } from './denial-codes.ts';
import { evaluateGrant } from './evaluate-grant.ts';
import { expire } from './expire.ts';
import type { FeatureOptions } from './options.ts';
import { poolEvent } from './pool-events.ts';
import type { PoolState, SeatRequest } from './pool-state.ts';
import { newLease, type Resumed, resumeCheckout } from './resume-checkout.ts';

/** The outcome of a check-out. `state` is always the pool to store (the sweep may have changed it). */
export type CheckoutDecision = Resumed;

/**
 * Decides a check-out at `now` (epoch ms), to be applied under the pool's row lock:
 * 1. sweeps the pool ({@link expire}): expired leases are reclaimed at every check-out;
 * 2. resumes a known request ({@link resumeCheckout}): idempotent acquire, hold claim, queue poll;
 * 3. judges the request ({@link evaluateGrant}): options rules, borrow rules, capacity.
 * Granted: a lease expiring at now + heartbeat interval × tolerance (or at the borrow end). While
 * others wait in the queue a new request is not granted (strict order) unless its own reservation
 * covers it. Otherwise, a request with `wait` whose violations may clear is queued at the tail; the
 * rest are denied with `code` = the most severe of all `violations`.
 * @example
 * const d = decideCheckout(pool, { id: 'lease_1', user: 'alice', host: 'ws1', count: 1 }, options, now);
 * if (d.outcome === 'granted') store(d.state); // d.lease.expiresAt === now + 120_000
 */
export function decideCheckout(
  state: PoolState,
  request: SeatRequest,
  options: FeatureOptions,
  now: number,
): CheckoutDecision {
  const swept = expire(state, options, now);
  const pool = swept.state;
  const resumed = resumeCheckout(pool, request, now);
  if (resumed) return { ...resumed, events: [...swept.events, ...resumed.events] };
  const verdict = evaluateGrant(pool, request, options, now);
  const queuedAhead = pool.queue.length > 0 && !verdict.reserved;
  if (verdict.violations.length === 0 && !queuedAhead) {
    const lease = newLease(pool, request, now);
    const event = poolEvent('CHECKOUT', pool.feature, lease.leaseId, lease, now, { until: lease.expiresAt });
    const next = { ...pool, leases: [...pool.leases, lease] };
    return { outcome: 'granted', lease, reused: false, state: next, events: [...swept.events, event] };
  }
  const violations: Violation[] = [...verdict.violations];
  if (violations.length === 0) {
    violations.push({ code: 'NO_SEATS', detail: `${pool.queue.length} requests are queued ahead` });
  }
  if (request.wait && verdict.queueable) {
    const position = pool.queue.length + 1;
    const entry = { entryId: request.id, request, enqueuedAt: now, lastHeartbeatAt: now, position };
    const event = poolEvent('QUEUED', pool.feature, entry.entryId, request, now, { position });
    const next = { ...pool, queue: [...pool.queue, entry] };
    return { outcome: 'queued', entry, position, state: next, events: [...swept.events, event] };
  }
  const code = mostSevereDenial(violations);
  const event = poolEvent('DENIED', pool.feature, request.id, request, now, {
    code,
    detail: violations.find((v) => v.code === code)!.detail,
  });
  return { outcome: 'denied', code, violations, state: pool, events: [...swept.events, event] };
}
