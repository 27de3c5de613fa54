// Opens the system of record: PostgreSQL when a URL is given, otherwise embedded PGlite (in a data
// folder, or in memory for tests). Both are driven by Kysely's PostgresDialect, so every repository
// runs the same SQL on both engines.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { type ListenSubscriber, PgListener, type Unlisten } from './pg-listener.ts';
import { PGlitePool } from './pglite-pool.ts';
import type { Schema } from './schema.ts';

export type Engine = 'postgres' | 'pglite';

/** A driver-level session used by the migrator: plain queries and multi-statement scripts. */
export interface RawSession {
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  script(sql: string): Promise<void>;
  release(): void;
}

export interface Database {
  engine: Engine;
  db: Kysely<Schema>;
  /** PGlite only: a tarball of the data folder, loadable with `loadDataDir` (fast test databases). */
  dump?: () => Promise<Blob>;
  /** Exclusive driver session (a pooled pg client, or the PGlite connection). */
  session(): Promise<RawSession>;
  /**
   * Subscribe to NOTIFY on a channel (e.g. `licentia_license_changed`). PostgreSQL: one dedicated
   * connection per database, reconnecting on error; PGlite: the embedded connection's own LISTEN.
   */
  listen(channel: string, subscriber: ListenSubscriber): Promise<Unlisten>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… ; when absent, PGlite is used. */
  url?: string | undefined;
  /** PGlite data folder; absent means in memory. */
  dataDir?: string | undefined;
  /** A PGlite data folder dump (tar) to start from instead of running initdb: fast test databases. */
  loadDataDir?: Blob | undefined;
  poolSize?: number;
}

// int8 (counts, sums) as numbers on both engines; numeric stays a string (money must not be a float).
const INT8 = 20;

export async function createDatabase(options: DatabaseOptions): Promise<Database> {
  return options.url ? openPostgres(options.url, options.poolSize ?? 10) : openPGlite(options);
}

function openPostgres(url: string, max: number): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8 ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its server must not crash the process; the next checkout reconnects.
  pool.on('error', () => {});
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  let listener: PgListener | null = null;
  return {
    engine: 'postgres',
    db,
    async session() {
      const client = await pool.connect();
      return {
        query: async <R>(sql: string, params: readonly unknown[] = []) =>
          (await client.query(sql, params as unknown[])).rows as R[],
        script: async (sql) => void (await client.query(sql)),
        release: () => client.release(),
      };
    },
    listen: (channel, subscriber) => {
      listener ??= new PgListener(url);
      return listener.listen(channel, subscriber);
    },
    async close() {
      await listener?.close();
      await db.destroy();
    },
  };
}

async function openPGlite(options: DatabaseOptions): Promise<Database> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const pglite = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    parsers: { [INT8]: (value: string) => Number(value) },
  });
  const pool = new PGlitePool(pglite);
  // biome-ignore lint/suspicious/noExplicitAny: PGlitePool implements the subset of pg.Pool Kysely calls.
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool: pool as any }) });
  return {
    engine: 'pglite',
    db,
    dump: async () => {
      const client = await pool.connect();
      try {
        return await pglite.dumpDataDir('none');
      } finally {
        client.release();
      }
    },
    async session() {
      const client = await pool.connect();
      return {
        query: async <R>(sql: string, params: readonly unknown[] = []) =>
          (await client.query(sql, params)).rows as R[],
        script: async (sql) => void (await pglite.exec(sql)),
        release: () => client.release(),
      };
    },
    async listen(channel, subscriber) {
      // LISTEN under the pool's mutex, so it never lands inside another caller's open transaction.
      const client = await pool.connect();
      let unlisten: (() => Promise<void>) | undefined;
      try {
        unlisten = await pglite.listen(channel, (payload) => subscriber.onNotify(payload));
      } finally {
        client.release();
      }
      subscriber.onState?.(true);
      return async () => {
        if (pglite.closed) return;
        const held = await pool.connect();
        try {
          await unlisten?.();
        } finally {
          held.release();
        }
      };
    },
    // Kysely ends the pool only if it ever opened a connection; sessions bypass it, so end it here too.
    close: async () => {
      await db.destroy();
      await pool.end();
    },
  };
}
