// Stored pool rows ↔ the core's PoolState: null columns become absent members and back.
import type { Hold, Lease, PoolConfig, PoolState, QueueEntry, SeatHolder, SeatRequest } from '@licentia/core';
import type { LoadedPool, StoredHolder, StoredLease, StoredQueueEntry } from '@licentia/db';

const OPTIONAL = ['group', 'department', 'ip', 'display', 'fingerprint'] as const;

function holderOf(row: StoredHolder): SeatHolder & { count: number; idempotencyKey?: string } {
  const holder: SeatHolder & { count: number; idempotencyKey?: string } = {
    user: row.user,
    host: row.host,
    count: row.count,
  };
  for (const key of OPTIONAL) if (row[key] !== null) holder[key] = row[key];
  if (row.idempotencyKey !== null) holder.idempotencyKey = row.idempotencyKey;
  return holder;
}

function storedHolder(h: SeatHolder & { count: number; idempotencyKey?: string | undefined }): StoredHolder {
  return {
    count: h.count,
    user: h.user,
    host: h.host,
    group: h.group ?? null,
    department: h.department ?? null,
    ip: h.ip ?? null,
    display: h.display ?? null,
    fingerprint: h.fingerprint ?? null,
    idempotencyKey: h.idempotencyKey ?? null,
  };
}

function leaseOf(row: StoredLease): Lease {
  const lease: Lease = {
    ...holderOf(row),
    leaseId: row.id,
    startedAt: row.startedAt,
    expiresAt: row.expiresAt,
    lastActiveAt: row.lastActiveAt,
  };
  if (row.borrowedUntil !== null) lease.borrowedUntil = row.borrowedUntil;
  if (row.lingerUntil !== null) lease.lingerUntil = row.lingerUntil;
  return lease;
}

/** A stored queue row's request: queued requests always asked to wait and never borrow. */
const requestOf = (row: StoredQueueEntry): SeatRequest => ({ ...holderOf(row), id: row.id, wait: true });

/**
 * The core state of a loaded pool under `config`. Waiting rows (position set) form the queue in
 * position order; rows with `heldUntil` are holds.
 */
export function toPoolState(config: PoolConfig, loaded: LoadedPool): PoolState {
  const queue: QueueEntry[] = [];
  const holds: Hold[] = [];
  for (const row of loaded.queue) {
    if (row.heldUntil !== null) {
      holds.push({
        entryId: row.id,
        request: requestOf(row),
        grantedAt: row.grantedAt ?? row.enqueuedAt,
        holdUntil: row.heldUntil,
      });
    } else {
      queue.push({
        entryId: row.id,
        request: requestOf(row),
        enqueuedAt: row.enqueuedAt,
        lastHeartbeatAt: row.lastHeartbeatAt,
        position: queue.length + 1,
      });
    }
  }
  return { ...config, leases: loaded.leases.map(leaseOf), queue, holds };
}

export function toStoredLease(lease: Lease): StoredLease {
  return {
    ...storedHolder(lease),
    id: lease.leaseId,
    startedAt: lease.startedAt,
    expiresAt: lease.expiresAt,
    lastActiveAt: lease.lastActiveAt,
    borrowedUntil: lease.borrowedUntil ?? null,
    lingerUntil: lease.lingerUntil ?? null,
  };
}

export function toStoredEntry(entry: QueueEntry): StoredQueueEntry {
  return {
    ...storedHolder(entry.request),
    id: entry.entryId,
    position: entry.position,
    enqueuedAt: entry.enqueuedAt,
    lastHeartbeatAt: entry.lastHeartbeatAt,
    grantedAt: null,
    heldUntil: null,
  };
}

/** A hold keeps the queue row's enqueue and poll times when it had one. */
export function toStoredHold(hold: Hold, previous: StoredQueueEntry | undefined): StoredQueueEntry {
  return {
    ...storedHolder(hold.request),
    id: hold.entryId,
    position: null,
    enqueuedAt: previous?.enqueuedAt ?? hold.grantedAt,
    lastHeartbeatAt: previous?.lastHeartbeatAt ?? hold.grantedAt,
    grantedAt: hold.grantedAt,
    heldUntil: hold.holdUntil,
  };
}
