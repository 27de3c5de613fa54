// Features (entitlements) of a product: a SCREAMING_SNAKE code unique per product and an optional
// typed default value kept as JSON.
import type { Kysely } from 'kysely';
import type { Schema } from '../schema.ts';
import { keysetPage } from './keyset-page.ts';
import type { Page, PageRequest } from './page.ts';

export type FeatureValueJson = number | string | boolean;

export interface FeatureRow {
  id: string;
  accountId: string;
  productId: string;
  code: string;
  name: string;
  value: FeatureValueJson | null;
  createdAt: Date;
}

const columns = [
  'id',
  'account_id as accountId',
  'product_id as productId',
  'code',
  'name',
  'value',
  'created_at as createdAt',
] as const;

function select(db: Kysely<Schema>, accountId: string, productId: string) {
  return db
    .selectFrom('features')
    .select(columns)
    .where('account_id', '=', accountId)
    .where('product_id', '=', productId)
    .$narrowType<{ value: FeatureValueJson | null }>();
}

export const featureRepository = {
  async insert(
    db: Kysely<Schema>,
    accountId: string,
    row: { id: string; productId: string; code: string; name: string; value?: FeatureValueJson | undefined },
  ): Promise<FeatureRow> {
    return db
      .insertInto('features')
      .values({
        id: row.id,
        account_id: accountId,
        product_id: row.productId,
        code: row.code,
        name: row.name,
        value: row.value === undefined ? null : JSON.stringify(row.value),
      })
      .returning(columns)
      .$narrowType<{ value: FeatureValueJson | null }>()
      .executeTakeFirstOrThrow();
  },

  async findByCode(
    db: Kysely<Schema>,
    accountId: string,
    productId: string,
    code: string,
  ): Promise<FeatureRow | undefined> {
    return select(db, accountId, productId).where('code', '=', code).executeTakeFirst();
  },

  async list(
    db: Kysely<Schema>,
    accountId: string,
    productId: string,
    page: PageRequest,
  ): Promise<Page<FeatureRow>> {
    return keysetPage(select(db, accountId, productId), 'id', page);
  },

  /** Deletes and returns the feature, or undefined when the product has no such feature. */
  async delete(
    db: Kysely<Schema>,
    accountId: string,
    productId: string,
    id: string,
  ): Promise<FeatureRow | undefined> {
    return db
      .deleteFrom('features')
      .where('account_id', '=', accountId)
      .where('product_id', '=', productId)
      .where('id', '=', id)
      .returning(columns)
      .$narrowType<{ value: FeatureValueJson | null }>()
      .executeTakeFirst();
  },
};
