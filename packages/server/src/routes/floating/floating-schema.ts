// The public shapes of the floating routes: leases, the answer meta, the fields licensed apps send.
import type { Lease as CoreLease } from '@licentia/core';
import { Type } from 'typebox';
import { IdParam, Nullable, Timestamp } from '../../http/schemas.ts';
import { LicenseIdField, LicenseKeyField } from '../validation/validate-license.ts';

export const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });

/** A client nonce echoed in the signed answer's meta (replay protection). */
export const Nonce = Type.String({ minLength: 1, maxLength: 128, pattern: '^[\\x21-\\x7e]+$' });

/** How a licensed app names its license: the key, or a license id with a product token. */
export const LicenseRef = {
  key: Type.Optional(LicenseKeyField),
  licenseId: Type.Optional(LicenseIdField),
};

export const LeaseId = IdParam('Lease', 'lease');

export const Lease = Type.Object({
  id: Type.String({ description: 'lease_…' }),
  licenseId: Type.String(),
  feature: Type.String(),
  count: Type.Integer(),
  user: Type.String(),
  host: Type.String(),
  startedAt: Timestamp,
  expiresAt: Timestamp,
  heartbeatIntervalSeconds: Type.Integer(),
  borrowedUntil: Type.Optional(Timestamp),
  lingerUntil: Type.Optional(Timestamp),
  department: Type.Optional(Type.String()),
  group: Type.Optional(Type.String()),
  display: Type.Optional(Type.String()),
});

export const Meta = Type.Object({ ts: Timestamp, nonce: Nullable(Type.String()), requestId: Type.String() });

const iso = (ms: number) => new Date(ms).toISOString();

/** The API shape of a core lease of pool (license, feature). */
export function toLease(
  lease: CoreLease,
  pool: { licenseId: string; feature: string; heartbeatIntervalSeconds: number },
) {
  return {
    id: lease.leaseId,
    licenseId: pool.licenseId,
    feature: pool.feature,
    count: lease.count,
    user: lease.user,
    host: lease.host,
    startedAt: iso(lease.startedAt),
    expiresAt: iso(lease.expiresAt),
    heartbeatIntervalSeconds: pool.heartbeatIntervalSeconds,
    ...(lease.borrowedUntil !== undefined ? { borrowedUntil: iso(lease.borrowedUntil) } : {}),
    ...(lease.lingerUntil !== undefined ? { lingerUntil: iso(lease.lingerUntil) } : {}),
    ...(lease.department !== undefined ? { department: lease.department } : {}),
    ...(lease.group !== undefined ? { group: lease.group } : {}),
    ...(lease.display !== undefined ? { display: lease.display } : {}),
  };
}
