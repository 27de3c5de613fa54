// Licenses of a vendor account, with the grace period of their policy (for the derived state). Every
// method takes the account id: a license of another account is indistinguishable from a missing one.
import {
  type LicenseModel,
  type LicenseOverrides,
  type LicenseStatus,
  POLICY_DEFAULTS,
  type Policy,
} from '@licentia/core';
import { type Kysely, sql } from 'kysely';
import type { Schema } from '../schema.ts';
import { keysetPage } from './keyset-page.ts';
import type { Page, PageRequest } from './page.ts';
import { containsText } from './text-search.ts';

export interface LicenseRow {
  id: string;
  accountId: string;
  organizationId: string;
  productId: string;
  policyId: string;
  keyHash: string;
  keySealed: string;
  keyHint: string;
  name: string | null;
  status: LicenseStatus;
  model: LicenseModel;
  issuedAt: Date;
  startsAt: Date;
  expiresAt: Date | null;
  maintenanceEndsAt: Date | null;
  trialActivatedAt: Date | null;
  overrides: LicenseOverrides;
  boundFingerprints: string[];
  metadata: Record<string, unknown>;
  revision: number;
  lastValidatedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** The policy's grace period, joined in so the derived state needs no second query. */
  gracePeriodIso: string | null;
}

export type NewLicense = Omit<
  LicenseRow,
  'accountId' | 'revision' | 'lastValidatedAt' | 'createdAt' | 'updatedAt' | 'gracePeriodIso'
>;

/** What a lifecycle step may change; `revision` and `updated_at` are bumped on every update. */
export type LicenseChanges = Partial<
  Pick<
    LicenseRow,
    | 'organizationId'
    | 'policyId'
    | 'status'
    | 'model'
    | 'startsAt'
    | 'expiresAt'
    | 'maintenanceEndsAt'
    | 'overrides'
  >
>;

export interface LicenseFilters {
  organizationId?: string | undefined;
  productId?: string | undefined;
  policyId?: string | undefined;
  status?: LicenseStatus | undefined;
  model?: LicenseModel | undefined;
  /** Case-insensitive substring of the name, id or key hint. */
  q?: string | undefined;
}

function select(db: Kysely<Schema>) {
  return db
    .selectFrom('licenses as l')
    .innerJoin('policies as p', 'p.id', 'l.policy_id')
    .select([
      'l.id',
      'l.account_id as accountId',
      'l.organization_id as organizationId',
      'l.product_id as productId',
      'l.policy_id as policyId',
      'l.key_hash as keyHash',
      'l.key_sealed as keySealed',
      'l.key_hint as keyHint',
      'l.name',
      'l.status',
      sql<LicenseModel>`l.model`.as('model'),
      'l.issued_at as issuedAt',
      'l.starts_at as startsAt',
      'l.expires_at as expiresAt',
      'l.maintenance_ends_at as maintenanceEndsAt',
      'l.trial_activated_at as trialActivatedAt',
      sql<LicenseOverrides>`l.overrides`.as('overrides'),
      'l.bound_fingerprints as boundFingerprints',
      sql<Record<string, unknown>>`l.metadata`.as('metadata'),
      'l.revision',
      'l.last_validated_at as lastValidatedAt',
      'l.created_at as createdAt',
      'l.updated_at as updatedAt',
      sql<string | null>`p.spec->>'gracePeriodIso'`.as('gracePeriodIso'),
    ]);
}

export const licenseRepository = {
  async insert(db: Kysely<Schema>, accountId: string, row: NewLicense, at: Date): Promise<LicenseRow> {
    await db
      .insertInto('licenses')
      .values({
        id: row.id,
        account_id: accountId,
        organization_id: row.organizationId,
        product_id: row.productId,
        policy_id: row.policyId,
        key_hash: row.keyHash,
        key_sealed: row.keySealed,
        key_hint: row.keyHint,
        name: row.name,
        status: row.status,
        model: row.model,
        issued_at: row.issuedAt,
        starts_at: row.startsAt,
        expires_at: row.expiresAt,
        maintenance_ends_at: row.maintenanceEndsAt,
        trial_activated_at: row.trialActivatedAt,
        overrides: JSON.stringify(row.overrides),
        bound_fingerprints: row.boundFingerprints,
        metadata: JSON.stringify(row.metadata),
        created_at: at,
        updated_at: at,
      })
      .execute();
    return (await licenseRepository.get(db, accountId, row.id))!;
  },

  async get(db: Kysely<Schema>, accountId: string, id: string): Promise<LicenseRow | undefined> {
    return select(db).where('l.account_id', '=', accountId).where('l.id', '=', id).executeTakeFirst();
  },

  /** The row locked until the transaction ends: concurrent lifecycle steps on one license serialize. */
  async getForUpdate(db: Kysely<Schema>, accountId: string, id: string): Promise<LicenseRow | undefined> {
    return select(db)
      .where('l.account_id', '=', accountId)
      .where('l.id', '=', id)
      .forUpdate('l')
      .executeTakeFirst();
  },

  async list(
    db: Kysely<Schema>,
    accountId: string,
    filters: LicenseFilters,
    page: PageRequest,
  ): Promise<Page<LicenseRow>> {
    let q = select(db).where('l.account_id', '=', accountId);
    if (filters.organizationId) q = q.where('l.organization_id', '=', filters.organizationId);
    if (filters.productId) q = q.where('l.product_id', '=', filters.productId);
    if (filters.policyId) q = q.where('l.policy_id', '=', filters.policyId);
    if (filters.status) q = q.where('l.status', '=', filters.status);
    if (filters.model) q = q.where('l.model', '=', filters.model);
    if (filters.q) {
      q = q.where(
        containsText(filters.q, [sql`lower(coalesce(l.name, ''))`, sql`lower(l.id)`, sql`lower(l.key_hint)`]),
      );
    }
    return keysetPage(q, 'l.id', page);
  },

  /** Apply `changes`, bump the revision (snapshot caches compare it) and `updated_at`. */
  async update(
    db: Kysely<Schema>,
    accountId: string,
    id: string,
    changes: LicenseChanges,
    at: Date,
  ): Promise<LicenseRow> {
    const set: Record<string, unknown> = { updated_at: at, revision: sql`revision + 1` };
    if (changes.organizationId !== undefined) set.organization_id = changes.organizationId;
    if (changes.policyId !== undefined) set.policy_id = changes.policyId;
    if (changes.status !== undefined) set.status = changes.status;
    if (changes.model !== undefined) set.model = changes.model;
    if (changes.startsAt !== undefined) set.starts_at = changes.startsAt;
    if (changes.expiresAt !== undefined) set.expires_at = changes.expiresAt;
    if (changes.maintenanceEndsAt !== undefined) set.maintenance_ends_at = changes.maintenanceEndsAt;
    if (changes.overrides !== undefined) set.overrides = JSON.stringify(changes.overrides);
    await db
      .updateTable('licenses')
      .set(set)
      .where('account_id', '=', accountId)
      .where('id', '=', id)
      .execute();
    return (await licenseRepository.get(db, accountId, id))!;
  },

  /**
   * The policy a license was issued from, even when the catalog has deleted it since (a license
   * keeps its terms); new issues and amendments use the policy repository, which sees live ones only.
   */
  async policyOf(db: Kysely<Schema>, license: Pick<LicenseRow, 'accountId' | 'policyId'>): Promise<Policy> {
    const row = await db
      .selectFrom('policies')
      .select(['id', 'account_id as accountId', 'product_id as productId', 'name', 'model', 'spec'])
      .where('account_id', '=', license.accountId)
      .where('id', '=', license.policyId)
      .executeTakeFirstOrThrow();
    const { spec, ...columns } = row;
    return { ...POLICY_DEFAULTS, ...(spec as Partial<Policy>), ...columns } as Policy;
  },
};
