// The one way a pool changes: under its row lock, read its state and the database clock, let the core
// decide, write the difference and the events, and notify waiting clients — all in the caller's
// transaction, so the decision and its effects commit together or not at all.
import {
  emptyOptionsDocument,
  type FeatureOptions,
  type FloatingOptionsDocument,
  type FloatingTerms,
  featureOptionsOf,
  type PoolConfig,
  type PoolEvent,
  type PoolState,
  poolConfigOf,
} from '@licentia/core';
import {
  type FloatingPoolRow,
  floatingRepository,
  type LoadedPool,
  type LockedPool,
  type Schema,
} from '@licentia/db';
import type { Transaction } from 'kysely';
import type { AppContext } from '../http/context.ts';
import type { Snapshot } from '../licensing/license-snapshot.ts';
import { toPoolState } from './pool-state-mapping.ts';
import { poolChange } from './pool-write.ts';

/** The channel a pool's id is notified on when its queue may have moved (long polls wake on it). */
export const FLOATING_CHANNEL = 'licentia_floating';

/** What an operation sees: the locked pool, its state before, and the database clock. */
export interface PoolView {
  pool: FloatingPoolRow;
  loaded: LoadedPool;
  /** Database clock (epoch ms), read while the lock is held. */
  now: number;
  config: PoolConfig;
  options: FeatureOptions;
  state: PoolState;
}

/** An operation's outcome: the state to store, the events it caused, and its answer. */
export interface PoolStep<T> {
  state: PoolState;
  events: readonly PoolEvent[];
  answer: T;
}

export type PoolOperation<T> = (view: PoolView) => PoolStep<T>;

/** The settings of a pool whose license is gone (sweeper only): keep its seats, default timings. */
const ORPHAN_TERMS = (pool: FloatingPoolRow): FloatingTerms => ({
  seats: pool.seats,
  heartbeatIntervalSeconds: null,
  maxBorrowHours: null,
});

/** Lock the pool of (license, feature), creating it first when this is its first request. */
export async function lockOrCreatePool(
  trx: Transaction<Schema>,
  ctx: AppContext,
  snapshot: Snapshot,
  feature: string,
): Promise<LockedPool> {
  const { accountId, licenseId } = snapshot;
  const locked = await floatingRepository.lockPool(trx, accountId, licenseId, feature);
  if (locked) return locked;
  await floatingRepository.createPool(trx, {
    id: ctx.newId('floatingPool'),
    accountId,
    organizationId: snapshot.organizationId,
    licenseId,
    feature,
  });
  const created = await floatingRepository.lockPool(trx, accountId, licenseId, feature);
  if (!created) throw new Error(`pool ${licenseId}/${feature} vanished after creation`);
  return created;
}

/** Decide `operation` on a pool's state (locked or a snapshot) and work out what it would change. */
function decide<T>(
  ctx: AppContext,
  locked: LockedPool,
  terms: FloatingTerms | null,
  operation: PoolOperation<T>,
) {
  const { pool, loaded } = locked;
  const doc = (loaded.options ?? emptyOptionsDocument()) as FloatingOptionsDocument;
  const effective = terms ?? ORPHAN_TERMS(pool);
  const config = poolConfigOf(effective, doc, pool.feature);
  const options = featureOptionsOf(effective, doc, pool.feature);
  const state = toPoolState(config, loaded);
  const view: PoolView = { pool, loaded, now: loaded.now, config, options, state };
  const step = operation(view);
  const change = poolChange(pool, loaded, state, step.state, step.events, options, () =>
    ctx.newId('floatingEvent'),
  );
  return { answer: step.answer, view, after: step.state, change };
}

/** Run `operation` on a pool locked (and read) in `trx`, then store what it changed. */
export async function applyToPool<T>(
  trx: Transaction<Schema>,
  ctx: AppContext,
  locked: LockedPool,
  terms: FloatingTerms | null,
  operation: PoolOperation<T>,
): Promise<{ answer: T; view: PoolView; after: PoolState }> {
  const { answer, view, after, change } = decide(ctx, locked, terms, operation);
  // NOTIFY is transactional: waiting clients (in every process) hear of it once this commits.
  if (change.changed) await floatingRepository.savePool(trx, change.write, change.queueMoved);
  return { answer, view, after };
}

/**
 * Try `operation` on an unlocked snapshot of the pool. When it changes nothing but may record denials
 * (a full pool refusing, an idempotent retry), its answer is as valid as under the lock — it is the
 * answer at the instant of the snapshot — so the denials are recorded and the answer returned without
 * queueing on the pool's lock. Otherwise undefined: the caller runs the operation under the lock.
 */
export async function tryWithoutLock<T>(
  ctx: AppContext,
  snapshot: LockedPool,
  terms: FloatingTerms,
  operation: PoolOperation<T>,
): Promise<{ answer: T; view: PoolView } | undefined> {
  const { answer, view, change } = decide(ctx, snapshot, terms, operation);
  const w = change.write;
  const rowsChanged =
    w.deletedLeaseIds.length + w.leases.length + w.deletedQueueIds.length + w.queue.length > 0 ||
    w.slots.updates.length + w.slots.inserts.length + w.slots.deletes.length > 0 ||
    w.pool.seats !== snapshot.pool.seats ||
    w.pool.nextDueAt !== (snapshot.pool.nextDueAt?.getTime() ?? null);
  if (rowsChanged || w.events.some((e) => e.kind !== 'DENIED')) return undefined;
  await floatingRepository.insertEvents(ctx.db, snapshot.pool, w.events);
  return { answer, view };
}
