// The facts a compliance evaluation reads from other capabilities' tables: software versions seen in
// validations, the oldest usage data of an organization, and the organization's maintenance end.
// Each read is bounded by an index (validation history by license and time, usage by organization).
import { type Kysely, sql } from 'kysely';
import type { Schema } from '../schema.ts';
import { selectInOrganization } from './scoped-rows.ts';

export const complianceFactsRepository = {
  /** Distinct versions licensed apps reported in validations of the license after `since` (up to `until`). */
  async versionsSince(
    db: Kysely<Schema>,
    accountId: string,
    licenseId: string,
    since: Date,
    until: Date,
  ): Promise<string[]> {
    const rows = await db
      .selectFrom('validation_events')
      .select('version')
      .distinct()
      .where('account_id', '=', accountId)
      .where('license_id', '=', licenseId)
      .where('occurred_at', '>', since)
      .where('occurred_at', '<=', until)
      .where('version', 'is not', null)
      .limit(1000)
      .execute();
    return rows.map((r) => r.version as string);
  },

  /** The release date of `version` of a product, when it is a known release. */
  async releasedAt(
    db: Kysely<Schema>,
    accountId: string,
    productId: string,
    version: string,
  ): Promise<Date | null> {
    const row = await db
      .selectFrom('releases')
      .select('released_at')
      .where('account_id', '=', accountId)
      .where('product_id', '=', productId)
      .where('version', '=', version)
      .executeTakeFirst();
    return row?.released_at ?? null;
  },

  /** The oldest usage event of the organization (any source); null when it has none. */
  async earliestUsageAt(db: Kysely<Schema>, accountId: string, organizationId: string): Promise<Date | null> {
    const row = await db
      .selectFrom('usage_events')
      .select('occurred_at')
      .where('organization_id', '=', organizationId)
      .where('account_id', '=', accountId)
      .orderBy('occurred_at')
      .limit(1)
      .executeTakeFirst();
    return row?.occurred_at ?? null;
  },

  /**
   * The maintenance end that gates the organization's license servers: the latest among its active
   * licenses; null when none has one or any active license is not gated by maintenance.
   */
  async maintenanceEnd(db: Kysely<Schema>, accountId: string, organizationId: string): Promise<Date | null> {
    const row = await db
      .selectFrom('licenses')
      .select([
        sql<Date | null>`max(maintenance_ends_at)`.as('latest'),
        sql<number>`count(*) FILTER (WHERE maintenance_ends_at IS NULL)::int`.as('ungated'),
      ])
      .where('account_id', '=', accountId)
      .where('organization_id', '=', organizationId)
      .where('status', '=', 'ACTIVE')
      .executeTakeFirstOrThrow();
    return Number(row.ungated) > 0 || !row.latest ? null : new Date(row.latest);
  },
};

export interface LicenseServerFactsRow {
  id: string;
  name: string;
  hosts: string[];
  enabled: boolean;
  version: string | null;
  versionReleasedAt: Date | null;
  lastPolledAt: Date | null;
  lastErrorAt: Date | null;
  lastError: string | null;
}

/** What a collector or agent observed when it last queried a license server. */
export interface LicenseServerReport {
  reachable: boolean;
  error: string | null;
  version: string | null;
  versionReleasedAt: Date | null;
  at: Date;
}

const serverColumns = [
  'id',
  'name',
  'hosts',
  'enabled',
  'version',
  'version_released_at as versionReleasedAt',
  'last_polled_at as lastPolledAt',
  'last_error_at as lastErrorAt',
  'last_error as lastError',
] as const;

type OrgScope = { accountId: string; organizationId: string };

/** License servers with the facts of their status (migration 0011's columns included). */
export const licenseServerFactsRepository = {
  async list(db: Kysely<Schema>, s: OrgScope): Promise<LicenseServerFactsRow[]> {
    return selectInOrganization(db, 'license_servers', serverColumns, s).orderBy('id').limit(500).execute();
  },

  async get(db: Kysely<Schema>, s: OrgScope, id: string): Promise<LicenseServerFactsRow | undefined> {
    return selectInOrganization(db, 'license_servers', serverColumns, s)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  /** Store a report; a version given without a release date forgets the previous version's date. */
  async recordReport(db: Kysely<Schema>, s: OrgScope, id: string, r: LicenseServerReport): Promise<void> {
    await db
      .updateTable('license_servers')
      .set((eb) => ({
        ...(r.version !== null
          ? { version: r.version, version_released_at: r.versionReleasedAt }
          : r.versionReleasedAt !== null
            ? { version_released_at: r.versionReleasedAt }
            : {}),
        ...(r.reachable
          ? { last_polled_at: r.at }
          : { last_error_at: r.at, last_error: r.error ?? 'the license server did not answer' }),
        updated_at: eb.ref('updated_at'),
      }))
      .where('account_id', '=', s.accountId)
      .where('organization_id', '=', s.organizationId)
      .where('id', '=', id)
      .execute();
  },

  /** Store the status the core derived, so the license-server list shows it too. */
  async saveStatus(
    db: Kysely<Schema>,
    s: OrgScope,
    id: string,
    status: 'ONLINE' | 'OFFLINE' | 'ERROR',
    detail: string,
  ): Promise<void> {
    await db
      .updateTable('license_servers')
      .set({ status, status_detail: detail })
      .where('account_id', '=', s.accountId)
      .where('organization_id', '=', s.organizationId)
      .where('id', '=', id)
      .execute();
  },
};
