// Floating seat pools under their row lock: lock (or create) a pool and read its state and the database
// clock in one round trip, and write an operation's changes — leases, queue, slot keys, events — in
// another (the plpgsql functions of migration 0006, whose statement plans each connection caches); and
// the fast path, plain check-outs and check-ins in one autocommit statement (migration 0012).
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Schema } from '../schema.ts';
import { fastBatch } from './floating-fast-path.ts';
import { loadPool, lockAndLoad, peekPool } from './floating-read.ts';
import { type FloatingEventInsert, savePool } from './floating-save.ts';

/** A pool row as the lock returns it. */
export interface FloatingPoolRow {
  id: string;
  accountId: string;
  organizationId: string;
  licenseId: string;
  feature: string;
  seats: number;
  /** The earliest deadline in the pool at its last change (the sweeper's index). */
  nextDueAt: Date | null;
  version: number;
}

/** Who holds or asks for seats, as stored on leases and queue rows. Absent values are null. */
export interface StoredHolder {
  count: number;
  user: string;
  host: string;
  group: string | null;
  department: string | null;
  ip: string | null;
  display: string | null;
  fingerprint: string | null;
  idempotencyKey: string | null;
}

/** A lease row; times in epoch milliseconds (database clock). */
export interface StoredLease extends StoredHolder {
  id: string;
  startedAt: number;
  expiresAt: number;
  lastActiveAt: number;
  borrowedUntil: number | null;
  lingerUntil: number | null;
}

/** A queue row: waiting (position set) or a hold (heldUntil set); times in epoch milliseconds. */
export interface StoredQueueEntry extends StoredHolder {
  id: string;
  position: number | null;
  enqueuedAt: number;
  lastHeartbeatAt: number;
  grantedAt: number | null;
  heldUntil: number | null;
}

/** Everything an operation reads after taking the lock. */
export interface LoadedPool {
  /** The database clock (clock_timestamp(), epoch ms), read while the lock is held. */
  now: number;
  leases: StoredLease[];
  queue: StoredQueueEntry[];
  occupiedSlots: { slotNo: number; occupantId: string }[];
  /** The license's stored options document, or null. */
  options: unknown;
}

export type { FastAnswer, FastCheckin, FastCheckout, FastOperation } from './floating-fast-path.ts';
export { type FloatingEventInsert, type PoolWrite, SlotKeyConflictError, savePool } from './floating-save.ts';

/** A pool locked by the current transaction, with its state as read under the lock. */
export interface LockedPool {
  pool: FloatingPoolRow;
  loaded: LoadedPool;
}

export const floatingRepository = {
  /** Lock the pool of (license, feature) until the transaction ends and read it; undefined when it does not exist. */
  lockPool(
    trx: Transaction<Schema>,
    accountId: string,
    licenseId: string,
    feature: string,
  ): Promise<LockedPool | undefined> {
    return lockAndLoad(trx, { account: accountId, license: licenseId, feature });
  },

  /**
   * Create the pool of (license, feature) with no seats (its first operation sizes it) unless another
   * transaction just did; the caller then locks it.
   */
  async createPool(
    trx: Transaction<Schema>,
    row: { id: string; accountId: string; organizationId: string; licenseId: string; feature: string },
  ): Promise<void> {
    await trx
      .insertInto('floating_pools')
      .values({
        id: row.id,
        account_id: row.accountId,
        organization_id: row.organizationId,
        license_id: row.licenseId,
        feature: row.feature,
        seats: 0,
      })
      .onConflict((oc) => oc.columns(['license_id', 'feature']).doNothing())
      .execute();
  },

  /**
   * Lock and read the pool holding lease or queue entry `id` (on license `licenseId`); undefined when no
   * pool of that license holds it. The id → pool link never changes, so finding it before the lock is safe.
   */
  lockPoolOf(
    trx: Transaction<Schema>,
    accountId: string,
    licenseId: string,
    id: string,
  ): Promise<LockedPool | undefined> {
    return lockAndLoad(trx, { account: accountId, license: licenseId, member: id });
  },

  /** Lock and read a pool by id for the sweeper, skipping it when another transaction holds it. */
  lockPoolForSweep(trx: Transaction<Schema>, poolId: string): Promise<LockedPool | undefined> {
    return lockAndLoad(trx, { pool: poolId, skipLocked: true });
  },

  peekPool,

  /**
   * Plain check-outs and check-ins of one license in one autocommit statement; each is done exactly as
   * the full path would, or declined with nothing written (migration 0012).
   */
  fastBatch,

  /** Record usage events that change no pool (denials decided on a snapshot), in one statement. */
  async insertEvents(
    db: Kysely<Schema>,
    pool: FloatingPoolRow,
    events: FloatingEventInsert[],
  ): Promise<void> {
    if (events.length === 0) return;
    await db
      .insertInto('floating_events')
      .values(
        events.map((e) => ({
          id: e.id,
          account_id: pool.accountId,
          organization_id: pool.organizationId,
          license_id: pool.licenseId,
          feature: pool.feature,
          kind: e.kind,
          lease_id: e.leaseId,
          count: e.count,
          user_name: e.user,
          host: e.host,
          department: e.department,
          group_name: e.group,
          reason: e.reason,
          occurred_at: new Date(e.at),
          in_use_after: e.inUseAfter,
          wait_ms: e.waitMs,
        })),
      )
      .execute();
  },

  loadPool,

  savePool,

  /** Pools whose next deadline has passed by the database clock, most overdue first (the sweeper's work list). */
  async duePools(
    db: Kysely<Schema>,
    limit: number,
  ): Promise<{ id: string; accountId: string; licenseId: string; feature: string }[]> {
    return db
      .selectFrom('floating_pools')
      .select(['id', 'account_id as accountId', 'license_id as licenseId', 'feature'])
      .where('next_due_at', '<=', sql<Date>`clock_timestamp()`)
      .orderBy('next_due_at')
      .limit(limit)
      .execute();
  },
};
