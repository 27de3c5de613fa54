// The database a benchmark runs on: a fresh PostgreSQL database (dropped afterwards) when a server
// answers at LICENTIA_BENCH_DATABASE_URL (default: the local one), otherwise in-memory PGlite.
import { createDatabase, type Database, migrate } from '@licentia/db';
import pg from 'pg';

export interface BenchDatabase {
  database: Database;
  url: string | null;
  dispose(): Promise<void>;
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function openBenchDatabase(poolSize = 20): Promise<BenchDatabase> {
  const base = process.env.LICENTIA_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = `licentia_bench_${process.pid}`;
  try {
    await admin(base, `CREATE DATABASE ${name}`);
  } catch {
    console.log('PostgreSQL not reachable: benchmarking on in-memory PGlite (single connection)');
    const database = await createDatabase({});
    await migrate(database);
    return { database, url: null, dispose: () => database.close() };
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await createDatabase({ url: url.toString(), poolSize });
  await migrate(database);
  return {
    database,
    url: url.toString(),
    async dispose() {
      await database.close();
      await admin(base, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
