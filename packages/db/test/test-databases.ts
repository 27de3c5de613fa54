// The engines a storage or HTTP suite runs on: PGlite always, PostgreSQL when the test runner found
// one (LICENTIA_TEST_PG_URL). Suites call `forEachEngine` so one body runs on both.
import { readFileSync } from 'node:fs';
import { describe } from 'node:test';
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

/** Run the same suite once per engine, named so a failure says which engine broke. */
export function forEachEngine(title: string, body: (engine: Engine) => void): void {
  for (const engine of testEngines()) describe(`${title} [${engine}]`, () => body(engine));
}

/** A random suffix for test-local names: tenants, not truncation, isolate tests. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 10)}`;
}
