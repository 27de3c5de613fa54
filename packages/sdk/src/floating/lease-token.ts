// Offline verification of a lease token (compact JWS, EdDSA, typ lease+jwt): the proof that this
// process holds a floating seat until `exp` — what a borrowed seat runs on without the server.
import { decodeJws, verifyDecodedJws } from '@licentia/core';
import type { KeySet } from '../keys.ts';
import { DEFAULT_LEEWAY_SECONDS, type TokenCode } from '../signed-claims.ts';
import type { LeaseClaims } from './floating-types.ts';

/** The JWS `typ` of a lease token; a license token or license file is refused as WRONG_TYPE. */
export const LEASE_TOKEN_TYPE = 'lease+jwt';

export type LeaseTokenCode = Exclude<TokenCode, 'WRONG_AUDIENCE'> | 'WRONG_LICENSE';

export interface LeaseTokenVerification {
  /** True only for code VALID. */
  valid: boolean;
  code: LeaseTokenCode;
  detail: string;
  /** The claims once the signature, type and shape are proven (also when expired); else null. */
  claims: LeaseClaims | null;
}

export interface VerifyLeaseTokenOptions {
  keys: KeySet;
  /** Defaults to the current time. */
  now?: Date;
  /** Clock skew tolerated on `iat` and `exp`; default {@link DEFAULT_LEEWAY_SECONDS}. */
  leewaySeconds?: number;
  /** When set, the lease must be on this license (`lic`). */
  licenseId?: string;
}

const isString = (v: unknown): v is string => typeof v === 'string' && v !== '';
const isSeconds = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

/** The lease claims when every required member has the right type; null otherwise. */
function parseLeaseClaims(payload: Record<string, unknown>): LeaseClaims | null {
  const { iss, sub, lic, acct, feat, cnt, usr, host, fp, iat, exp, brw } = payload;
  const strings = [iss, sub, lic, acct, feat, usr, host].every(isString);
  if (!strings || !isSeconds(iat) || !isSeconds(exp) || !Number.isSafeInteger(cnt) || (cnt as number) < 1)
    return null;
  if (fp !== undefined && typeof fp !== 'string') return null;
  if (brw !== undefined && brw !== true) return null;
  return payload as unknown as LeaseClaims;
}

/**
 * Verify a lease token offline, in order: decode (MALFORMED), `alg: EdDSA` (BAD_SIGNATURE), `typ:
 * lease+jwt` (WRONG_TYPE), key by `kid` (UNKNOWN_KEY), signature (BAD_SIGNATURE), claim shape
 * (MALFORMED), license (WRONG_LICENSE, when `licenseId` is given), then `iat`/`exp` with leeway
 * (NOT_YET_VALID, EXPIRED). Never throws for a bad token; only a failing key source throws.
 * @example
 * const result = await verifyLeaseToken(leaseToken, { keys: loadKeys(jwksUrl), licenseId: 'lic_01…' });
 * if (!result.valid) stopUsingFeature(result.code);
 */
export async function verifyLeaseToken(
  token: string,
  options: VerifyLeaseTokenOptions,
): Promise<LeaseTokenVerification> {
  const refuse = (code: LeaseTokenCode, detail: string, claims: LeaseClaims | null = null) => ({
    valid: false,
    code,
    detail,
    claims,
  });
  const decoded = typeof token === 'string' ? decodeJws(token) : null;
  if (!decoded) return refuse('MALFORMED', 'not a compact JWS');
  const { header } = decoded;
  if (header.alg !== 'EdDSA') return refuse('BAD_SIGNATURE', 'alg must be EdDSA');
  if (header.typ !== LEASE_TOKEN_TYPE)
    return refuse('WRONG_TYPE', `typ is ${String(header.typ)}, expected ${LEASE_TOKEN_TYPE}`);
  if (!isString(header.kid)) return refuse('MALFORMED', 'the header has no kid');
  const key = await options.keys.get(header.kid);
  if (!key) return refuse('UNKNOWN_KEY', `no public key with kid ${header.kid} (unknown or retired)`);
  if (!verifyDecodedJws(decoded, key)) return refuse('BAD_SIGNATURE', 'the signature does not verify');
  const claims = parseLeaseClaims(decoded.payload);
  if (!claims) return refuse('MALFORMED', 'the payload is not a lease');
  if (options.licenseId !== undefined && claims.lic !== options.licenseId)
    return refuse('WRONG_LICENSE', `the lease is on ${claims.lic}, not ${options.licenseId}`, claims);
  const nowSeconds = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const leeway = options.leewaySeconds ?? DEFAULT_LEEWAY_SECONDS;
  if (nowSeconds + leeway < claims.iat)
    return refuse(
      'NOT_YET_VALID',
      `issued in the future (${new Date(claims.iat * 1000).toISOString()})`,
      claims,
    );
  if (nowSeconds - leeway >= claims.exp)
    return refuse('EXPIRED', `the lease ended at ${new Date(claims.exp * 1000).toISOString()}`, claims);
  return { valid: true, code: 'VALID', detail: 'the lease token checks out', claims };
}
