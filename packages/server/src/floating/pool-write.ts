// What an operation changed in a pool, as the rows to write: the diff of two core states, the slot key
// plan, the usage events and the pool summary. Unchanged rows are not rewritten.
import {
  borrowedSeats,
  type FeatureOptions,
  floatingEventsOf,
  nextDeadline,
  occupiedSeats,
  type PoolEvent,
  type PoolState,
  planSlots,
} from '@licentia/core';
import type { FloatingPoolRow, LoadedPool, PoolWrite, StoredLease, StoredQueueEntry } from '@licentia/db';
import { toStoredEntry, toStoredHold, toStoredLease } from './pool-state-mapping.ts';

const sameLease = (a: StoredLease, b: StoredLease) =>
  a.expiresAt === b.expiresAt &&
  a.lastActiveAt === b.lastActiveAt &&
  a.borrowedUntil === b.borrowedUntil &&
  a.lingerUntil === b.lingerUntil;

const sameEntry = (a: StoredQueueEntry, b: StoredQueueEntry) =>
  a.position === b.position &&
  a.lastHeartbeatAt === b.lastHeartbeatAt &&
  a.grantedAt === b.grantedAt &&
  a.heldUntil === b.heldUntil;

export interface PoolChange {
  write: PoolWrite;
  /** False when nothing needs writing (an idempotent retry, a poll that changed nothing). */
  changed: boolean;
  /** Waiting clients may have moved: wake long polls. */
  queueMoved: boolean;
}

/** The write that takes `pool` from `before` to `after`, with `events` recorded at `now`. */
export function poolChange(
  pool: FloatingPoolRow,
  loaded: LoadedPool,
  before: PoolState,
  after: PoolState,
  events: readonly PoolEvent[],
  options: FeatureOptions,
  newEventId: () => string,
): PoolChange {
  const storedLeases = new Map(loaded.leases.map((l) => [l.id, l]));
  const leases = after.leases.map(toStoredLease).filter((l) => {
    const old = storedLeases.get(l.id);
    return !old || !sameLease(old, l);
  });
  const keptLeases = new Set(after.leases.map((l) => l.leaseId));
  const storedQueue = new Map(loaded.queue.map((q) => [q.id, q]));
  const nextQueue = [
    ...after.queue.map(toStoredEntry),
    ...after.holds.map((h) => toStoredHold(h, storedQueue.get(h.entryId))),
  ];
  const queue = nextQueue.filter((q) => {
    const old = storedQueue.get(q.id);
    return !old || !sameEntry(old, q);
  });
  const keptQueue = new Set(nextQueue.map((q) => q.id));
  const occupants = [
    ...after.leases.map((l) => ({ id: l.leaseId, count: l.count })),
    ...after.holds.map((h) => ({ id: h.entryId, count: h.request.count })),
  ];
  const slots = planSlots(pool.seats, loaded.occupiedSlots, occupants, after.seats);
  const rows = floatingEventsOf(before, after, events).map((e) => ({
    id: newEventId(),
    kind: e.kind,
    leaseId: e.leaseId,
    count: e.count,
    user: e.user,
    host: e.host,
    department: e.department ?? null,
    group: e.group ?? null,
    reason: e.reason ?? null,
    at: e.at,
    inUseAfter: e.inUseAfter,
    waitMs: e.waitMs ?? null,
  }));
  const nextDueAt = nextDeadline(after, options) ?? null;
  const write: PoolWrite = {
    pool: {
      id: pool.id,
      accountId: pool.accountId,
      organizationId: pool.organizationId,
      licenseId: pool.licenseId,
      feature: pool.feature,
      seats: after.seats,
      inUse: occupiedSeats(after),
      borrowed: borrowedSeats(after),
      queued: after.queue.length,
      nextDueAt,
    },
    now: loaded.now,
    deletedLeaseIds: loaded.leases.filter((l) => !keptLeases.has(l.id)).map((l) => l.id),
    leases,
    deletedQueueIds: loaded.queue.filter((q) => !keptQueue.has(q.id)).map((q) => q.id),
    queue,
    slots,
    events: rows,
  };
  const changed =
    write.deletedLeaseIds.length + leases.length + write.deletedQueueIds.length + queue.length > 0 ||
    slots.updates.length + slots.inserts.length + slots.deletes.length + rows.length > 0 ||
    pool.seats !== after.seats ||
    (pool.nextDueAt?.getTime() ?? null) !== nextDueAt;
  const waiting = before.queue.length + before.holds.length + after.queue.length + after.holds.length > 0;
  return { write, changed, queueMoved: waiting && events.length > 0 };
}
