// Shorthand for building license products in the allocation tests and the benchmark.
import type { LicenseAudience, LicenseKind, LicenseProductRef } from './license-product.ts';

/** The optional parts of a product; everything else defaults to an internal, generation-1 license. */
export interface ProductOptions {
  rank?: number;
  generation?: number;
  audience?: LicenseAudience;
  capabilities?: readonly string[];
  requires?: readonly string[];
}

/**
 * Build one license product with readable defaults (rank 1, generation 1, INTERNAL).
 * @example product('prod_pdm', 'BASE', { rank: 3, capabilities: ['pdm'] })
 */
export function product(id: string, kind: LicenseKind, options: ProductOptions = {}): LicenseProductRef {
  return {
    id,
    kind,
    rank: options.rank ?? 1,
    generation: options.generation ?? 1,
    audience: options.audience ?? 'INTERNAL',
    capabilities: new Set(options.capabilities ?? [id]),
    requiresProductIds: options.requires ?? [],
  };
}

/**
 * A base license; capabilities default to one of its own, so it overlaps nothing unless told.
 * @example base('prod_author', { rank: 2, capabilities: ['pdm'] })
 */
export function base(id: string, options: ProductOptions = {}): LicenseProductRef {
  return product(id, 'BASE', options);
}

/**
 * An add-on requiring the given bases (any one suffices).
 * @example addOn('prod_sim', ['prod_author'], { capabilities: ['sim'] })
 */
export function addOn(
  id: string,
  requires: readonly string[],
  options: ProductOptions = {},
): LicenseProductRef {
  return product(id, 'ADD_ON', { ...options, requires });
}
