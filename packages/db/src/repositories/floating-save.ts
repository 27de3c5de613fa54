// Writes one pool operation in a single round trip: lease and queue rows, slot keys by compare-and-set,
// usage events, the pool summary and the long-poll NOTIFY. Run it under the pool's row lock.
import { type Kysely, sql } from 'kysely';
import type { Schema } from '../schema.ts';
import type { StoredLease, StoredQueueEntry } from './floating-repository.ts';

/** A usage log row to insert; `at` in epoch milliseconds. */
export interface FloatingEventInsert {
  id: string;
  kind: Schema['floating_events']['kind'];
  leaseId: string | null;
  count: number;
  user: string;
  host: string;
  department: string | null;
  group: string | null;
  reason: string | null;
  at: number;
  inUseAfter: number;
  waitMs: number | null;
}

/** The changes of one operation on one pool. */
export interface PoolWrite {
  pool: {
    id: string;
    accountId: string;
    organizationId: string;
    licenseId: string;
    feature: string;
    seats: number;
    inUse: number;
    borrowed: number;
    queued: number;
    /** Epoch ms; null when nothing in the pool can lapse. */
    nextDueAt: number | null;
  };
  now: number;
  deletedLeaseIds: string[];
  /** New leases, and changed ones (expiry, activity, borrow and linger ends are updated). */
  leases: StoredLease[];
  deletedQueueIds: string[];
  /** New entries, and changed ones (position, poll time, hold). */
  queue: StoredQueueEntry[];
  slots: {
    updates: { slotNo: number; occupantId: string | null; previous: string | null }[];
    inserts: { slotNo: number; occupantId: string | null }[];
    deletes: { slotNo: number; previous: string | null }[];
  };
  events: FloatingEventInsert[];
}

/** The slot keys did not hold what was read under the lock: nothing was written. */
export class SlotKeyConflictError extends Error {
  constructor(poolId: string) {
    super(`slot keys of pool ${poolId} changed under its lock; the operation was rolled back`);
    this.name = 'SlotKeyConflictError';
  }
}

/**
 * Apply `write` in one round trip (migration 0006's floating_save_pool). Slot key updates and deletes
 * only match rows still holding the occupant read under the lock and inserts fail on an existing slot
 * number; when the rows touched differ from the plan, {@link SlotKeyConflictError} is thrown and the
 * transaction must roll back. With `notify`, waiting long polls are woken when this commits.
 */
export async function savePool(db: Kysely<Schema>, write: PoolWrite, notify = false): Promise<void> {
  const payload = JSON.stringify({ ...write, notify });
  try {
    await sql`SELECT floating_save_pool(${payload}::jsonb)`.execute(db);
  } catch (error) {
    if (/slot keys of pool/.test((error as Error).message ?? ''))
      throw new SlotKeyConflictError(write.pool.id);
    throw error;
  }
}
