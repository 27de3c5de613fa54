// Signs an offline license file (typ machine-file+jwt) bound to one fingerprint and armours it.
import {
  AppError,
  armorLicenseFile,
  buildMachineFileClaims,
  effectiveTerms,
  type Policy,
  signJws,
  TOKEN_TYPES,
} from '@licentia/core';
import type { LicenseRow } from '@licentia/db';
import type { AppContext } from '../http/context.ts';
import { activeSigner } from './license-token.ts';
import { toCoreLicense } from './license-view.ts';

export interface LicenseFile {
  file: string;
  expiresAt: Date;
  kid: string;
}

/**
 * The armoured file for `fingerprint`, valid for `ttlSeconds` (never past the license's expiry).
 * Refused (409) for a revoked or suspended license, one that has expired, and a fingerprint outside
 * a node-locked license's bound fingerprints: an offline file must not grant what validation refuses.
 */
export async function signLicenseFile(
  ctx: AppContext,
  row: LicenseRow,
  policy: Policy,
  request: { fingerprint: string; ttlSeconds: number },
  now: Date,
): Promise<LicenseFile> {
  if (row.status !== 'ACTIVE') throw new AppError('CONFLICT', `A ${row.status} license gets no license file`);
  if (row.expiresAt !== null && row.expiresAt <= now)
    throw new AppError('CONFLICT', 'The license has expired');
  if (row.boundFingerprints.length > 0 && !row.boundFingerprints.includes(request.fingerprint)) {
    throw new AppError('CONFLICT', 'The fingerprint is not one the license is bound to');
  }
  const signer = await activeSigner(ctx, row.accountId);
  const license = toCoreLicense(row);
  const claims = buildMachineFileClaims(
    license,
    effectiveTerms(policy, license),
    request.fingerprint,
    now,
    request.ttlSeconds,
  );
  const jws = signJws(
    { alg: 'EdDSA', kid: signer.kid, typ: TOKEN_TYPES.machineFile },
    claims,
    signer.privateKey,
  );
  return { file: armorLicenseFile(jws), expiresAt: new Date(claims.exp * 1000), kid: signer.kid };
}
