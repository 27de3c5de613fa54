// Floating licenses outside the pool lock: pools to report on, a license's options document, what
// happened to a lease that is gone, and the product facts that decide which features float.
import { type Kysely, sql } from 'kysely';
import type { Schema } from '../schema.ts';
import type { FloatingPoolRow } from './floating-repository.ts';

const poolColumns = [
  'p.id',
  'p.account_id as accountId',
  'p.organization_id as organizationId',
  'p.license_id as licenseId',
  'p.feature',
  'p.seats',
  'p.next_due_at as nextDueAt',
  'p.version',
] as const;

export const floatingAdminRepository = {
  /**
   * Pools of an account, optionally of one license and feature, restricted to an organization or
   * product (what the caller may see), ordered by license and feature.
   */
  async listPools(
    db: Kysely<Schema>,
    accountId: string,
    filter: {
      licenseId?: string | undefined;
      feature?: string | undefined;
      organizationId?: string | undefined;
      productId?: string | undefined;
    },
    limit: number,
  ): Promise<FloatingPoolRow[]> {
    let query = db
      .selectFrom('floating_pools as p')
      .innerJoin('licenses as l', 'l.id', 'p.license_id')
      .select(poolColumns)
      .where('p.account_id', '=', accountId);
    if (filter.licenseId !== undefined) query = query.where('p.license_id', '=', filter.licenseId);
    if (filter.feature !== undefined) query = query.where('p.feature', '=', filter.feature);
    if (filter.organizationId !== undefined)
      query = query.where('l.organization_id', '=', filter.organizationId);
    if (filter.productId !== undefined) query = query.where('l.product_id', '=', filter.productId);
    return query.orderBy('p.license_id').orderBy('p.feature').limit(limit).execute();
  },

  /** The stored options document of a license, or null when none was ever set. */
  async getOptions(db: Kysely<Schema>, accountId: string, licenseId: string): Promise<unknown> {
    const row = await db
      .selectFrom('floating_options')
      .select('options')
      .where('account_id', '=', accountId)
      .where('license_id', '=', licenseId)
      .executeTakeFirst();
    return row?.options ?? null;
  },

  /** Replace the options document of a license. */
  async putOptions(
    db: Kysely<Schema>,
    accountId: string,
    licenseId: string,
    options: unknown,
    now: Date,
  ): Promise<void> {
    const doc = JSON.stringify(options);
    await db
      .insertInto('floating_options')
      .values({ license_id: licenseId, account_id: accountId, options: doc, updated_at: now })
      .onConflict((oc) => oc.column('license_id').doUpdateSet({ options: doc, updated_at: now }))
      .execute();
  },

  /** The last usage event of a lease or queue entry (how it ended), if any. */
  async lastEventOf(
    db: Kysely<Schema>,
    accountId: string,
    licenseId: string,
    leaseId: string,
  ): Promise<{ kind: string; reason: string | null } | undefined> {
    return db
      .selectFrom('floating_events')
      .select(['kind', 'reason'])
      .where('lease_id', '=', leaseId)
      .where('account_id', '=', accountId)
      .where('license_id', '=', licenseId)
      .orderBy('occurred_at', 'desc')
      .limit(1)
      .executeTakeFirst();
  },

  /** The product's code and whether it defines features (a product without features floats as itself). */
  async productFeatures(
    db: Kysely<Schema>,
    accountId: string,
    productId: string,
  ): Promise<{ code: string; hasFeatures: boolean } | undefined> {
    return db
      .selectFrom('products as p')
      .select([
        'p.code',
        sql<boolean>`EXISTS (SELECT 1 FROM features f WHERE f.product_id = p.id)`.as('hasFeatures'),
      ])
      .where('p.account_id', '=', accountId)
      .where('p.id', '=', productId)
      .executeTakeFirst();
  },
};
