// Signs lease tokens (compact JWS, EdDSA, typ lease+jwt) with the account's ACTIVE key — the same key
// set as license tokens, so the SDK verifies both with one JWKS.
import { buildLeaseClaims, LEASE_TOKEN_TYPE, type Lease, signJws } from '@licentia/core';
import type { AppContext } from '../http/context.ts';
import { activeSigner } from '../licensing/license-token.ts';

/** A token proving `lease` on (license, feature) until the lease's expiry; issued at `now` (epoch ms). */
export async function signLeaseToken(
  ctx: AppContext,
  pool: { accountId: string; licenseId: string; feature: string },
  lease: Lease,
  now: number,
): Promise<string> {
  const signer = await activeSigner(ctx, pool.accountId);
  const header = { alg: 'EdDSA' as const, kid: signer.kid, typ: LEASE_TOKEN_TYPE };
  return signJws(header, buildLeaseClaims(lease, pool, now), signer.privateKey);
}
