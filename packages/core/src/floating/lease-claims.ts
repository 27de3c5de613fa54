// The claims of a lease token (JWS typ lease+jwt): the signed, offline proof that a holder has seats until `exp`.

import type { Lease } from './pool-state.ts';

/** The JWS `typ` of a lease token; verifiers refuse license tokens and files presented as leases. */
export const LEASE_TOKEN_TYPE = 'lease+jwt';

/** Lease token claims; times in seconds since the epoch. */
export interface LeaseClaims {
  iss: 'licentia';
  /** The lease id. */
  sub: string;
  lic: string;
  acct: string;
  feat: string;
  cnt: number;
  usr: string;
  host: string;
  fp?: string;
  iat: number;
  /** The lease's expiry: heartbeat deadline, or the borrow end for a borrowed lease. */
  exp: number;
  brw?: true;
}

/**
 * The claims of `lease` on `licenseId` of `accountId`, issued at `now` (epoch ms). The token never
 * outlives the lease: `exp` is the lease's `expiresAt` (rounded down to the second).
 * @example buildLeaseClaims(lease, { accountId: 'acct_1', licenseId: 'lic_1', feature: 'cad' }, now).exp;
 */
export function buildLeaseClaims(
  lease: Lease,
  pool: { accountId: string; licenseId: string; feature: string },
  now: number,
): LeaseClaims {
  const claims: LeaseClaims = {
    iss: 'licentia',
    sub: lease.leaseId,
    lic: pool.licenseId,
    acct: pool.accountId,
    feat: pool.feature,
    cnt: lease.count,
    usr: lease.user,
    host: lease.host,
    iat: Math.floor(now / 1000),
    exp: Math.floor(lease.expiresAt / 1000),
  };
  if (lease.fingerprint !== undefined) claims.fp = lease.fingerprint;
  if (lease.borrowedUntil !== undefined) claims.brw = true;
  return claims;
}
