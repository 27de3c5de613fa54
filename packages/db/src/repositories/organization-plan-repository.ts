// The plan of a customer organization (STANDARD, PROFESSIONAL or ENTERPRISE): read by plan-gated
// routes and the License level tab, changed only by the vendor.
import type { Plan } from '@licentia/core';
import type { Kysely } from 'kysely';
import type { Schema } from '../schema.ts';

export const organizationPlanRepository = {
  /** The organization's plan, or undefined when it does not exist (or is deleted) in the account. */
  async get(db: Kysely<Schema>, accountId: string, organizationId: string): Promise<Plan | undefined> {
    const row = await db
      .selectFrom('organizations')
      .select('plan')
      .where('account_id', '=', accountId)
      .where('id', '=', organizationId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return row?.plan;
  },

  async set(db: Kysely<Schema>, accountId: string, organizationId: string, plan: Plan): Promise<boolean> {
    const r = await db
      .updateTable('organizations')
      .set({ plan })
      .where('account_id', '=', accountId)
      .where('id', '=', organizationId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return r.numUpdatedRows > 0n;
  },
};
