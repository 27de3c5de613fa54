// Presents an embedded PGlite database as the small part of a `pg.Pool` that Kysely's own
// PostgresDialect uses, so both engines run the same driver code path and the same SQL.
// PGlite is a single connection: a FIFO mutex hands it to one Kysely "connection" (and so one
// transaction) at a time; concurrent requests queue instead of interleaving statements.
import type { PGlite } from '@electric-sql/pglite';

interface QueryResultLike {
  command: string;
  rowCount: number;
  rows: unknown[];
}

export interface PoolClientLike {
  query(sql: string, params?: readonly unknown[]): Promise<QueryResultLike>;
  release(): void;
}

/** The statement kind Kysely needs to report affected rows (INSERT/UPDATE/DELETE/MERGE). */
function commandOf(sql: string): string {
  const first = /^\s*(?:--[^\n]*\n\s*)*([a-z]+)/i.exec(sql)?.[1]?.toUpperCase() ?? '';
  if (first !== 'WITH') return first;
  // A data-modifying CTE: report the kind of the main statement (the last top-level verb).
  const verbs = sql.toUpperCase().match(/\b(INSERT|UPDATE|DELETE|MERGE|SELECT)\b/g) ?? [];
  return verbs.at(-1) ?? 'SELECT';
}

export class PGlitePool {
  private tail: Promise<void> = Promise.resolve();

  constructor(readonly pglite: PGlite) {}

  /** Wait for exclusive use of the single PGlite connection. */
  async connect(): Promise<PoolClientLike> {
    let release!: () => void;
    const previous = this.tail;
    this.tail = new Promise<void>((resolve) => {
      release = resolve;
    });
    await previous;
    let released = false;
    const pglite = this.pglite;
    return {
      async query(sql, params = []) {
        const result = await pglite.query(sql, params as unknown[]);
        return { command: commandOf(sql), rowCount: result.affectedRows ?? 0, rows: result.rows };
      },
      release() {
        if (!released) {
          released = true;
          release();
        }
      },
    };
  }

  /** Run a multi-statement script (migrations) under the same mutex. */
  async exec(script: string): Promise<void> {
    const client = await this.connect();
    try {
      await this.pglite.exec(script);
    } finally {
      client.release();
    }
  }

  async end(): Promise<void> {
    await this.tail;
    if (!this.pglite.closed) await this.pglite.close();
  }
}
