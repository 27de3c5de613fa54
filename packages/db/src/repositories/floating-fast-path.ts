// The floating fast path (migration 0012): plain check-outs and check-ins of one license as ONE statement
// in autocommit, so the pools' row locks are held only inside PostgreSQL. Each operation either does
// exactly what the full path would have done, or changes nothing and declines (the caller then takes
// the full path for it).
import { type Kysely, sql } from 'kysely';
import type { Schema } from '../schema.ts';
import { SlotKeyConflictError } from './floating-save.ts';

/** What every fast operation names: the license, and its seats (the pool's unless options lower them). */
interface FastOperationBase {
  accountId: string;
  licenseId: string;
  licenseSeats: number;
  leaseId: string;
  eventId: string;
}

/** A check-out the fast path may grant, with the ids the caller minted. */
export interface FastCheckout extends FastOperationBase {
  kind: 'out';
  feature: string;
  /** The license's heartbeat interval and tolerance, used unless the feature's options set them. */
  heartbeatIntervalSeconds: number;
  heartbeatTolerance: number;
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

/** A check-in the fast path may do (NORMAL or EXIT; a borrowed lease is recorded BORROW_RETURNED). */
export interface FastCheckin extends FastOperationBase {
  kind: 'in';
  reason: 'NORMAL' | 'EXIT';
}

export type FastOperation = FastCheckout | FastCheckin;

/**
 * `decided`: the fast path did it, at `now` (database clock, epoch ms); a check-out also says under which
 * options entry of its feature (null: none) and until when the lease runs. Otherwise nothing changed.
 */
export type FastAnswer =
  | { decided: true; now: number; entry: unknown; expiresAt: number | null }
  | { decided: false };

interface BatchRow {
  i: number;
  decided: boolean;
  now_ms: string | number | null;
  entry: unknown;
  expires_ms: string | number | null;
}

const toParameter = (op: FastOperation, i: number) => {
  const { accountId, licenseId, leaseId, eventId, ...rest } = op;
  return { i, account: accountId, license: licenseId, lease: leaseId, event: eventId, ...rest };
};

/**
 * Run `ops` in one statement (migration 0012's floating_fast_batch); one answer per operation, in
 * the order given. Throws {@link SlotKeyConflictError} when a slot key did not hold what the pool's
 * lock promised — then nothing of the batch was written.
 */
export async function fastBatch(db: Kysely<Schema>, ops: readonly FastOperation[]): Promise<FastAnswer[]> {
  const payload = JSON.stringify(ops.map(toParameter));
  try {
    const { rows } = await sql<BatchRow>`SELECT * FROM floating_fast_batch(${payload}::jsonb)`.execute(db);
    const answers: FastAnswer[] = ops.map(() => ({ decided: false }));
    for (const r of rows) {
      if (!r.decided) continue;
      const expiresAt = r.expires_ms === null ? null : Number(r.expires_ms);
      answers[r.i] = { decided: true, now: Number(r.now_ms), entry: r.entry, expiresAt };
    }
    return answers;
  } catch (error) {
    const message = (error as Error).message ?? '';
    const pool = /slot keys of pool (\S+)/.exec(message);
    if (pool) throw new SlotKeyConflictError(pool[1]!);
    throw error;
  }
}
