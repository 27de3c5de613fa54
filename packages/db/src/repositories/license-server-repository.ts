// Monitored license servers of a customer organization (FlexNet lmgrd hosts and the like). Every
// method takes the account and organization explicitly: another tenant's server reads as missing.
import { type Kysely, sql } from 'kysely';
import type { Schema } from '../schema.ts';
import type { LicenseServerStatus } from '../usage-schema.ts';
import { keysetPage } from './keyset-page.ts';
import type { Page, PageRequest } from './page.ts';
import { deleteScopedRow, selectInOrganization } from './scoped-rows.ts';

export interface LicenseServerRow {
  id: string;
  accountId: string;
  organizationId: string;
  name: string;
  hosts: string[];
  vendorDaemons: string[];
  timeZone: string;
  status: LicenseServerStatus;
  statusDetail: string | null;
  version: string | null;
  enabled: boolean;
  lastPolledAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The fields a caller may set on create or update. */
export interface LicenseServerFields {
  name: string;
  hosts: string[];
  vendorDaemons: string[];
  timeZone: string;
  enabled: boolean;
}

const columns = [
  'id',
  'account_id as accountId',
  'organization_id as organizationId',
  'name',
  'hosts',
  'vendor_daemons as vendorDaemons',
  'time_zone as timeZone',
  'status',
  'status_detail as statusDetail',
  'version',
  'enabled',
  'last_polled_at as lastPolledAt',
  'created_at as createdAt',
  'updated_at as updatedAt',
] as const;

type Scope = { accountId: string; organizationId: string };

const scoped = (db: Kysely<Schema>, s: Scope) => selectInOrganization(db, 'license_servers', columns, s);

export const licenseServerRepository = {
  async insert(
    db: Kysely<Schema>,
    s: Scope,
    row: LicenseServerFields & { id: string; now: Date },
  ): Promise<LicenseServerRow> {
    return db
      .insertInto('license_servers')
      .values({
        id: row.id,
        account_id: s.accountId,
        organization_id: s.organizationId,
        name: row.name,
        hosts: row.hosts,
        vendor_daemons: row.vendorDaemons,
        time_zone: row.timeZone,
        enabled: row.enabled,
        created_at: row.now,
        updated_at: row.now,
      })
      .returning(columns)
      .executeTakeFirstOrThrow();
  },

  async get(db: Kysely<Schema>, s: Scope, id: string): Promise<LicenseServerRow | undefined> {
    return scoped(db, s).where('id', '=', id).executeTakeFirst();
  },

  /** By name, compared without case (names are unique per organization that way). */
  async getByName(db: Kysely<Schema>, s: Scope, name: string): Promise<LicenseServerRow | undefined> {
    return scoped(db, s).where(sql<boolean>`lower(name) = lower(${name})`).executeTakeFirst();
  },

  async list(db: Kysely<Schema>, s: Scope, page: PageRequest): Promise<Page<LicenseServerRow>> {
    return keysetPage(scoped(db, s), 'id', page);
  },

  async update(
    db: Kysely<Schema>,
    s: Scope,
    id: string,
    fields: Partial<LicenseServerFields>,
    now: Date,
  ): Promise<LicenseServerRow | undefined> {
    return db
      .updateTable('license_servers')
      .set({
        ...(fields.name !== undefined ? { name: fields.name } : {}),
        ...(fields.hosts !== undefined ? { hosts: fields.hosts } : {}),
        ...(fields.vendorDaemons !== undefined ? { vendor_daemons: fields.vendorDaemons } : {}),
        ...(fields.timeZone !== undefined ? { time_zone: fields.timeZone } : {}),
        ...(fields.enabled !== undefined ? { enabled: fields.enabled } : {}),
        updated_at: now,
      })
      .where('account_id', '=', s.accountId)
      .where('organization_id', '=', s.organizationId)
      .where('id', '=', id)
      .returning(columns)
      .executeTakeFirst();
  },

  /** What a poll (lmstat snapshot) observed: status, detail, version and when. */
  async recordPoll(
    db: Kysely<Schema>,
    s: Scope,
    id: string,
    poll: { status: LicenseServerStatus; detail: string | null; version: string | null; at: Date },
  ): Promise<void> {
    await db
      .updateTable('license_servers')
      .set((eb) => ({
        status: poll.status,
        status_detail: poll.detail,
        version: poll.version === null ? eb.ref('version') : poll.version,
        last_polled_at: poll.at,
      }))
      .where('account_id', '=', s.accountId)
      .where('organization_id', '=', s.organizationId)
      .where('id', '=', id)
      .execute();
  },

  /** True when usage events name the server (it is then disabled rather than deleted). */
  async hasEvents(db: Kysely<Schema>, id: string): Promise<boolean> {
    const row = await db
      .selectFrom('usage_events')
      .select('id')
      .where('license_server_id', '=', id)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  },

  async delete(db: Kysely<Schema>, s: Scope, id: string): Promise<boolean> {
    return deleteScopedRow(db, 'license_servers', s.accountId, { organization_id: s.organizationId, id });
  },
};
