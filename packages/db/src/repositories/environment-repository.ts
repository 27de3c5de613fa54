// Environments of customer organizations (PRODUCTION, TEST, TRAINING, STORAGE) and which product
// licenses are installed in them. Every method takes the account id: another tenant's row is missing.
import type { EnvironmentKind } from '@licentia/core';
import type { Kysely } from 'kysely';
import type { Schema } from '../schema.ts';
import { deleteScopedRow, selectInOrganization } from './scoped-rows.ts';

export interface EnvironmentRow {
  id: string;
  accountId: string;
  organizationId: string;
  name: string;
  kind: EnvironmentKind;
  productionEnvironmentId: string | null;
  createdAt: Date;
}

const columns = [
  'id',
  'account_id as accountId',
  'organization_id as organizationId',
  'name',
  'kind',
  'production_environment_id as productionEnvironmentId',
  'created_at as createdAt',
] as const;

export const environmentRepository = {
  async insert(
    db: Kysely<Schema>,
    accountId: string,
    row: Pick<EnvironmentRow, 'id' | 'organizationId' | 'name' | 'kind' | 'productionEnvironmentId'>,
  ): Promise<EnvironmentRow> {
    return db
      .insertInto('environments')
      .values({
        id: row.id,
        account_id: accountId,
        organization_id: row.organizationId,
        name: row.name,
        kind: row.kind,
        production_environment_id: row.productionEnvironmentId,
      })
      .returning(columns)
      .executeTakeFirstOrThrow();
  },

  async get(
    db: Kysely<Schema>,
    accountId: string,
    organizationId: string,
    id: string,
  ): Promise<EnvironmentRow | undefined> {
    return selectInOrganization(db, 'environments', columns, { accountId, organizationId })
      .where('id', '=', id)
      .executeTakeFirst();
  },

  /** Every environment of the organization in creation order (ids are time-sortable). */
  async listAll(db: Kysely<Schema>, accountId: string, organizationId: string): Promise<EnvironmentRow[]> {
    return selectInOrganization(db, 'environments', columns, { accountId, organizationId })
      .orderBy('id')
      .execute();
  },

  async update(
    db: Kysely<Schema>,
    accountId: string,
    organizationId: string,
    id: string,
    changes: { name?: string; productionEnvironmentId?: string | null },
  ): Promise<EnvironmentRow | undefined> {
    const set: { name?: string; production_environment_id?: string | null } = {};
    if (changes.name !== undefined) set.name = changes.name;
    if (changes.productionEnvironmentId !== undefined)
      set.production_environment_id = changes.productionEnvironmentId;
    if (Object.keys(set).length === 0) return environmentRepository.get(db, accountId, organizationId, id);
    return db
      .updateTable('environments')
      .set(set)
      .where('account_id', '=', accountId)
      .where('organization_id', '=', organizationId)
      .where('id', '=', id)
      .returning(columns)
      .executeTakeFirst();
  },

  /** Deletes the environment; its accounts and permission groups go with it (ON DELETE CASCADE). */
  async delete(db: Kysely<Schema>, accountId: string, organizationId: string, id: string): Promise<boolean> {
    return deleteScopedRow(db, 'environments', accountId, { organization_id: organizationId, id });
  },

  async countInstalledLicenses(
    db: Kysely<Schema>,
    accountId: string,
    environmentId: string,
  ): Promise<number> {
    const row = await db
      .selectFrom('licenses')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('account_id', '=', accountId)
      .where('environment_id', '=', environmentId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /**
   * Install a product license in an environment (or uninstall it with null). Bumps the license's
   * revision like every license change, so validation caches notice.
   */
  async installLicense(
    db: Kysely<Schema>,
    accountId: string,
    licenseId: string,
    environmentId: string | null,
    at: Date,
  ): Promise<boolean> {
    const r = await db
      .updateTable('licenses')
      .set((eb) => ({ environment_id: environmentId, updated_at: at, revision: eb('revision', '+', 1) }))
      .where('account_id', '=', accountId)
      .where('id', '=', licenseId)
      .executeTakeFirst();
    return r.numUpdatedRows > 0n;
  },
};
