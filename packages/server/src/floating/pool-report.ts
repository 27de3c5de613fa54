// Read-only views of pools for administrators: each pool as it is now (leases past their deadline
// are left out even before the sweeper runs), summaries, lease lists and the lmstat-like report.
import {
  borrowedSeats,
  createPoolState,
  emptyOptionsDocument,
  expire,
  type FeatureOptions,
  type FloatingOptionsDocument,
  type FloatingTerms,
  featureOptionsOf,
  occupiedSeats,
  type PoolState,
  poolConfigOf,
} from '@licentia/core';
import { type FloatingPoolRow, floatingRepository, type Schema } from '@licentia/db';
import type { Kysely } from 'kysely';
import { toPoolState } from './pool-state-mapping.ts';

/** A pool as of the database clock `now`, with the options it runs under. */
export interface PoolSnapshot {
  licenseId: string;
  feature: string;
  state: PoolState;
  options: FeatureOptions;
  now: number;
}

/** Read a pool without locking it and apply the sweep in memory (nothing is written). */
export async function readPool(
  db: Kysely<Schema>,
  pool: FloatingPoolRow,
  terms: FloatingTerms | null,
): Promise<PoolSnapshot> {
  const loaded = await floatingRepository.loadPool(db, pool);
  const doc = (loaded.options ?? emptyOptionsDocument()) as FloatingOptionsDocument;
  const effective = terms ?? { seats: pool.seats, heartbeatIntervalSeconds: null, maxBorrowHours: null };
  const options = featureOptionsOf(effective, doc, pool.feature);
  const state = expire(
    toPoolState(poolConfigOf(effective, doc, pool.feature), loaded),
    options,
    loaded.now,
  ).state;
  return { licenseId: pool.licenseId, feature: pool.feature, state, options, now: loaded.now };
}

/** An entitled feature that has no pool yet: empty, with the seats it would get. */
export function emptyPool(
  licenseId: string,
  feature: string,
  terms: FloatingTerms,
  doc: FloatingOptionsDocument,
  now: number,
): PoolSnapshot {
  const state = createPoolState(poolConfigOf(terms, doc, feature));
  return { licenseId, feature, state, options: featureOptionsOf(terms, doc, feature), now };
}

/** The summary row of `GET …/floating/pools`. */
export function poolSummary(p: PoolSnapshot) {
  const s = p.state;
  return {
    feature: p.feature,
    seats: s.seats,
    inUse: occupiedSeats(s),
    borrowed: borrowedSeats(s),
    lingering: s.leases.reduce((n, l) => n + (l.lingerUntil === undefined ? 0 : l.count), 0),
    queued: s.queue.length,
    reserved: p.options.reserve.reduce((n, r) => n + r.count, 0),
    heartbeatIntervalSeconds: s.heartbeatIntervalSeconds,
  };
}
