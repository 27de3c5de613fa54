// The demo licenses of a first start: one license of every model for the demo customer, issued
// through the same code as POST …/licenses, so `licentia license list --json` shows each working.
import type { LicenseModel } from '@licentia/core';
import type { Schema } from '@licentia/db';
import type { Kysely } from 'kysely';
import type { AppContext, AuditEntry } from '../http/context.ts';
import { insertLicense } from '../routes/licenses/insert-license.ts';
import type { DemoCatalog } from './demo-catalog.ts';

const NAMES: Record<LicenseModel, string> = {
  PERPETUAL: 'Globex — Acme Studio perpetual',
  SUBSCRIPTION: 'Globex — Acme Studio Pro subscription',
  TRIAL: 'Globex — Acme Studio trial',
  FLOATING: 'Globex — Acme Studio floating (10 seats)',
  NODE_LOCKED: 'Globex — Acme Studio workstation (node-locked)',
  SITE: 'Globex — Acme Studio Nordic site',
};

/**
 * Issue one license per model of the demo catalog to `organizationId`, inside the bootstrap
 * transaction (first start only, like the catalog, which keeps bootstrap idempotent).
 * Returns the license ids by model.
 */
export async function seedDemoLicenses(
  ctx: AppContext,
  trx: Kysely<Schema>,
  audit: (entry: AuditEntry) => Promise<void>,
  accountId: string,
  organizationId: string,
  catalog: DemoCatalog,
): Promise<Record<LicenseModel, string>> {
  const now = ctx.clock();
  const ids = {} as Record<LicenseModel, string>;
  for (const [model, name] of Object.entries(NAMES) as [LicenseModel, string][]) {
    const policyId = catalog.policies[model];
    const { row } = await insertLicense(
      ctx,
      trx,
      audit,
      accountId,
      { policyId, organizationId, name, startsAt: now, overrides: {}, boundFingerprints: [], metadata: {} },
      { policyId, organizationId, name, demo: true },
      now,
    );
    ids[model] = row.id;
  }
  return ids;
}
