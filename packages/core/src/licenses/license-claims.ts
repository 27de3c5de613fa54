// The payload of a signed license token (JWS, typ license+jwt), built from a license and its terms.
import type { Entitlement, LicenseModel, OverageStrategy } from '../policies/policy-types.ts';
import type { EffectiveTerms } from './effective-terms.ts';
import type { License, LicenseStatus } from './license-types.ts';

/**
 * JWS `typ` header values, one per token purpose. A verifier checks `typ` first, so a machine file
 * can never be replayed as a license token, a lease as a machine file, and so on.
 */
export const TOKEN_TYPES = {
  license: 'license+jwt',
  machineFile: 'machine-file+jwt',
  lease: 'lease+jwt',
  validation: 'validation+jws',
} as const;
export type TokenType = (typeof TOKEN_TYPES)[keyof typeof TOKEN_TYPES];

/** The one namespaced private claim (a collision-resistant name per RFC 7519 §4.2). */
export const LICENSE_CLAIM = 'https://licentia.dev/license';
/** Version of the claim's shape; verifiers refuse versions they do not know. */
export const LICENSE_CLAIM_VERSION = 1;

/** What the license grants, in the namespaced claim. Instants are NumericDate (seconds since epoch). */
export interface LicenseClaim {
  v: typeof LICENSE_CLAIM_VERSION;
  model: LicenseModel;
  status: LicenseStatus;
  /** The customer organization id. */
  customer: string;
  policy: string;
  entitlements: Entitlement[];
  maintenanceEndsAt: number | null;
  /** null = unlimited. */
  limits: { maxMachines: number | null; maxUsers: number | null; overage: OverageStrategy };
  versionRange: string | null;
  boundFingerprints: string[];
}

/** The JWT claims set of a license token. `exp` is present only when the license expires. */
export interface LicenseClaims {
  iss: string;
  sub: string;
  aud: string;
  iat: number;
  nbf: number;
  exp?: number;
  [LICENSE_CLAIM]: LicenseClaim;
}

/**
 * NumericDate of an instant: whole seconds, rounded down.
 * @example numericDate(new Date('2025-01-01T00:00:00.900Z')) // 1735689600
 */
export function numericDate(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

/**
 * The claims of a license token: `iss` account, `sub` license, `aud` product, `iat` = `issuedAt`,
 * `nbf` = license start, `exp` = license expiry (omitted when it never expires), and the licence
 * terms under {@link LICENSE_CLAIM}. Sign it with header `{ alg: 'EdDSA', typ: TOKEN_TYPES.license, kid }`.
 * @example
 * buildLicenseClaims(license, terms, now)
 * // → { iss: 'acct_…', sub: 'lic_…', aud: 'prod_…', iat, nbf, exp, 'https://licentia.dev/license': { v: 1, model: 'SUBSCRIPTION', … } }
 */
export function buildLicenseClaims(license: License, terms: EffectiveTerms, issuedAt: Date): LicenseClaims {
  const claims: LicenseClaims = {
    iss: license.accountId,
    sub: license.id,
    aud: license.productId,
    iat: numericDate(issuedAt),
    nbf: numericDate(license.startsAt),
    [LICENSE_CLAIM]: {
      v: LICENSE_CLAIM_VERSION,
      model: terms.model,
      status: license.status,
      customer: license.organizationId,
      policy: license.policyId,
      entitlements: terms.entitlements.map((e) => ({ ...e })),
      maintenanceEndsAt: license.maintenanceEndsAt === null ? null : numericDate(license.maintenanceEndsAt),
      limits: { maxMachines: terms.maxMachines, maxUsers: terms.maxUsers, overage: terms.overage },
      versionRange: terms.versionRange,
      boundFingerprints: [...terms.boundFingerprints],
    },
  };
  if (license.expiresAt !== null) claims.exp = numericDate(license.expiresAt);
  return claims;
}
