// The floating fast path (migration 0012): a plain check-out or check-in as ONE statement in autocommit,
// so the pool's row lock is held only inside PostgreSQL. Each call either does exactly what the full
// path would have done, or changes nothing and declines (the caller then takes the full path).
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Schema } from '../schema.ts';
import { SlotKeyConflictError } from './floating-save.ts';

/** A check-out the fast path may grant: ids minted by the caller, the pool's seats and lease lifetime. */
export interface FastCheckout {
  accountId: string;
  licenseId: string;
  feature: string;
  /** The seats the pool must have (the license's, the feature having no options). */
  seats: number;
  /** Lease lifetime (heartbeat interval × tolerance), whole milliseconds. */
  ttlMs: number;
  leaseId: string;
  eventId: string;
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

export interface FastCheckin {
  accountId: string;
  licenseId: string;
  leaseId: string;
  reason: 'NORMAL' | 'EXIT';
  seats: number;
  eventId: string;
}

/** `decided`: the fast path did it, at `now` (database clock, epoch ms); otherwise nothing changed. */
export type FastAnswer = { decided: true; now: number } | { decided: false };

async function run(db: Kysely<Schema>, poolHint: string, query: RawBuilder<unknown>) {
  try {
    const { rows } = await query.execute(db);
    return rows[0] as { granted?: boolean; done?: boolean; now_ms: string | number | null } | undefined;
  } catch (error) {
    if (/slot keys of pool/.test((error as Error).message ?? '')) throw new SlotKeyConflictError(poolHint);
    throw error;
  }
}

export async function fastCheckout(db: Kysely<Schema>, c: FastCheckout): Promise<FastAnswer> {
  const row = await run(
    db,
    `${c.licenseId}/${c.feature}`,
    sql`SELECT * FROM floating_fast_checkout(${c.accountId}, ${c.licenseId}, ${c.feature}, ${c.seats}::int,
      ${c.ttlMs}::bigint, ${c.leaseId}, ${c.eventId}, ${c.count}::int, ${c.user}, ${c.host}, ${c.group}::text,
      ${c.department}::text, ${c.ip}::text, ${c.display}::text, ${c.fingerprint}::text,
      ${c.idempotencyKey}::text)`,
  );
  return row?.granted ? { decided: true, now: Number(row.now_ms) } : { decided: false };
}

export async function fastCheckin(db: Kysely<Schema>, c: FastCheckin): Promise<FastAnswer> {
  const row = await run(
    db,
    c.leaseId,
    sql`SELECT * FROM floating_fast_checkin(${c.accountId}, ${c.licenseId}, ${c.leaseId}, ${c.reason},
      ${c.seats}::int, ${c.eventId})`,
  );
  return row?.done ? { decided: true, now: Number(row.now_ms) } : { decided: false };
}
