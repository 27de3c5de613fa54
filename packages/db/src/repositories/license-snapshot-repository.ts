// Reads everything a validation decision needs about one license in a single round trip: the
// license row, its policy's spec, the product's releases and the live machines' fingerprints.
import { type Kysely, sql } from 'kysely';
import type { Schema } from '../schema.ts';

export interface LicenseSnapshotRow {
  id: string;
  accountId: string;
  organizationId: string;
  productId: string;
  policyId: string;
  keyHash: string;
  status: 'ACTIVE' | 'SUSPENDED' | 'REVOKED';
  model: string;
  issuedAt: Date;
  startsAt: Date;
  expiresAt: Date | null;
  maintenanceEndsAt: Date | null;
  trialActivatedAt: Date | null;
  overrides: unknown;
  boundFingerprints: string[];
  /** The policy's validated spec (JSON), parsed once by the caller into a snapshot. */
  policySpec: unknown;
  releases: { version: string; releasedAt: Date }[];
  fingerprints: string[];
  /** The compliance mode and reason (migration 0011); null = never evaluated (NORMAL). */
  compliance?: StoredCompliance | null;
}

/** A license's stored compliance mode and reason (license_compliance, migration 0011). */
export interface StoredCompliance {
  mode: string;
  reason: string;
}

/** Who a license belongs to: enough to authorize a vendor route before reading more. */
export interface LicenseScopeRow {
  id: string;
  accountId: string;
  organizationId: string;
  productId: string;
}

/** What a validation or activation decides on: the license row and its policy's terms (`licenses as l`, `policies as p`). */
export const licenseTermsColumns = [
  'l.id',
  'l.account_id as accountId',
  'l.organization_id as organizationId',
  'l.product_id as productId',
  'l.policy_id as policyId',
  'l.key_hash as keyHash',
  'l.status',
  'l.model',
  'l.issued_at as issuedAt',
  'l.starts_at as startsAt',
  'l.expires_at as expiresAt',
  'l.maintenance_ends_at as maintenanceEndsAt',
  'l.trial_activated_at as trialActivatedAt',
  'l.overrides',
  'l.bound_fingerprints as boundFingerprints',
  'p.spec as policySpec',
] as const;

function snapshotQuery(db: Kysely<Schema>) {
  return db
    .selectFrom('licenses as l')
    .innerJoin('policies as p', 'p.id', 'l.policy_id')
    .select([
      ...licenseTermsColumns,
      sql<{ version: string; releasedAt: string }[]>`(SELECT coalesce(json_agg(json_build_object(
        'version', r.version, 'releasedAt', r.released_at)), '[]'::json)
        FROM releases r WHERE r.product_id = l.product_id AND r.account_id = l.account_id)`.as('releases'),
      sql<string[]>`ARRAY(SELECT m.fingerprint FROM machines m
        WHERE m.license_id = l.id AND m.deactivated_at IS NULL ORDER BY m.id)`.as('fingerprints'),
      sql<StoredCompliance | null>`(SELECT json_build_object('mode', c.mode, 'reason', c.reason)
        FROM license_compliance c WHERE c.license_id = l.id)`.as('compliance'),
    ]);
}

type RawSnapshot = Omit<LicenseSnapshotRow, 'releases'> & {
  releases: { version: string; releasedAt: string }[];
};

const toRow = (raw: RawSnapshot | undefined): LicenseSnapshotRow | undefined =>
  raw && {
    ...raw,
    releases: raw.releases.map((r) => ({ version: r.version, releasedAt: new Date(r.releasedAt) })),
  };

export const licenseSnapshotRepository = {
  /**
   * The license whose key hashes to `keyHash`. The one lookup without an account: the key itself
   * names the tenant (like a bearer token's hash does).
   */
  async findByKeyHash(db: Kysely<Schema>, keyHash: string): Promise<LicenseSnapshotRow | undefined> {
    return toRow(await snapshotQuery(db).where('l.key_hash', '=', keyHash).executeTakeFirst());
  },

  async findById(
    db: Kysely<Schema>,
    accountId: string,
    licenseId: string,
  ): Promise<LicenseSnapshotRow | undefined> {
    return toRow(
      await snapshotQuery(db)
        .where('l.account_id', '=', accountId)
        .where('l.id', '=', licenseId)
        .executeTakeFirst(),
    );
  },

  async findScope(
    db: Kysely<Schema>,
    accountId: string,
    licenseId: string,
  ): Promise<LicenseScopeRow | undefined> {
    return db
      .selectFrom('licenses')
      .select([
        'id',
        'account_id as accountId',
        'organization_id as organizationId',
        'product_id as productId',
      ])
      .where('account_id', '=', accountId)
      .where('id', '=', licenseId)
      .executeTakeFirst();
  },
};
