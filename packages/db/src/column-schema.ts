// The column shapes the table declarations (the *-schema.ts files) share. Each is Kysely's
// ColumnType<select, insert, update>: what a read returns, what an insert takes, what an update takes.
import type { ColumnType } from 'kysely';

/** Filled by the database's default unless given; never updated. */
export type CreatedAt = ColumnType<Date, Date | undefined, never>;

/** A time every insert must give, whatever the column's default; updatable. */
export type Timestamp = ColumnType<Date, Date, Date>;

/** jsonb: read back parsed, written as JSON text. */
export type Json = ColumnType<unknown, string, string>;

/** Optional on insert (the column's default, or null, applies); settable on update. */
export type Updatable<T> = ColumnType<T, T | undefined, T>;
