// A license product an organization holds, as stored and imported, and its checks. The rules see it
// as a LicenseProductRef whose id is the product code: assignments name codes, so they survive a new
// license file that brings the same products under new rows.
import type { UserLicenseType } from '../user-licenses/user-license-types.ts';
import type { LicenseAudience, LicenseKind, LicenseProductRef } from './license-product.ts';

/** One product of an organization's license file or of its licenses from the vendor. */
export interface AllocationProduct {
  code: string;
  name: string;
  kind: LicenseKind;
  capabilities: readonly string[];
  rank: number;
  generation: number;
  audience: LicenseAudience;
  /** For add-ons: codes of the bases it extends (any one suffices). Empty for bases. */
  requiresCodes: readonly string[];
  /** How many people may consume it; null when unlimited. */
  quantity: number | null;
  /** The user license a person holding it consumes (issue 5's counting). */
  userLicenseType: UserLicenseType;
}

/** One problem with an imported product list, naming the product (by position) and the field. */
export interface ProductListProblem {
  index: number;
  field: string;
  message: string;
}

/**
 * The rules' view of a product.
 * @example toProductRef(pdmAuthor).id // 'PDM_AUTHOR'
 */
export function toProductRef(product: AllocationProduct): LicenseProductRef {
  return {
    id: product.code,
    kind: product.kind,
    capabilities: new Set(product.capabilities),
    rank: product.rank,
    generation: product.generation,
    audience: product.audience,
    requiresProductIds: product.kind === 'ADD_ON' ? product.requiresCodes : [],
  };
}

/**
 * Check a product list as a license file brings it; returns every problem, not the first.
 * Codes are unique; a base requires nothing; an add-on names at least one base, never itself;
 * every product has a capability (else it could overlap nothing, and ranking would be moot).
 * @example checkProductList([{ ...addOn, requiresCodes: [] }]) // [{ index: 0, field: 'requiresCodes', … }]
 */
export function checkProductList(products: readonly AllocationProduct[]): ProductListProblem[] {
  const problems: ProductListProblem[] = [];
  const seen = new Set<string>();
  products.forEach((p, index) => {
    const problem = (field: string, message: string) => problems.push({ index, field, message });
    if (seen.has(p.code)) problem('code', `product code ${p.code} is listed twice`);
    seen.add(p.code);
    if (p.capabilities.length === 0) problem('capabilities', `${p.code} needs at least one capability`);
    if (p.kind === 'BASE' && p.requiresCodes.length > 0)
      problem('requiresCodes', `${p.code} is a base license: it requires no other license`);
    if (p.kind === 'ADD_ON' && p.requiresCodes.length === 0)
      problem('requiresCodes', `${p.code} is an add-on: name the base licenses it extends`);
    if (p.requiresCodes.includes(p.code)) problem('requiresCodes', `${p.code} cannot require itself`);
  });
  return problems;
}
