// Effective license allocation, the administered part: the organization's allocation products, its
// groups and license groups with their members and nesting, product assignments, and the state row
// every change locks first. Every method takes the account and organization ids explicitly.
import type { AllocationProduct } from '@licentia/core';
import { type Kysely, sql } from 'kysely';
import type { AllocationProductSource } from '../allocation-schema.ts';
import type { Schema } from '../schema.ts';
import { keysetPage } from './keyset-page.ts';
import type { Page, PageRequest } from './page.ts';
import { deleteScopedRow, selectInOrganization } from './scoped-rows.ts';

export interface AllocationScope {
  accountId: string;
  organizationId: string;
}

export interface AllocationProductRow extends AllocationProduct {
  id: string;
  source: AllocationProductSource;
  updatedAt: Date;
}

export interface AllocationGroupRow {
  id: string;
  organizationId: string;
  kind: 'GROUP' | 'LICENSE_GROUP';
  name: string;
  createdAt: Date;
}

const productColumns = [
  'id',
  'code',
  'name',
  'kind',
  'capabilities',
  'rank',
  'generation',
  'audience',
  'requires_codes as requiresCodes',
  'quantity',
  'user_license_type as userLicenseType',
  'source',
  'updated_at as updatedAt',
] as const;
const groupColumns = [
  'id',
  'organization_id as organizationId',
  'kind',
  'name',
  'created_at as createdAt',
] as const;

export const allocationRepository = {
  /**
   * Lock the organization's allocation state (creating it on first use) for the rest of the
   * transaction: changes and recomputes of one organization never interleave.
   */
  async lock(db: Kysely<Schema>, s: AllocationScope): Promise<{ licensesStale: boolean }> {
    await db
      .insertInto('allocation_state')
      .values({ organization_id: s.organizationId, account_id: s.accountId })
      .onConflict((oc) => oc.column('organization_id').doNothing())
      .execute();
    const row = await db
      .selectFrom('allocation_state')
      .select('licenses_stale as licensesStale')
      .where('organization_id', '=', s.organizationId)
      .where('account_id', '=', s.accountId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    return row;
  },

  async markFresh(db: Kysely<Schema>, s: AllocationScope, at: Date): Promise<void> {
    await db
      .updateTable('allocation_state')
      .set({ licenses_stale: false, updated_at: at })
      .where('organization_id', '=', s.organizationId)
      .where('account_id', '=', s.accountId)
      .execute();
  },

  async isStale(db: Kysely<Schema>, s: AllocationScope): Promise<boolean> {
    const row = await db
      .selectFrom('allocation_state')
      .select('licenses_stale as stale')
      .where('organization_id', '=', s.organizationId)
      .where('account_id', '=', s.accountId)
      .executeTakeFirst();
    return row?.stale ?? false;
  },

  /** Every organization that uses allocation (server start recomputes each), across accounts. */
  async organizationsInUse(db: Kysely<Schema>): Promise<AllocationScope[]> {
    return db
      .selectFrom('allocation_state as s')
      .innerJoin('organizations as o', 'o.id', 's.organization_id')
      .select(['s.account_id as accountId', 's.organization_id as organizationId'])
      .where('o.deleted_at', 'is', null)
      .orderBy('s.organization_id')
      .execute();
  },

  async listProducts(db: Kysely<Schema>, s: AllocationScope): Promise<AllocationProductRow[]> {
    return selectInOrganization(db, 'allocation_products', productColumns, s).orderBy('code').execute();
  },

  /**
   * Make the products of one source exactly `products`: rows of that source not listed are deleted,
   * listed codes are inserted or updated (taking the code over from the other source).
   */
  async replaceProducts(
    db: Kysely<Schema>,
    s: AllocationScope,
    source: AllocationProductSource,
    products: readonly AllocationProduct[],
    newId: () => string,
    at: Date,
  ): Promise<void> {
    const codes = products.map((p) => p.code);
    let del = db
      .deleteFrom('allocation_products')
      .where('account_id', '=', s.accountId)
      .where('organization_id', '=', s.organizationId)
      .where('source', '=', source);
    if (codes.length > 0) del = del.where('code', 'not in', codes);
    await del.execute();
    if (products.length === 0) return;
    await db
      .insertInto('allocation_products')
      .values(
        products.map((p) => ({
          id: newId(),
          account_id: s.accountId,
          organization_id: s.organizationId,
          code: p.code,
          name: p.name,
          kind: p.kind,
          capabilities: [...p.capabilities],
          rank: p.rank,
          generation: p.generation,
          audience: p.audience,
          requires_codes: [...p.requiresCodes],
          quantity: p.quantity,
          user_license_type: p.userLicenseType,
          source,
          updated_at: at,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['organization_id', 'code']).doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          kind: eb.ref('excluded.kind'),
          capabilities: eb.ref('excluded.capabilities'),
          rank: eb.ref('excluded.rank'),
          generation: eb.ref('excluded.generation'),
          audience: eb.ref('excluded.audience'),
          requires_codes: eb.ref('excluded.requires_codes'),
          quantity: eb.ref('excluded.quantity'),
          user_license_type: eb.ref('excluded.user_license_type'),
          source: eb.ref('excluded.source'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  },

  async insertGroup(
    db: Kysely<Schema>,
    s: AllocationScope,
    row: { id: string; kind: AllocationGroupRow['kind']; name: string },
  ): Promise<AllocationGroupRow> {
    return db
      .insertInto('allocation_groups')
      .values({ ...row, account_id: s.accountId, organization_id: s.organizationId })
      .returning(groupColumns)
      .executeTakeFirstOrThrow();
  },

  async getGroup(
    db: Kysely<Schema>,
    s: AllocationScope,
    id: string,
  ): Promise<AllocationGroupRow | undefined> {
    return selectInOrganization(db, 'allocation_groups', groupColumns, s)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  async groupNameTaken(db: Kysely<Schema>, s: AllocationScope, name: string): Promise<boolean> {
    // Compared by the database's lower(), as the unique index on the name compares.
    const row = await selectInOrganization(db, 'allocation_groups', ['id'], s)
      .where(sql<boolean>`lower(name) = lower(${name})`)
      .executeTakeFirst();
    return row !== undefined;
  },

  async listGroups(
    db: Kysely<Schema>,
    s: AllocationScope,
    page: PageRequest,
  ): Promise<Page<AllocationGroupRow>> {
    return keysetPage(selectInOrganization(db, 'allocation_groups', groupColumns, s), 'id', page);
  },

  async deleteGroup(db: Kysely<Schema>, s: AllocationScope, id: string): Promise<boolean> {
    return deleteScopedRow(db, 'allocation_groups', s.accountId, { organization_id: s.organizationId, id });
  },
};
