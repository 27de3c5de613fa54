// Fixtures of the catalog and policy suites: products made through the API (so the routes under test
// build their own rows), the audit trail of one target, and the demo catalog seeded into a tenant.
import { auditRepository } from '@licentia/db';
import { uniqueName } from '../../db/test/test-databases.ts';
import { seedDemoCatalog } from '../src/bootstrap/demo-catalog.ts';
import { type CallResult, call, type Tenant, type TestApp } from './harness.ts';

export const productsOf = (x: Tenant) => `/v1/accounts/${x.accountId}/products`;

/** POST a product as the developer; the code is unique unless `body` names one. */
export async function createProduct(
  t: TestApp,
  x: Tenant,
  body: Record<string, unknown> = {},
): Promise<CallResult> {
  return call(t, 'POST', productsOf(x), {
    token: x.tokens.developer,
    body: { code: uniqueName('prod'), name: 'Product', ...body },
  });
}

export interface AuditEntry {
  action: string;
  changes: Record<string, unknown>;
}

/** The audit events of `targetId` in the tenant's account, oldest first (read as the admin). */
export async function auditOf(t: TestApp, x: Tenant, targetId: string): Promise<AuditEntry[]> {
  const r = await call(t, 'GET', `/v1/audit/events?accountId=${x.accountId}&targetId=${targetId}`, {
    token: x.tokens.admin,
  });
  return r.json.data as AuditEntry[];
}

/** Only the actions of `auditOf`, for tests that check the sequence of events of one target. */
export async function auditActions(t: TestApp, x: Tenant, targetId: string): Promise<string[]> {
  return (await auditOf(t, x, targetId)).map((e) => e.action);
}

/** The demo catalog of a first start, seeded into the tenant's account as the system actor 'test'. */
export function seedDemo(t: TestApp, x: Tenant) {
  return t.ctx.db.transaction().execute((trx) =>
    seedDemoCatalog(
      t.ctx,
      trx,
      async (entry) => {
        await auditRepository.append(trx, {
          id: t.ctx.newId('auditEvent'),
          occurredAt: t.ctx.clock(),
          actorType: 'system',
          actorId: 'test',
          requestId: null,
          ...entry,
          changes: entry.changes ?? {},
        });
      },
      x.accountId,
    ),
  );
}
