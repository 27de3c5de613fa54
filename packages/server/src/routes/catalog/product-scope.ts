// Releases and features live under a product: their routes first make sure the product is live.
import { notFound } from '@licentia/core';
import { type ProductRow, productRepository, type Schema } from '@licentia/db';
import type { Kysely } from 'kysely';

/** The live product of the account, or the same 404 for missing, deleted and foreign products. */
export async function requireProduct(
  db: Kysely<Schema>,
  accountId: string,
  productId: string,
  options: { share?: boolean } = {},
): Promise<ProductRow> {
  const product = await productRepository.get(db, accountId, productId, options);
  if (!product) throw notFound('product', productId);
  return product;
}
