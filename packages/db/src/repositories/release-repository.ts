// Dated releases of a product. A product has few releases, so lists read them all and the caller
// orders them by semantic version (text order would put 1.10.0 before 1.9.0).
import type { Kysely } from 'kysely';
import type { Schema } from '../schema.ts';

export interface ReleaseRow {
  id: string;
  accountId: string;
  productId: string;
  version: string;
  releasedAt: Date;
  createdAt: Date;
}

const columns = [
  'id',
  'account_id as accountId',
  'product_id as productId',
  'version',
  'released_at as releasedAt',
  'created_at as createdAt',
] as const;

export const releaseRepository = {
  async insert(
    db: Kysely<Schema>,
    accountId: string,
    row: { id: string; productId: string; version: string; releasedAt: Date },
  ): Promise<ReleaseRow> {
    return db
      .insertInto('releases')
      .values({
        id: row.id,
        account_id: accountId,
        product_id: row.productId,
        version: row.version,
        released_at: row.releasedAt,
      })
      .returning(columns)
      .executeTakeFirstOrThrow();
  },

  async findByVersion(
    db: Kysely<Schema>,
    accountId: string,
    productId: string,
    version: string,
  ): Promise<ReleaseRow | undefined> {
    return db
      .selectFrom('releases')
      .select(columns)
      .where('account_id', '=', accountId)
      .where('product_id', '=', productId)
      .where('version', '=', version)
      .executeTakeFirst();
  },

  /** Every release of the product, in no particular order. */
  async listAll(db: Kysely<Schema>, accountId: string, productId: string): Promise<ReleaseRow[]> {
    return db
      .selectFrom('releases')
      .select(columns)
      .where('account_id', '=', accountId)
      .where('product_id', '=', productId)
      .execute();
  },

  /** Deletes and returns the release, or undefined when the product has no such release. */
  async delete(
    db: Kysely<Schema>,
    accountId: string,
    productId: string,
    id: string,
  ): Promise<ReleaseRow | undefined> {
    return db
      .deleteFrom('releases')
      .where('account_id', '=', accountId)
      .where('product_id', '=', productId)
      .where('id', '=', id)
      .returning(columns)
      .executeTakeFirst();
  },
};
