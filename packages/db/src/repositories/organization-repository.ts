// Customer organizations under a vendor account. Every method takes the account id explicitly:
// a row of another account is indistinguishable from a missing one.
import type { Kysely } from 'kysely';
import type { Schema } from '../schema.ts';
import { keysetPage } from './keyset-page.ts';
import type { Page, PageRequest } from './page.ts';
import { softDeleteLive } from './scoped-rows.ts';

export interface OrganizationRow {
  id: string;
  accountId: string;
  name: string;
  createdAt: Date;
}

const columns = ['id', 'account_id as accountId', 'name', 'created_at as createdAt'] as const;

export const organizationRepository = {
  async insert(
    db: Kysely<Schema>,
    accountId: string,
    row: { id: string; name: string },
  ): Promise<OrganizationRow> {
    return db
      .insertInto('organizations')
      .values({ id: row.id, account_id: accountId, name: row.name })
      .returning(columns)
      .executeTakeFirstOrThrow();
  },

  async get(db: Kysely<Schema>, accountId: string, id: string): Promise<OrganizationRow | undefined> {
    return db
      .selectFrom('organizations')
      .select(columns)
      .where('account_id', '=', accountId)
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
  },

  async list(
    db: Kysely<Schema>,
    accountId: string,
    page: PageRequest,
    onlyId?: string,
  ): Promise<Page<OrganizationRow>> {
    let q = db
      .selectFrom('organizations')
      .select(columns)
      .where('account_id', '=', accountId)
      .where('deleted_at', 'is', null);
    if (onlyId) q = q.where('id', '=', onlyId);
    return keysetPage(q, 'id', page);
  },

  async rename(
    db: Kysely<Schema>,
    accountId: string,
    id: string,
    name: string,
  ): Promise<OrganizationRow | undefined> {
    return db
      .updateTable('organizations')
      .set({ name })
      .where('account_id', '=', accountId)
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .returning(columns)
      .executeTakeFirst();
  },

  async softDelete(db: Kysely<Schema>, accountId: string, id: string, at: Date): Promise<boolean> {
    return softDeleteLive(db, 'organizations', accountId, id, at);
  },

  async count(db: Kysely<Schema>, accountId?: string): Promise<number> {
    let q = db
      .selectFrom('organizations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('deleted_at', 'is', null);
    if (accountId) q = q.where('account_id', '=', accountId);
    return Number((await q.executeTakeFirstOrThrow()).n);
  },
};
