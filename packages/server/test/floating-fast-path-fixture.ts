// Shared by the fast-path suites: an app without the sweeper, on a database of its own (a pool changes
// only through the operations under test: on the run's shared PostgreSQL database another file's
// sweeper would reclaim overdue pools between a step and its check), a spy on what the fast path
// decided, a pool read as the core sees it, a jump of the pool's clock, and the invariants its
// stored summary and slot keys must keep.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import {
  type FloatingOptionsDocument,
  type FloatingTerms,
  occupiedSeats,
  type PoolState,
  poolConfigOf,
} from '@licentia/core';
import { type Engine, floatingRepository } from '@licentia/db';
import { sql } from 'kysely';
import { openIsolatedTestDatabase } from '../../db/test/test-databases.ts';
import { buildApp } from '../src/app.ts';
import { bootstrap } from '../src/bootstrap/bootstrap.ts';
import { toPoolState } from '../src/floating/pool-state-mapping.ts';
import { newTenant, type Tenant, type TestApp } from './harness.ts';

export interface FastPathHarness {
  t: TestApp;
  tenant: Tenant;
  /** Operations the fast path did, and its largest batch, since the suite started. */
  stats: { decided: number; largestBatch: number };
}

/** Register hooks building the suite's app; the getter is valid inside tests. */
export function useFastPathApp(engine: Engine): () => FastPathHarness {
  let h: FastPathHarness | undefined;
  const original = floatingRepository.fastBatch;
  before(async () => {
    const database = await openIsolatedTestDatabase(engine);
    const { app, ctx } = await buildApp({ database, webRoot: null, floatingSweepMs: 0 });
    const { operatorToken } = await bootstrap(ctx, {
      bootstrapToken: null,
      demo: false,
      issueOperatorToken: true,
    });
    const t = { engine, app, ctx, database, operatorToken: operatorToken! };
    const stats = { decided: 0, largestBatch: 0 };
    h = { t, tenant: await newTenant(t), stats };
    floatingRepository.fastBatch = async (db, ops) => {
      const answers = await original(db, ops);
      stats.decided += answers.filter((a) => a.decided).length;
      stats.largestBatch = Math.max(stats.largestBatch, ops.length);
      return answers;
    };
  });
  after(async () => {
    floatingRepository.fastBatch = original;
    await h?.t.app.close();
    await h?.t.database.close();
  });
  return () => {
    if (!h) throw new Error('fast-path app not started');
    return h;
  };
}

export function poolRow(t: TestApp, licenseId: string, feature: string) {
  return t.database.db
    .selectFrom('floating_pools')
    .selectAll()
    .where('license_id', '=', licenseId)
    .where('feature', '=', feature)
    .executeTakeFirst();
}

/** The pool's row, its state as the core sees it under `terms` and `doc`, and the license's events. */
export async function observePool(
  t: TestApp,
  licenseId: string,
  feature: string,
  terms: FloatingTerms,
  doc: FloatingOptionsDocument,
) {
  const config = poolConfigOf(terms, doc, feature);
  const row = await poolRow(t, licenseId, feature);
  const state: PoolState = row
    ? toPoolState(
        config,
        await floatingRepository.loadPool(t.database.db, {
          id: row.id,
          accountId: row.account_id,
          organizationId: row.organization_id,
          licenseId: row.license_id,
          feature: row.feature,
          seats: row.seats,
          nextDueAt: row.next_due_at,
          version: Number(row.version),
        }),
      )
    : { ...config, leases: [], queue: [], holds: [] };
  const events = await t.database.db
    .selectFrom('floating_events')
    .selectAll()
    .where('license_id', '=', licenseId)
    .execute();
  return { row, state, events };
}

/** Every time in the pool moves `ms` into the past: the same as the database clock jumping ahead. */
export async function jumpPool(t: TestApp, poolId: string, ms: number): Promise<void> {
  const db = t.database.db;
  const d = sql`(${ms}::int * interval '1 millisecond')`;
  await sql`UPDATE floating_leases SET started_at = started_at - ${d}, expires_at = expires_at - ${d},
    last_active_at = last_active_at - ${d}, borrowed_until = borrowed_until - ${d},
    linger_until = linger_until - ${d} WHERE pool_id = ${poolId}`.execute(db);
  await sql`UPDATE floating_queue SET enqueued_at = enqueued_at - ${d},
    last_heartbeat_at = last_heartbeat_at - ${d}, granted_at = granted_at - ${d},
    held_until = held_until - ${d} WHERE pool_id = ${poolId}`.execute(db);
  await sql`UPDATE floating_pools SET next_due_at = next_due_at - ${d} WHERE id = ${poolId}`.execute(db);
}

/** The stored summary agrees with the state, and every lease and hold holds exactly its slot keys. */
export async function checkPoolInvariants(
  t: TestApp,
  licenseId: string,
  feature: string,
  state: PoolState,
): Promise<void> {
  const row = (await poolRow(t, licenseId, feature))!;
  assert.equal(row.in_use, occupiedSeats(state), 'pool summary: in use');
  assert.equal(row.queued, state.queue.length, 'pool summary: queued');
  const borrowed = state.leases.reduce((n, l) => n + (l.borrowedUntil === undefined ? 0 : l.count), 0);
  assert.equal(row.borrowed, borrowed, 'pool summary: borrowed');
  const slots = await t.database.db
    .selectFrom('floating_slots')
    .select(['slot_no', 'occupant_id'])
    .where('pool_id', '=', row.id)
    .execute();
  const held = new Map<string, number>();
  for (const s of slots) if (s.occupant_id) held.set(s.occupant_id, (held.get(s.occupant_id) ?? 0) + 1);
  const occupants = new Map([
    ...state.leases.map((l) => [l.leaseId, l.count] as const),
    ...state.holds.map((h) => [h.entryId, h.request.count] as const),
  ]);
  assert.deepEqual(held, occupants, 'every lease and hold holds exactly its slot keys');
}
