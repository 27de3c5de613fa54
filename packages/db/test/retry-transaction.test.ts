// retryingTransaction: a transaction PostgreSQL picks as a deadlock victim is run again and both
// transactions complete; any other failure is not retried. The deadlock half needs real PostgreSQL
// (PGlite has one connection, so its transactions never meet); the rest runs on both engines.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { sql } from 'kysely';
import type { Database } from '../src/index.ts';
import { isRetryableConflict, retryingTransaction } from '../src/retry-transaction.ts';
import { forEachEngine, openTestDatabase, uniqueName } from './test-databases.ts';

forEachEngine('retrying transactions', (engine) => {
  let database: Database;
  const table = sql.table(uniqueName('retry_probe').replace('-', '_'));
  before(async () => {
    database = await openTestDatabase(engine);
    await sql`CREATE TABLE ${table} (id int PRIMARY KEY, v int NOT NULL)`.execute(database.db);
    await sql`INSERT INTO ${table} VALUES (1, 0), (2, 0)`.execute(database.db);
  });
  after(async () => {
    await sql`DROP TABLE ${table}`.execute(database.db);
    await database.close();
  });

  it('returns the work’s result, and does not retry a failure that is not a conflict', async () => {
    assert.equal(await retryingTransaction(database.db, async () => 42), 42);
    let runs = 0;
    await assert.rejects(
      retryingTransaction(database.db, async (trx) => {
        runs++;
        await sql`INSERT INTO ${table} VALUES (1, 1)`.execute(trx);
      }),
      (e: unknown) => (e as { code?: string }).code === '23505' && !isRetryableConflict(e),
    );
    assert.equal(runs, 1);
  });

  if (engine !== 'postgres') return;

  /** Two transactions locking rows 1 and 2 in opposite orders, each waiting until both hold their first. */
  function crossedPair(attempts: number) {
    let arrived = 0;
    let release!: () => void;
    const bothHoldOne = new Promise<void>((r) => {
      release = r;
    });
    let runs = 0;
    const retries: number[] = [];
    const side = (first: number, second: number) =>
      retryingTransaction(
        database.db,
        async (trx) => {
          runs++;
          await sql`UPDATE ${table} SET v = v + 1 WHERE id = ${first}`.execute(trx);
          if (++arrived === 2) release();
          await bothHoldOne;
          await sql`UPDATE ${table} SET v = v + 1 WHERE id = ${second}`.execute(trx);
        },
        { attempts, onRetry: (_e, attempt) => retries.push(attempt) },
      );
    return { both: Promise.allSettled([side(1, 2), side(2, 1)]), runs: () => runs, retries };
  }

  it('runs a deadlock victim again: both crossed transactions complete, one of them twice', async () => {
    const before = await sql<{ v: number }>`SELECT sum(v)::int AS v FROM ${table}`.execute(database.db);
    const pair = crossedPair(3);
    const results = await pair.both;
    assert.deepEqual(
      results.map((r) => r.status),
      ['fulfilled', 'fulfilled'],
    );
    assert.equal(pair.runs(), 3);
    assert.deepEqual(pair.retries, [1]);
    const after = await sql<{ v: number }>`SELECT sum(v)::int AS v FROM ${table}`.execute(database.db);
    // Two completed transactions of two increments each; the victim's first run left nothing.
    assert.equal(after.rows[0]!.v - before.rows[0]!.v, 4);
  });

  it('with one attempt the victim fails with deadlock_detected (what the retry absorbs)', async () => {
    const results = await crossedPair(1).both;
    const failed = results.filter((r) => r.status === 'rejected');
    assert.equal(failed.length, 1);
    assert.equal(((failed[0] as PromiseRejectedResult).reason as { code?: string }).code, '40P01');
  });
});
