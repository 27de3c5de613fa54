// Which license products differ between two catalogs: the only ones whose holders need re-deciding
// when a license file is imported or the vendor's licenses are refreshed.
import type { LicenseProductRef } from './license-product.ts';

/**
 * Everything the rules read about a product, as one comparable string.
 * @example productSignature(base('b', { rank: 2 })) // 'BASE|2|1|INTERNAL|b|'
 */
export function productSignature(product: LicenseProductRef): string {
  const capabilities = [...product.capabilities].sort().join(',');
  const requires = [...product.requiresProductIds].sort().join(',');
  return `${product.kind}|${product.rank}|${product.generation}|${product.audience}|${capabilities}|${requires}`;
}

/**
 * Ids added, removed or altered between two catalogs.
 * @example changedProductIds(new Map([['b', b1]]), new Map([['b', b2]])) // Set { 'b' } when ranks differ
 */
export function changedProductIds(
  before: ReadonlyMap<string, LicenseProductRef>,
  after: ReadonlyMap<string, LicenseProductRef>,
): Set<string> {
  const changed = new Set<string>();
  for (const [id, product] of after) {
    const previous = before.get(id);
    if (!previous || productSignature(previous) !== productSignature(product)) changed.add(id);
  }
  for (const id of before.keys()) if (!after.has(id)) changed.add(id);
  return changed;
}
