// Shorthand for building license products in the allocation tests and the benchmark.
import type { AllocationProduct } from './allocation-product.ts';
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

/**
 * An imported allocation product with readable defaults (base, rank 1, generation 1, internal, its
 * own code as capability, unlimited quantity, USER license type).
 * @example allocationProduct('SIM', { kind: 'ADD_ON', requiresCodes: ['AUTHOR'] })
 */
export function allocationProduct(code: string, parts: Partial<AllocationProduct> = {}): AllocationProduct {
  return {
    code,
    name: code,
    kind: 'BASE',
    capabilities: [code],
    rank: 1,
    generation: 1,
    audience: 'INTERNAL',
    requiresCodes: [],
    quantity: null,
    userLicenseType: 'USER',
    ...parts,
  };
}
