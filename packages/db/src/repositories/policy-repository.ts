// Policies: license templates. The validated terms live in one JSON document (`spec`); product,
// name and model are also columns because lists filter on them. Soft-deleted rows are invisible.
import { type LicenseModel, POLICY_DEFAULTS, type ValidPolicyInput } from '@licentia/core';
import type { Kysely, Selectable } from 'kysely';
import type { PoliciesTable, Schema } from '../schema.ts';
import { keysetRows } from './keyset-page.ts';
import { type Page, type PageRequest, toPage } from './page.ts';

export type PolicyRow = ValidPolicyInput & {
  id: string;
  accountId: string;
  productId: string;
  createdAt: Date;
  updatedAt: Date;
};

export interface PolicyFilter {
  productId?: string | undefined;
  model?: LicenseModel | undefined;
}

function toRow(r: Selectable<PoliciesTable>): PolicyRow {
  // Defaults first: a spec written before a member existed still reads as a complete policy.
  const spec = { ...POLICY_DEFAULTS, ...(r.spec as Partial<ValidPolicyInput>) };
  return {
    ...spec,
    name: r.name,
    model: r.model as LicenseModel,
    id: r.id,
    accountId: r.account_id,
    productId: r.product_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function live(db: Kysely<Schema>, accountId: string) {
  return db
    .selectFrom('policies')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('deleted_at', 'is', null);
}

export const policyRepository = {
  async insert(
    db: Kysely<Schema>,
    accountId: string,
    row: { id: string; productId: string; terms: ValidPolicyInput },
  ): Promise<PolicyRow> {
    const inserted = await db
      .insertInto('policies')
      .values({
        id: row.id,
        account_id: accountId,
        product_id: row.productId,
        name: row.terms.name,
        model: row.terms.model,
        spec: JSON.stringify(row.terms),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toRow(inserted);
  },

  async get(db: Kysely<Schema>, accountId: string, id: string): Promise<PolicyRow | undefined> {
    const r = await live(db, accountId).where('id', '=', id).executeTakeFirst();
    return r && toRow(r);
  },

  async list(
    db: Kysely<Schema>,
    accountId: string,
    page: PageRequest,
    filter: PolicyFilter = {},
  ): Promise<Page<PolicyRow>> {
    let q = live(db, accountId);
    if (filter.productId) q = q.where('product_id', '=', filter.productId);
    if (filter.model) q = q.where('model', '=', filter.model);
    const rows = await keysetRows(q, 'id', page);
    return toPage(rows.map(toRow), page.limit);
  },

  /** Replace the terms (already validated as a whole by the caller). */
  async update(
    db: Kysely<Schema>,
    accountId: string,
    id: string,
    terms: ValidPolicyInput,
    at: Date,
  ): Promise<PolicyRow | undefined> {
    const r = await db
      .updateTable('policies')
      .set({ name: terms.name, model: terms.model, spec: JSON.stringify(terms), updated_at: at })
      .where('account_id', '=', accountId)
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    return r && toRow(r);
  },

  async softDelete(db: Kysely<Schema>, accountId: string, id: string, at: Date): Promise<boolean> {
    const r = await db
      .updateTable('policies')
      .set({ deleted_at: at, updated_at: at })
      .where('account_id', '=', accountId)
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return r.numUpdatedRows > 0n;
  },

  /** Live policies of a product: a product that still has some cannot be deleted. */
  async countLiveForProduct(db: Kysely<Schema>, accountId: string, productId: string): Promise<number> {
    const r = await db
      .selectFrom('policies')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('account_id', '=', accountId)
      .where('product_id', '=', productId)
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },

  /** Licenses issued from the policy that are not revoked: renewals and amendments still read it. */
  async countUnrevokedLicenses(db: Kysely<Schema>, accountId: string, policyId: string): Promise<number> {
    const r = await db
      .selectFrom('licenses')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('account_id', '=', accountId)
      .where('policy_id', '=', policyId)
      .where('status', '!=', 'REVOKED')
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },
};
