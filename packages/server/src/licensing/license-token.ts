// Signs a license token (compact JWS, typ license+jwt) with the account's ACTIVE key: the claims come
// from the core, so the token and the online validation answer describe the same terms.
import {
  AppError,
  buildLicenseClaims,
  effectiveTerms,
  type Policy,
  signJws,
  TOKEN_TYPES,
} from '@licentia/core';
import type { LicenseRow } from '@licentia/db';
import type { AppContext } from '../http/context.ts';
import type { Signer } from '../signing/key-vault.ts';
import { toCoreLicense } from './license-view.ts';

/** The account's ACTIVE signer; every account gets one at creation, so none is a server-side conflict. */
export async function activeSigner(ctx: AppContext, accountId: string): Promise<Signer> {
  const signer = await ctx.keys.signer(ctx.db, accountId);
  if (!signer) throw new AppError('CONFLICT', 'The account has no active signing key; rotate to create one');
  return signer;
}

/** A freshly signed license token of `row` under `policy`, issued at `now`. */
export async function signLicenseToken(
  ctx: AppContext,
  row: LicenseRow,
  policy: Policy,
  now: Date,
): Promise<{ token: string; kid: string }> {
  const signer = await activeSigner(ctx, row.accountId);
  const license = toCoreLicense(row);
  const claims = buildLicenseClaims(license, effectiveTerms(policy, license), now);
  const token = signJws(
    { alg: 'EdDSA', kid: signer.kid, typ: TOKEN_TYPES.license },
    claims,
    signer.privateKey,
  );
  return { token, kid: signer.kid };
}
