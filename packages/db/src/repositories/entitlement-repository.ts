// Vendor-managed entitlements of a customer organization: integrations, organization-wide add-ons,
// extra database instances and purchased user licenses (kind USER_LICENSE, code USER|LIGHT|MEMBER).
import type { EntitlementKind } from '@licentia/core';
import type { Kysely } from 'kysely';
import type { Schema } from '../schema.ts';
import { keysetPage } from './keyset-page.ts';
import type { Page, PageRequest } from './page.ts';
import { deleteScopedRow, selectInOrganization } from './scoped-rows.ts';

export interface EntitlementRow {
  id: string;
  accountId: string;
  organizationId: string;
  kind: EntitlementKind;
  code: string;
  name: string;
  quantity: number;
  startsAt: Date;
  endsAt: Date | null;
  createdAt: Date;
}

export type NewEntitlement = Omit<EntitlementRow, 'accountId' | 'createdAt'>;
export type EntitlementChanges = Partial<Pick<EntitlementRow, 'name' | 'quantity' | 'startsAt' | 'endsAt'>>;

const columns = [
  'id',
  'account_id as accountId',
  'organization_id as organizationId',
  'kind',
  'code',
  'name',
  'quantity',
  'starts_at as startsAt',
  'ends_at as endsAt',
  'created_at as createdAt',
] as const;

export const entitlementRepository = {
  async insert(db: Kysely<Schema>, accountId: string, row: NewEntitlement): Promise<EntitlementRow> {
    return db
      .insertInto('organization_entitlements')
      .values({
        id: row.id,
        account_id: accountId,
        organization_id: row.organizationId,
        kind: row.kind,
        code: row.code,
        name: row.name,
        quantity: row.quantity,
        starts_at: row.startsAt,
        ends_at: row.endsAt,
      })
      .returning(columns)
      .executeTakeFirstOrThrow();
  },

  async get(
    db: Kysely<Schema>,
    accountId: string,
    organizationId: string,
    id: string,
  ): Promise<EntitlementRow | undefined> {
    return selectInOrganization(db, 'organization_entitlements', columns, { accountId, organizationId })
      .where('id', '=', id)
      .executeTakeFirst();
  },

  async list(
    db: Kysely<Schema>,
    accountId: string,
    organizationId: string,
    filters: { kind?: EntitlementKind | undefined },
    page: PageRequest,
  ): Promise<Page<EntitlementRow>> {
    let q = selectInOrganization(db, 'organization_entitlements', columns, { accountId, organizationId });
    if (filters.kind) q = q.where('kind', '=', filters.kind);
    return keysetPage(q, 'id', page);
  },

  /** Every entitlement of the organization (the overview shows them all, with their term status). */
  async listAll(db: Kysely<Schema>, accountId: string, organizationId: string): Promise<EntitlementRow[]> {
    return selectInOrganization(db, 'organization_entitlements', columns, { accountId, organizationId })
      .orderBy('id')
      .execute();
  },

  async update(
    db: Kysely<Schema>,
    accountId: string,
    organizationId: string,
    id: string,
    changes: EntitlementChanges,
  ): Promise<EntitlementRow | undefined> {
    const set: { name?: string; quantity?: number; starts_at?: Date; ends_at?: Date | null } = {};
    if (changes.name !== undefined) set.name = changes.name;
    if (changes.quantity !== undefined) set.quantity = changes.quantity;
    if (changes.startsAt !== undefined) set.starts_at = changes.startsAt;
    if (changes.endsAt !== undefined) set.ends_at = changes.endsAt;
    if (Object.keys(set).length === 0) return entitlementRepository.get(db, accountId, organizationId, id);
    return db
      .updateTable('organization_entitlements')
      .set(set)
      .where('account_id', '=', accountId)
      .where('organization_id', '=', organizationId)
      .where('id', '=', id)
      .returning(columns)
      .executeTakeFirst();
  },

  async delete(db: Kysely<Schema>, accountId: string, organizationId: string, id: string): Promise<boolean> {
    return deleteScopedRow(db, 'organization_entitlements', accountId, {
      organization_id: organizationId,
      id,
    });
  },
};
