// A transaction that is run again when PostgreSQL aborts it for a deadlock or a serialization failure.
// Both are the database choosing a victim among concurrent transactions, not a fault of the request:
// the victim rolled back completely, so running its work again is safe — provided the work has no
// effect outside the transaction (mint ids and read clocks inside it, send nothing until it commits).
// Lock orders are kept consistent where we know them (pools by id); this is the net for the rest.
import type { Kysely, Transaction } from 'kysely';
import type { Schema } from './schema.ts';

/** deadlock_detected, serialization_failure */
const RETRYABLE = new Set(['40P01', '40001']);

export interface RetryOptions {
  /** Attempts in all, the first included. */
  attempts?: number;
  /** Told of each retry (a log line: a recurring deadlock means a lock order to fix). */
  onRetry?: (error: unknown, attempt: number) => void;
}

export function isRetryableConflict(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && RETRYABLE.has(code);
}

/** Run `work` in a transaction, again (up to `attempts` times) when it is a deadlock or serialization victim. */
export async function retryingTransaction<T>(
  db: Kysely<Schema>,
  work: (trx: Transaction<Schema>) => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const attempts = options.attempts ?? 3;
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      if (attempt >= attempts || !isRetryableConflict(error)) throw error;
      options.onRetry?.(error, attempt);
      // A short random pause so the transactions that met do not meet again at once.
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
    }
  }
}
