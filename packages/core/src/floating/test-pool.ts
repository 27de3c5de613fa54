// Test fixtures for the floating tests: a pool, a request and a fixed start instant.

import type { FeatureOptions } from './options.ts';
import { featureOptions } from './options.ts';
import { createPoolState, type Lease, type PoolState, type SeatRequest } from './pool-state.ts';

/** 2026-10-06T09:41:00Z, a Tuesday. */
export const T0 = Date.UTC(2026, 9, 6, 9, 41);
export const SECOND = 1000;
export const HOUR = 3_600_000;

/** A 3-seat pool: 60 s heartbeats, tolerance 2, 30 s holds, 120 s queue timeout. */
export function pool(patch: Partial<PoolState> = {}): PoolState {
  return {
    ...createPoolState({
      feature: 'cad',
      seats: 3,
      heartbeatIntervalSeconds: 60,
      heartbeatTolerance: 2,
      holdSeconds: 30,
      queueTimeoutSeconds: 120,
    }),
    ...patch,
  };
}

let next = 0;
/** A one-seat request with a fresh id. */
export function req(patch: Partial<SeatRequest> = {}): SeatRequest {
  next++;
  return { id: `lease_${next}`, user: `user${next}`, host: `host${next}`, count: 1, ...patch };
}

/** A live lease expiring two minutes after T0. */
export function lease(patch: Partial<Lease> = {}): Lease {
  next++;
  return {
    leaseId: `lease_${next}`,
    user: `user${next}`,
    host: `host${next}`,
    count: 1,
    startedAt: T0,
    lastActiveAt: T0,
    expiresAt: T0 + 120 * SECOND,
    ...patch,
  };
}

/** Options patched from nothing. */
export const opts = (patch: Partial<FeatureOptions> = {}) => featureOptions(patch);
