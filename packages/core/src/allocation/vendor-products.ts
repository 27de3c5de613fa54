// Derives an organization's allocation products from its licenses in the licensing core ("licenses
// fetched from the vendor"): every product with at least one license in force becomes one allocation
// product. The catalog already carries kind, rank, generation, audience and required products; the
// product's feature codes are its capabilities, so two products overlap when they share a feature.
import { USER_LICENSE_ORDER, type UserLicenseType } from '../user-licenses/user-license-types.ts';
import type { AllocationProduct } from './allocation-product.ts';
import type { LicenseAudience, LicenseKind } from './license-product.ts';

/** A license of the organization, reduced to what allocation needs. */
export interface VendorLicense {
  productId: string;
  status: string;
  startsAt: Date;
  expiresAt: Date | null;
  /** Effective named-user limit (policy, overridden per license); null when unlimited. */
  maxUsers: number | null;
  /** From the license's metadata `userLicenseType`; anything else counts as USER. */
  userLicenseType: string | null;
}

/** A catalog product with its feature codes. */
export interface VendorProduct {
  id: string;
  code: string;
  name: string;
  kind: LicenseKind;
  requiresProductIds: readonly string[];
  generation: number;
  rank: number;
  audience: LicenseAudience;
  featureCodes: readonly string[];
}

/** Whether a license grants anything at `now`: active, started and not expired. */
export function licenseInForce(license: VendorLicense, now: Date): boolean {
  return (
    license.status === 'ACTIVE' &&
    license.startsAt <= now &&
    (license.expiresAt === null || license.expiresAt > now)
  );
}

/**
 * The allocation products the organization's licenses in force grant, sorted by code. Quantities
 * add up over several licenses of one product; one unlimited license makes the product unlimited.
 * @example vendorAllocationProducts([{ productId: 'prod_a', status: 'ACTIVE', … }], [productA], now)
 * // [{ code: 'PDM_AUTHOR', kind: 'BASE', capabilities: ['pdm.edit', 'pdm.read'], quantity: 25, … }]
 */
export function vendorAllocationProducts(
  licenses: readonly VendorLicense[],
  products: readonly VendorProduct[],
  now: Date,
): AllocationProduct[] {
  const byId = new Map(products.map((p) => [p.id, p]));
  const held = new Map<string, { quantity: number | null; types: Set<UserLicenseType> }>();
  for (const license of licenses) {
    if (!licenseInForce(license, now) || !byId.has(license.productId)) continue;
    const entry = held.get(license.productId) ?? { quantity: 0, types: new Set<UserLicenseType>() };
    entry.quantity =
      entry.quantity === null || license.maxUsers === null ? null : entry.quantity + license.maxUsers;
    entry.types.add(asUserLicenseType(license.userLicenseType));
    held.set(license.productId, entry);
  }
  const out: AllocationProduct[] = [];
  for (const [productId, entry] of held) {
    const p = byId.get(productId)!;
    out.push({
      code: p.code,
      name: p.name,
      kind: p.kind,
      capabilities: p.featureCodes.length > 0 ? [...p.featureCodes].sort() : [p.code],
      rank: p.rank,
      generation: p.generation,
      audience: p.audience,
      requiresCodes:
        p.kind === 'ADD_ON' ? p.requiresProductIds.flatMap((id) => byId.get(id)?.code ?? []).sort() : [],
      quantity: entry.quantity,
      userLicenseType: USER_LICENSE_ORDER.find((t) => entry.types.has(t)) ?? 'USER',
    });
  }
  return out.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

function asUserLicenseType(value: string | null): UserLicenseType {
  return value === 'LIGHT' || value === 'MEMBER' ? value : 'USER';
}
