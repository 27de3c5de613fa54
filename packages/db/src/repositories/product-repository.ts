// Products of a vendor's catalog (base products and add-ons with generation and rank). Soft-deleted
// rows are invisible to every read, and their code becomes free for a new product.
import { type Kysely, sql } from 'kysely';
import type { Schema } from '../schema.ts';
import { keysetPage } from './keyset-page.ts';
import type { Page, PageRequest } from './page.ts';
import { softDeleteLive } from './scoped-rows.ts';

export interface ProductRow {
  id: string;
  accountId: string;
  code: string;
  name: string;
  kind: 'BASE' | 'ADD_ON';
  requiresProductIds: string[];
  generation: number;
  rank: number;
  audience: 'INTERNAL' | 'EXTERNAL';
  createdAt: Date;
}

/** The members a caller may set; the kind is fixed at creation (add-ons depend on it). */
export type ProductFields = Omit<ProductRow, 'id' | 'accountId' | 'createdAt'>;

export const productColumns = [
  'id',
  'account_id as accountId',
  'code',
  'name',
  'kind',
  'requires_product_ids as requiresProductIds',
  'generation',
  'rank',
  'audience',
  'created_at as createdAt',
] as const;

function live(db: Kysely<Schema>, accountId: string) {
  return db
    .selectFrom('products')
    .select(productColumns)
    .where('account_id', '=', accountId)
    .where('deleted_at', 'is', null);
}

export const productRepository = {
  async insert(
    db: Kysely<Schema>,
    accountId: string,
    row: { id: string } & ProductFields,
  ): Promise<ProductRow> {
    return db
      .insertInto('products')
      .values({
        id: row.id,
        account_id: accountId,
        code: row.code,
        name: row.name,
        kind: row.kind,
        requires_product_ids: row.requiresProductIds,
        generation: row.generation,
        rank: row.rank,
        audience: row.audience,
      })
      .returning(productColumns)
      .executeTakeFirstOrThrow();
  },

  /**
   * A live product. `share` locks the row until the transaction ends, so something that depends on
   * the product (a policy, an add-on) and the product's deletion cannot both commit.
   */
  async get(
    db: Kysely<Schema>,
    accountId: string,
    id: string,
    options: { share?: boolean } = {},
  ): Promise<ProductRow | undefined> {
    const q = live(db, accountId).where('id', '=', id);
    return (options.share ? q.forShare() : q).executeTakeFirst();
  },

  /** The live products among `ids` (any order, locked like {@link get}); missing ids are absent. */
  async getMany(
    db: Kysely<Schema>,
    accountId: string,
    ids: readonly string[],
    options: { share?: boolean } = {},
  ): Promise<ProductRow[]> {
    if (ids.length === 0) return [];
    const q = live(db, accountId).where('id', 'in', [...ids]);
    return (options.share ? q.forShare() : q).execute();
  },

  async findByCode(db: Kysely<Schema>, accountId: string, code: string): Promise<ProductRow | undefined> {
    return live(db, accountId).where('code', '=', code).executeTakeFirst();
  },

  async list(
    db: Kysely<Schema>,
    accountId: string,
    page: PageRequest,
    filter: { kind?: ProductRow['kind'] | undefined } = {},
  ): Promise<Page<ProductRow>> {
    let q = live(db, accountId);
    if (filter.kind) q = q.where('kind', '=', filter.kind);
    return keysetPage(q, 'id', page);
  },

  /** Ids of the live add-ons that require `id`: a base product they depend on cannot go away. */
  async requiredBy(db: Kysely<Schema>, accountId: string, id: string): Promise<string[]> {
    const rows = await live(db, accountId)
      .where(sql<boolean>`${id} = ANY(requires_product_ids)`)
      .orderBy('id')
      .execute();
    return rows.map((r) => r.id);
  },

  async update(
    db: Kysely<Schema>,
    accountId: string,
    id: string,
    fields: Partial<Omit<ProductFields, 'kind'>>,
  ): Promise<ProductRow | undefined> {
    return db
      .updateTable('products')
      .set({
        code: fields.code,
        name: fields.name,
        requires_product_ids: fields.requiresProductIds,
        generation: fields.generation,
        rank: fields.rank,
        audience: fields.audience,
      })
      .where('account_id', '=', accountId)
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .returning(productColumns)
      .executeTakeFirst();
  },

  async softDelete(db: Kysely<Schema>, accountId: string, id: string, at: Date): Promise<boolean> {
    return softDeleteLive(db, 'products', accountId, id, at);
  },
};
