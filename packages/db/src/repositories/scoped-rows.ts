// Statements on tenant-owned rows that many repositories share: select an organization's rows,
// delete a row and say whether it existed, soft-delete a live row. Each takes the tenant as a
// required argument and always filters by it first, so no caller can forget the scope.
import { type Kysely, type SelectExpression, type Selection, type SelectQueryBuilder, sql } from 'kysely';
import type { Schema } from '../schema.ts';

/** The tenant of a customer organization's data. */
export interface OrganizationScope {
  accountId: string;
  organizationId: string;
}

/** The tables whose rows carry every one of `C` (the brackets stop the check distributing over C). */
type TablesWith<C extends string> = {
  [T in keyof Schema]: [C] extends [keyof Schema[T]] ? T : never;
}[keyof Schema];

/** Equality filters on the columns of `T` besides the tenant's, which every helper adds itself. */
type RowKey<T extends keyof Schema> = {
  readonly [C in Exclude<keyof Schema[T] & string, 'account_id'>]?: string;
};

// Kysely cannot resolve column names through a generic table, so the helpers name the columns with
// sql.ref (the same quoted identifier in the SQL); the table constraints guarantee they exist.
const col = (name: string) => sql.ref<string>(name);

/** The organization's rows of `table` with `columns`; callers add their own filters and order. */
export function selectInOrganization<
  T extends TablesWith<'account_id' | 'organization_id'>,
  SE extends SelectExpression<Schema, T>,
>(
  db: Kysely<Schema>,
  table: T,
  columns: readonly SE[],
  s: OrganizationScope,
): SelectQueryBuilder<Schema, T, Selection<Schema, T, SE>> {
  return (db.selectFrom(table) as unknown as SelectQueryBuilder<Schema, T, object>)
    .select(columns)
    .where(col('account_id'), '=', s.accountId)
    .where(col('organization_id'), '=', s.organizationId);
}

/**
 * Deletes the account's rows of `table` equal to `key` (a row's id, or a link's two ends) and answers
 * whether one existed: `deleteScopedRow(db, 'environments', accountId, { organization_id, id })`.
 */
export async function deleteScopedRow<T extends TablesWith<'account_id'>>(
  db: Kysely<Schema>,
  table: T,
  accountId: string,
  key: RowKey<T>,
): Promise<boolean> {
  const columns = Object.entries(key as Record<string, string>);
  // The tenant alone would match every row it owns: a row key is required.
  if (columns.length === 0) throw new Error(`deleteScopedRow(${table}) needs a row key`);
  let q = db.deleteFrom(table as TablesWith<'account_id'>).where('account_id', '=', accountId);
  for (const [name, value] of columns) q = q.where(col(name), '=', value);
  const r = await q.executeTakeFirst();
  return r.numDeletedRows > 0n;
}

/** Marks the account's live row `id` deleted at `at`; false when it is missing or already deleted. */
export async function softDeleteLive(
  db: Kysely<Schema>,
  table: TablesWith<'account_id' | 'id' | 'deleted_at'>,
  accountId: string,
  id: string,
  at: Date,
): Promise<boolean> {
  const r = await db
    .updateTable(table)
    .set({ deleted_at: at })
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}
