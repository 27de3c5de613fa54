// Offline verification of an armoured license file (typ machine-file+jwt): signature, type, the
// machine it is bound to, the clock-rollback guard, and its validity window.
import { dearmorLicenseFile, type LicenseClaims } from '@licentia/core';
import type { ClockGuard } from './clock-guard.ts';
import { checkAuthentic, checkWindow, type SignedClaimsOptions, type TokenCode } from './signed-claims.ts';

/** The JWS `typ` of a license file; a license token is refused as WRONG_TYPE. */
export const LICENSE_FILE_TYPE = 'machine-file+jwt';
/** The claim naming the machine a license file is bound to. */
export const MACHINE_CLAIM = 'https://licentia.dev/machine';

export type LicenseFileCode = TokenCode | 'FINGERPRINT_MISMATCH' | 'CLOCK_ROLLBACK';

export interface LicenseFileVerification {
  valid: boolean;
  code: LicenseFileCode;
  detail: string;
  /** The verified license claims; null when signature, type or shape did not check out. */
  claims: LicenseClaims | null;
  /** When the file stops being valid (it always expires); null when unverified. */
  expiresAt: Date | null;
}

export interface VerifyLicenseFileOptions extends SignedClaimsOptions {
  /** This machine's fingerprint (see `machineFingerprint`). */
  fingerprint: string;
  /** The clock-rollback guard (see `createClockGuard`). */
  clock: ClockGuard;
}

/**
 * Verify a license file offline. In order: dearmour (MALFORMED), the chain of
 * `verifyLicenseToken` with typ `machine-file+jwt`, the bound fingerprint equals `fingerprint`
 * (FINGERPRINT_MISMATCH), the clock has not gone back (CLOCK_ROLLBACK), then `nbf`/`exp`.
 * The clock guard is consulted only for authentic files, so garbage input cannot move it.
 * @example
 * const result = await verifyLicenseFile(readFileSync('acme.lic', 'utf8'), {
 *   keys: keysFromJwks(jwks),
 *   fingerprint: await machineFingerprint('com.acme.cad'),
 *   clock: createClockGuard({ appId: 'com.acme.cad' }),
 * });
 * if (!result.valid) process.exit(3);
 */
export async function verifyLicenseFile(
  text: string,
  options: VerifyLicenseFileOptions,
): Promise<LicenseFileVerification> {
  const refuse = (
    code: LicenseFileCode,
    detail: string,
    claims: LicenseClaims | null = null,
    exp?: number,
  ) => ({
    valid: false,
    code,
    detail,
    claims,
    expiresAt: exp === undefined ? null : new Date(exp * 1000),
  });
  const jws = typeof text === 'string' ? dearmorLicenseFile(text) : null;
  if (!jws) return refuse('MALFORMED', 'not an armoured Licentia license file');
  const now = options.now ?? new Date();
  const signed = await checkAuthentic(jws, LICENSE_FILE_TYPE, options);
  if (!signed.claims || !signed.payload) return refuse(signed.code, signed.detail);
  const { claims, payload } = signed;
  const machine = payload[MACHINE_CLAIM] as { fingerprint?: unknown } | undefined;
  if (claims.exp === undefined || typeof machine?.fingerprint !== 'string')
    return refuse('MALFORMED', 'a license file needs exp and a machine fingerprint');
  if (signed.code !== 'VALID') return refuse(signed.code, signed.detail, claims, claims.exp);
  if (machine.fingerprint !== options.fingerprint)
    return refuse('FINGERPRINT_MISMATCH', 'the file is bound to another machine', claims, claims.exp);
  // The guard runs before the window: with the clock set back, the window check would be a lie.
  const clock = await options.clock.check(now);
  if (!clock.ok) {
    const detail = `the clock is behind a time already seen (${clock.latestSeen.toISOString()})`;
    return refuse('CLOCK_ROLLBACK', detail, claims, claims.exp);
  }
  const outside = checkWindow(claims, now, options.leewaySeconds);
  if (outside) return refuse(outside.code, outside.detail, claims, claims.exp);
  return {
    valid: true,
    code: 'VALID',
    detail: signed.detail,
    claims,
    expiresAt: new Date(claims.exp * 1000),
  };
}
