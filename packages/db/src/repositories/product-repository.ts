// Products of a vendor's catalog (base products and add-ons with generation and rank).
import type { Kysely } from 'kysely';
import type { Schema } from '../schema.ts';

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

export const productRepository = {
  async get(db: Kysely<Schema>, accountId: string, id: string): Promise<ProductRow | undefined> {
    return db
      .selectFrom('products')
      .select(productColumns)
      .where('account_id', '=', accountId)
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
  },
};
