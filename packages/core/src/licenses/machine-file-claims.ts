// The payload of an offline license file (JWS, typ machine-file+jwt): license claims bound to one fingerprint.
import type { EffectiveTerms } from './effective-terms.ts';
import { buildLicenseClaims, type LicenseClaims, numericDate } from './license-claims.ts';
import type { License } from './license-types.ts';

/** The namespaced claim naming the machine a license file is bound to. */
export const MACHINE_CLAIM = 'https://licentia.dev/machine';
/** A license file's default lifetime: the machine checks in (or gets a new file) within 30 days. */
export const DEFAULT_LICENSE_FILE_TTL_SECONDS = 30 * 86_400;

export interface MachineFileClaims extends LicenseClaims {
  exp: number;
  [MACHINE_CLAIM]: { fingerprint: string };
}

/**
 * License claims plus {@link MACHINE_CLAIM}, with `exp` = min(license expiry, issuedAt + ttl): a
 * file never outlives its license, and always expires (so a suspension reaches offline machines
 * within one TTL). Sign with header `{ alg: 'EdDSA', typ: TOKEN_TYPES.machineFile, kid }`.
 * @example buildMachineFileClaims(license, terms, 'ab12…', now, 86_400)['https://licentia.dev/machine'] // { fingerprint: 'ab12…' }
 */
export function buildMachineFileClaims(
  license: License,
  terms: EffectiveTerms,
  fingerprint: string,
  issuedAt: Date,
  ttlSeconds: number = DEFAULT_LICENSE_FILE_TTL_SECONDS,
): MachineFileClaims {
  const claims = buildLicenseClaims(license, terms, issuedAt);
  const ttlEnd = numericDate(issuedAt) + ttlSeconds;
  return {
    ...claims,
    exp: claims.exp === undefined ? ttlEnd : Math.min(claims.exp, ttlEnd),
    [MACHINE_CLAIM]: { fingerprint },
  };
}
