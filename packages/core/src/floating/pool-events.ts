// The events a pool operation emits, for usage analytics and audit: every check-out, check-in, denial and queue move.

import type { DenialCode } from './denial-codes.ts';
import type { SeatHolder } from './pool-state.ts';

/** Why a seat was released (RLM's vocabulary): analytics and audit read it directly. */
export const CHECKIN_REASONS = [
  'NORMAL',
  'EXIT',
  'ADMIN_REMOVED',
  'TIMEOUT',
  'HARVESTED',
  'BORROW_RETURNED',
] as const;
export type CheckinReason = (typeof CHECKIN_REASONS)[number];

export type PoolEventType =
  | 'CHECKOUT'
  | 'CHECKIN'
  | 'LINGER_ENDED'
  | 'DENIED'
  | 'QUEUED'
  | 'QUEUE_LEFT'
  | 'QUEUE_EXPIRED'
  | 'QUEUE_DROPPED'
  | 'HOLD_GRANTED'
  | 'HOLD_EXPIRED';

/** One flat event row. `id` is the lease id or the queue entry id. Times are epoch milliseconds. */
export interface PoolEvent {
  type: PoolEventType;
  at: number;
  feature: string;
  id: string;
  user: string;
  host: string;
  department?: string;
  group?: string;
  count: number;
  reason?: CheckinReason;
  code?: DenialCode;
  detail?: string;
  position?: number;
  /** Lease expiry, borrow end, linger end or hold deadline, by event type. */
  until?: number;
}

/**
 * Builds an event for a holder.
 * @example poolEvent('CHECKOUT', 'cad', 'lease_1', lease, now, { until: lease.expiresAt });
 */
export function poolEvent(
  type: PoolEventType,
  feature: string,
  id: string,
  holder: SeatHolder & { count: number },
  at: number,
  extra: Partial<Pick<PoolEvent, 'reason' | 'code' | 'detail' | 'position' | 'until'>> = {},
): PoolEvent {
  const base: PoolEvent = {
    type,
    at,
    feature,
    id,
    user: holder.user,
    host: holder.host,
    count: holder.count,
  };
  if (holder.department !== undefined) base.department = holder.department;
  if (holder.group !== undefined) base.group = holder.group;
  return { ...base, ...extra };
}
