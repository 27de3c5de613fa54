// Offline verification of a signed license token (compact JWS, typ license+jwt) against public keys.
import type { LicenseClaims } from '@licentia/core';
import { checkSignedClaims, type SignedClaimsOptions, type TokenCode } from './signed-claims.ts';

/** The JWS `typ` of a license token; a machine file or lease token is refused as WRONG_TYPE. */
export const LICENSE_TOKEN_TYPE = 'license+jwt';

export interface TokenVerification {
  /** True only for code VALID. */
  valid: boolean;
  code: TokenCode;
  /** Human-readable reason, safe to show or log (never contains key material). */
  detail: string;
  /** The verified claims; null when the signature, type or shape did not check out. */
  claims: LicenseClaims | null;
}

export type VerifyTokenOptions = SignedClaimsOptions;

/**
 * Verify a license token offline (docs/license-format.md §6): decode it, require `alg: EdDSA`
 * (BAD_SIGNATURE) and `typ: license+jwt` (WRONG_TYPE), find its key by `kid` (UNKNOWN_KEY: unknown
 * or retired), verify the Ed25519 signature (BAD_SIGNATURE), the claim shape (MALFORMED), the
 * audience when given (WRONG_AUDIENCE — pass your product id), then `nbf`/`exp` with
 * {@link DEFAULT_LEEWAY_SECONDS} of leeway (NOT_YET_VALID, EXPIRED). Never throws for a bad token;
 * it throws only when the key source itself fails (a JWKS URL that cannot be fetched on first use).
 * The claims say what the license grants (model, entitlements, maintenance end, limits); whether it
 * was suspended since it was signed is only known online (see `LicentiaClient.validate`).
 * @example
 * const keys = loadKeys(jwksUrl);
 * const result = await verifyLicenseToken(token, { keys, audience: 'prod_01…' });
 * if (!result.valid) throw new Error(`license refused: ${result.code}`);
 * result.claims['https://licentia.dev/license'].entitlements;
 */
export async function verifyLicenseToken(
  token: string,
  options: VerifyTokenOptions,
): Promise<TokenVerification> {
  if (typeof token !== 'string')
    return { valid: false, code: 'MALFORMED', detail: 'not a string', claims: null };
  const { code, detail, claims } = await checkSignedClaims(token, LICENSE_TOKEN_TYPE, options);
  return { valid: code === 'VALID', code, detail, claims };
}

export { DEFAULT_LEEWAY_SECONDS, type TokenCode } from './signed-claims.ts';
