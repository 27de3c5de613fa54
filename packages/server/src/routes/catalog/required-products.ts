// An add-on's required products must be live BASE products of the same account: checked here
// because it needs storage, while the core checks the list's shape (non-empty, no duplicates).
import { notFound } from '@licentia/core';
import { productRepository, type Schema } from '@licentia/db';
import type { Kysely } from 'kysely';
import { invalidField } from './input-errors.ts';

/**
 * Refuse a required id that is missing, deleted or of another account (404, like any product one
 * cannot see) and one that names an add-on (400 on body.requiresProductIds).
 */
export async function checkRequiredProducts(
  db: Kysely<Schema>,
  accountId: string,
  requiresProductIds: readonly string[],
): Promise<void> {
  const found = await productRepository.getMany(db, accountId, requiresProductIds, { share: true });
  for (const id of requiresProductIds) {
    const product = found.find((p) => p.id === id);
    if (!product) throw notFound('product', id);
    if (product.kind !== 'BASE') {
      throw invalidField(
        'body.requiresProductIds',
        'NOT_ALLOWED',
        `product ${id} (${product.code}) is an add-on: an add-on can only require BASE products`,
      );
    }
  }
}
