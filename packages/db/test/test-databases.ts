// The engines a storage or HTTP suite runs on: PGlite always, PostgreSQL when the test runner found
// one (LICENTIA_TEST_PG_URL). Suites call `forEachEngine` so one body runs on both.
import { readFileSync } from 'node:fs';
import { describe } from 'node:test';
import pg from 'pg';
import { createDatabase, type Database, type Engine, migrate } from '../src/index.ts';

export function testEngines(): Engine[] {
  return process.env.LICENTIA_TEST_PG_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/** A migrated database of the given engine; PGlite starts from the runner's migrated dump. */
export async function openTestDatabase(engine: Engine, poolSize?: number): Promise<Database> {
  let database: Database;
  if (engine === 'postgres') {
    database = await createDatabase({
      url: process.env.LICENTIA_TEST_PG_URL,
      ...(poolSize ? { poolSize } : {}),
    });
  } else {
    const dump = process.env.LICENTIA_TEST_PGLITE_DUMP;
    database = await createDatabase(dump ? { loadDataDir: new Blob([readFileSync(dump)]) } : {});
  }
  await migrate(database);
  return database;
}

/**
 * A migrated database no other test file shares. PGlite databases always are; on PostgreSQL every
 * file otherwise shares the run's database, where other files' apps run floating sweepers that
 * reclaim any tenant's overdue pool. A suite that compares each step against a sequential model
 * needs nobody else touching its rows: it gets a database of its own, dropped on close.
 */
export async function openIsolatedTestDatabase(engine: Engine, poolSize?: number): Promise<Database> {
  const shared = process.env.LICENTIA_TEST_PG_URL;
  if (engine !== 'postgres' || !shared) return openTestDatabase(engine, poolSize);
  const url = new URL(shared);
  const name = `${url.pathname.slice(1)}_${uniqueName('iso').replace('-', '_')}`;
  await adminQuery(shared, `CREATE DATABASE ${name}`);
  url.pathname = `/${name}`;
  const database = await createDatabase({ url: url.toString(), ...(poolSize ? { poolSize } : {}) });
  await migrate(database);
  return {
    ...database,
    async close() {
      await database.close();
      await adminQuery(shared, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Run the same suite once per engine, named so a failure says which engine broke. */
export function forEachEngine(title: string, body: (engine: Engine) => void): void {
  for (const engine of testEngines()) describe(`${title} [${engine}]`, () => body(engine));
}

/** A random suffix for test-local names: tenants, not truncation, isolate tests. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 10)}`;
}
