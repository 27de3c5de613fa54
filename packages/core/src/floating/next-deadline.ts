// The earliest instant at which a sweep would change a pool: what the sweeper indexes pools by.

import type { FeatureOptions } from './options.ts';
import type { PoolState } from './pool-state.ts';

/**
 * The first deadline in the pool, or undefined when nothing in it can lapse: a lease's expiry (heartbeat,
 * borrow or linger end), an online lease's idle TIMEOUT (last activity + timeout), a hold's end, a
 * queue entry's poll timeout. Invariant: `expire(state, options, t)` changes nothing for every
 * `t < nextDeadline(state, options)`, so a sweeper that visits a pool at or after this instant
 * misses no reclaim.
 * @example nextDeadline(pool({ leases: [lease({ expiresAt: T0 + 5000 })] }), opts()); // T0 + 5000
 */
export function nextDeadline(state: PoolState, options: FeatureOptions): number | undefined {
  let next = Number.POSITIVE_INFINITY;
  const idle = options.timeoutSeconds;
  for (const lease of state.leases) {
    next = Math.min(next, lease.expiresAt);
    const online = lease.borrowedUntil === undefined && lease.lingerUntil === undefined;
    if (online && idle !== undefined) next = Math.min(next, lease.lastActiveAt + idle * 1000);
  }
  for (const hold of state.holds) next = Math.min(next, hold.holdUntil);
  for (const entry of state.queue) {
    next = Math.min(next, entry.lastHeartbeatAt + state.queueTimeoutSeconds * 1000);
  }
  return Number.isFinite(next) ? next : undefined;
}
