// Maps the core's field-level validation results and storage uniqueness to problem documents, so
// catalog and policy routes answer bad input the same way: 400 INVALID_FIELD or 409 CONFLICT.
import { AppError, type FieldError, type Validated } from '@licentia/core';

/**
 * The validated value, or a 400 INVALID_FIELD naming the first bad field (`body.<field>`) whose
 * `errors` member lists every field error the core found, not only the first.
 */
export function validOrThrow<T>(result: Validated<T>, part = 'body'): T {
  if (result.ok) return result.value;
  const errors = result.errors.map((e: FieldError) => ({ ...e, field: `${part}.${e.field}` }));
  const first = errors[0]!;
  const detail =
    errors.length === 1 ? first.message : `${first.message} (and ${errors.length - 1} more field errors)`;
  throw new AppError('INVALID_FIELD', detail, { field: first.field, extensions: { errors } });
}

/** A 400 for one field the core cannot judge alone (e.g. a required product of the wrong kind). */
export function invalidField(field: string, reason: string, message: string): AppError {
  return new AppError('INVALID_FIELD', message, {
    field,
    extensions: { errors: [{ field, reason, message }] },
  });
}

/** True for a unique-constraint violation on PostgreSQL and PGlite alike (SQLSTATE 23505). */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '23505';
}

/**
 * Run a write that may collide with a unique index; a collision becomes 409 CONFLICT with `detail`.
 * The routes check for duplicates first, this closes the race between that check and the insert.
 */
export async function conflictOnDuplicate<T>(write: Promise<T>, detail: string): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', detail);
    throw error;
  }
}
