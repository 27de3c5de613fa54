// Vendor accounts: the top-level tenants. Deletion is soft so their audit chains stay verifiable.
import type { Kysely } from 'kysely';
import type { Schema } from '../schema.ts';
import { keysetPage } from './keyset-page.ts';
import type { Page, PageRequest } from './page.ts';

export interface AccountRow {
  id: string;
  name: string;
  isDefault: boolean;
  createdAt: Date;
}

const columns = ['id', 'name', 'is_default as isDefault', 'created_at as createdAt'] as const;

export const accountRepository = {
  async insert(
    db: Kysely<Schema>,
    row: { id: string; name: string; isDefault?: boolean },
  ): Promise<AccountRow> {
    return db
      .insertInto('accounts')
      .values({ id: row.id, name: row.name, is_default: row.isDefault ?? false })
      .returning(columns)
      .executeTakeFirstOrThrow();
  },

  async get(db: Kysely<Schema>, id: string): Promise<AccountRow | undefined> {
    return db
      .selectFrom('accounts')
      .select(columns)
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
  },

  async getDefault(db: Kysely<Schema>): Promise<AccountRow | undefined> {
    return db
      .selectFrom('accounts')
      .select(columns)
      .where('is_default', '=', true)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
  },

  /** Every live account (operator view), or just `onlyId` when the caller is bound to one. */
  async list(db: Kysely<Schema>, page: PageRequest, onlyId?: string): Promise<Page<AccountRow>> {
    let q = db.selectFrom('accounts').select(columns).where('deleted_at', 'is', null);
    if (onlyId) q = q.where('id', '=', onlyId);
    return keysetPage(q, 'id', page);
  },

  async softDelete(db: Kysely<Schema>, id: string, at: Date): Promise<boolean> {
    const r = await db
      .updateTable('accounts')
      .set({ deleted_at: at })
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return r.numUpdatedRows > 0n;
  },

  async count(db: Kysely<Schema>): Promise<number> {
    const r = await db
      .selectFrom('accounts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },
};
