// The offline verification chain shared by license tokens and license files, in the order of
// docs/license-format.md §6: decode, algorithm, typ (domain separation), key by kid, signature, claim
// shape (parsed only once signed), audience, then the validity window.
import type { KeyObject } from 'node:crypto';
import { decodeJws, type LicenseClaims, parseLicenseClaims, verifyDecodedJws } from '@licentia/core';
import type { KeySet } from './keys.ts';

/** Every outcome of an offline token check; only VALID is valid. */
export type TokenCode =
  | 'VALID'
  | 'UNKNOWN_KEY'
  | 'BAD_SIGNATURE'
  | 'WRONG_TYPE'
  | 'WRONG_AUDIENCE'
  | 'NOT_YET_VALID'
  | 'EXPIRED'
  | 'MALFORMED';

/** Clock skew tolerated on `nbf` and `exp`, in seconds. */
export const DEFAULT_LEEWAY_SECONDS = 60;

export interface SignedClaimsOptions {
  keys: KeySet;
  /** Defaults to the current time. */
  now?: Date;
  /** When set, the token's `aud` (product id) must equal it. */
  audience?: string;
  leewaySeconds?: number;
}

export interface SignedClaimsResult {
  code: TokenCode;
  detail: string;
  /** Set once the signature, typ and shape are proven, even when the window or audience fails. */
  claims: LicenseClaims | null;
  /** The verified raw payload (for claims beyond the license claim, such as the machine binding). */
  payload: Record<string, unknown> | null;
}

const fail = (code: TokenCode, detail: string): SignedClaimsResult => ({
  code,
  detail,
  claims: null,
  payload: null,
});

/**
 * Everything but the validity window: decode, algorithm, typ, key, signature, shape, audience.
 * @example await checkAuthentic(jws, 'machine-file+jwt', { keys }) // → { code: 'VALID', claims, … }
 */
export async function checkAuthentic(
  jws: string,
  typ: string,
  options: SignedClaimsOptions,
): Promise<SignedClaimsResult> {
  const decoded = decodeJws(jws);
  if (!decoded) return fail('MALFORMED', 'not a compact JWS');
  const { header } = decoded;
  // The header checks of docs/license-format.md §6 step 2 come before any key lookup, so a token
  // of the wrong kind or algorithm never triggers a JWKS refetch.
  if (header.alg !== 'EdDSA') return fail('BAD_SIGNATURE', 'alg must be EdDSA');
  if (header.typ !== typ) return fail('WRONG_TYPE', `typ is ${String(header.typ)}, expected ${typ}`);
  if (typeof header.kid !== 'string' || header.kid === '') return fail('MALFORMED', 'the header has no kid');
  const key: KeyObject | undefined = await options.keys.get(header.kid);
  if (!key) return fail('UNKNOWN_KEY', `no public key with kid ${header.kid} (unknown or retired)`);
  if (!verifyDecodedJws(decoded, key)) return fail('BAD_SIGNATURE', 'the signature does not verify');
  const parsed = parseLicenseClaims(decoded.payload);
  if (!parsed.ok) return fail('MALFORMED', parsed.errors.join('; '));
  const { claims } = parsed;
  const payload = decoded.payload;
  if (options.audience !== undefined && claims.aud !== options.audience)
    return {
      code: 'WRONG_AUDIENCE',
      detail: `issued for ${claims.aud}, not ${options.audience}`,
      claims,
      payload,
    };
  return { code: 'VALID', detail: 'the signature, type and validity window check out', claims, payload };
}

/**
 * The validity window: `nbf` and `exp` against `now`, each with `leewaySeconds` of tolerance.
 * @example checkWindow(claims, new Date(), 60) // → null, or { code: 'EXPIRED', detail }
 */
export function checkWindow(
  claims: Pick<LicenseClaims, 'nbf' | 'exp'>,
  now: Date,
  leewaySeconds = DEFAULT_LEEWAY_SECONDS,
): { code: 'NOT_YET_VALID' | 'EXPIRED'; detail: string } | null {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (nowSeconds + leewaySeconds < claims.nbf)
    return { code: 'NOT_YET_VALID', detail: `valid from ${new Date(claims.nbf * 1000).toISOString()}` };
  if (claims.exp !== undefined && nowSeconds - leewaySeconds >= claims.exp)
    return { code: 'EXPIRED', detail: `expired at ${new Date(claims.exp * 1000).toISOString()}` };
  return null;
}

/**
 * The whole chain, the signature before anything read from the payload is trusted.
 * @example await checkSignedClaims(jws, 'license+jwt', { keys }) // → { code: 'VALID', claims, … }
 */
export async function checkSignedClaims(
  jws: string,
  typ: string,
  options: SignedClaimsOptions,
): Promise<SignedClaimsResult> {
  const authentic = await checkAuthentic(jws, typ, options);
  if (authentic.code !== 'VALID' || !authentic.claims) return authentic;
  const outside = checkWindow(authentic.claims, options.now ?? new Date(), options.leewaySeconds);
  return outside ? { ...authentic, ...outside } : authentic;
}
