// The sweep: reclaims expired and idle leases, ended lingers, lapsed holds and silent queue entries, then serves the queue.

import type { FeatureOptions } from './options.ts';
import { type PoolEvent, poolEvent } from './pool-events.ts';
import { type Lease, type PoolState, renumber } from './pool-state.ts';
import { type PoolStep, serveQueue } from './serve-queue.ts';

/** Why a lease leaves in a sweep, or undefined when it stays. */
function leaseEnd(lease: Lease, options: FeatureOptions, now: number): string | undefined {
  if (lease.expiresAt <= now) {
    if (lease.lingerUntil !== undefined) return 'linger';
    return lease.borrowedUntil !== undefined ? 'borrow period ended' : 'heartbeat missed';
  }
  const idle = options.timeoutSeconds;
  const online = lease.borrowedUntil === undefined && lease.lingerUntil === undefined;
  if (online && idle !== undefined && lease.lastActiveAt + idle * 1000 <= now) return `idle for ${idle} s`;
  return undefined;
}

/**
 * Runs the sweep at `now` (the database clock, in the server). After it, every lease has
 * `expiresAt > now` (no lease outlives its expiry), every hold `holdUntil > now`, every queue entry a
 * heartbeat within `queueTimeoutSeconds`. Released leases carry reason TIMEOUT (heartbeat missed,
 * borrow period ended or idle beyond the TIMEOUT option; `detail` says which) or LINGER_ENDED. The
 * freed seats then go to the queue in order ({@link serveQueue}). Check-out runs it first, so expired
 * leases are also reclaimed at the next check-out without waiting for the sweeper.
 * @example expire(pool, options, now).events.map((e) => e.reason); // ['TIMEOUT']
 */
export function expire(state: PoolState, options: FeatureOptions, now: number): PoolStep {
  const events: PoolEvent[] = [];
  const leases = state.leases.filter((lease) => {
    const end = leaseEnd(lease, options, now);
    if (end === undefined) return true;
    events.push(
      end === 'linger'
        ? poolEvent('LINGER_ENDED', state.feature, lease.leaseId, lease, now)
        : poolEvent('CHECKIN', state.feature, lease.leaseId, lease, now, { reason: 'TIMEOUT', detail: end }),
    );
    return false;
  });
  const holds = state.holds.filter((hold) => {
    if (hold.holdUntil > now) return true;
    events.push(poolEvent('HOLD_EXPIRED', state.feature, hold.entryId, hold.request, now));
    return false;
  });
  const queue = state.queue.filter((entry) => {
    if (entry.lastHeartbeatAt + state.queueTimeoutSeconds * 1000 > now) return true;
    events.push(poolEvent('QUEUE_EXPIRED', state.feature, entry.entryId, entry.request, now));
    return false;
  });
  const swept = { ...state, leases, holds, queue: renumber(queue) };
  const served = serveQueue(swept, options, now);
  return { state: served.state, events: [...events, ...served.events] };
}
