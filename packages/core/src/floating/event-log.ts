// Turns a pool operation's events into the rows of the usage log (floating_events) that analytics reads.

import type { PoolEvent } from './pool-events.ts';
import { occupiedSeats, type PoolState } from './pool-state.ts';

/** The kinds stored in the usage log. */
export const FLOATING_EVENT_KINDS = [
  'OUT',
  'IN',
  'DENIED',
  'QUEUED',
  'DEQUEUED',
  'QUEUE_EXPIRED',
  'BORROW',
  'HEARTBEAT_MISSED',
] as const;
export type FloatingEventKind = (typeof FLOATING_EVENT_KINDS)[number];

/** One usage log row (without ids and tenancy, which the server adds). Times are epoch ms. */
export interface FloatingEventRow {
  kind: FloatingEventKind;
  at: number;
  feature: string;
  /** The lease or queue entry id. */
  leaseId: string;
  count: number;
  user: string;
  host: string;
  department?: string;
  group?: string;
  /** Check-in reason, denial code, or how a queue entry or lease ended (see {@link floatingEventsOf}). */
  reason?: string;
  /** Seats occupied (leases and holds) when the operation committed. */
  inUseAfter: number;
  /** DEQUEUED only: time the entry waited in the queue. */
  waitMs?: number;
}

function kindAndReason(
  e: PoolEvent,
  borrowed: ReadonlySet<string>,
): { kind: FloatingEventKind; reason?: string } {
  switch (e.type) {
    case 'CHECKOUT': {
      const kind = borrowed.has(e.id) ? 'BORROW' : 'OUT';
      if (e.detail === 'from queue') return { kind, reason: 'QUEUE' };
      if (e.detail === 'linger') return { kind, reason: 'LINGER' };
      return { kind };
    }
    case 'CHECKIN':
      if (e.reason === 'TIMEOUT' && e.detail === 'heartbeat missed')
        return { kind: 'HEARTBEAT_MISSED', reason: 'TIMEOUT' };
      return { kind: 'IN', reason: e.reason ?? 'NORMAL' };
    case 'LINGER_ENDED':
      return { kind: 'IN', reason: 'LINGER_ENDED' };
    case 'DENIED':
      return { kind: 'DENIED', ...(e.code ? { reason: e.code } : {}) };
    case 'QUEUED':
      return { kind: 'QUEUED' };
    case 'HOLD_GRANTED':
      return { kind: 'DEQUEUED', reason: 'GRANTED' };
    case 'QUEUE_EXPIRED':
      return { kind: 'QUEUE_EXPIRED', reason: 'NO_POLL' };
    case 'QUEUE_LEFT':
      return { kind: 'QUEUE_EXPIRED', reason: 'LEFT' };
    case 'QUEUE_DROPPED':
      return { kind: 'QUEUE_EXPIRED', reason: e.code ?? 'DROPPED' };
    case 'HOLD_EXPIRED':
      return { kind: 'QUEUE_EXPIRED', reason: 'HOLD_EXPIRED' };
  }
}

/**
 * Maps events to usage rows. Kinds: CHECKOUT → OUT (BORROW for a borrowed lease; reason QUEUE when a
 * hold was claimed, LINGER when a lingering lease was taken back); CHECKIN → IN with the check-in reason,
 * or HEARTBEAT_MISSED (reason TIMEOUT) when the heartbeat deadline passed; a linger's end → IN reason
 * LINGER_ENDED; HOLD_GRANTED → DEQUEUED (reason GRANTED, `waitMs` since enqueue); queue entries and
 * holds that end otherwise → QUEUE_EXPIRED with reason NO_POLL, LEFT, HOLD_EXPIRED or the denial code
 * that dropped them. `inUseAfter` is the occupied seats of `after` for every row: the operation is
 * atomic under the pool lock, so its intermediate states were never visible.
 * @example floatingEventsOf(before, after, decision.events).map((e) => e.kind); // ['HEARTBEAT_MISSED', 'OUT']
 */
export function floatingEventsOf(
  before: PoolState,
  after: PoolState,
  events: readonly PoolEvent[],
): FloatingEventRow[] {
  const inUseAfter = occupiedSeats(after);
  const enqueued = new Map(before.queue.map((e) => [e.entryId, e.enqueuedAt]));
  const borrowed = new Set(after.leases.filter((l) => l.borrowedUntil !== undefined).map((l) => l.leaseId));
  return events.map((e) => {
    const { kind, reason } = kindAndReason(e, borrowed);
    const row: FloatingEventRow = {
      kind,
      at: e.at,
      feature: e.feature,
      leaseId: e.id,
      count: e.count,
      user: e.user,
      host: e.host,
      inUseAfter,
    };
    if (e.department !== undefined) row.department = e.department;
    if (e.group !== undefined) row.group = e.group;
    if (reason !== undefined) row.reason = reason;
    const since = enqueued.get(e.id);
    if (e.type === 'HOLD_GRANTED' && since !== undefined) row.waitMs = Math.max(0, e.at - since);
    return row;
  });
}
