// The tenant a licensing benchmark works in: the app bootstrapped with an operator token, one
// account and one customer organization created through the API (as a user would), and the
// fixture handle the seeders of packages/server/test take.

import type { buildApp } from '@licentia/server';
import { bootstrap } from '../../packages/server/src/bootstrap/bootstrap.ts';
import type { AppContext } from '../../packages/server/src/http/context.ts';
import type { TestApp } from '../../packages/server/test/harness.ts';

type BuiltApp = Awaited<ReturnType<typeof buildApp>>;

export interface BenchTenant {
  t: TestApp;
  accountId: string;
  organizationId: string;
}

export async function benchTenant(
  { app, ctx }: { app: BuiltApp['app']; ctx: AppContext },
  database: TestApp['database'],
): Promise<BenchTenant> {
  const { operatorToken } = await bootstrap(ctx, {
    bootstrapToken: null,
    demo: false,
    issueOperatorToken: true,
  });
  const headers = { authorization: `Bearer ${operatorToken}` };
  const account = (
    await app.inject({ method: 'POST', url: '/v1/accounts', headers, payload: { name: 'bench' } })
  ).json();
  const org = (
    await app.inject({
      method: 'POST',
      url: `/v1/accounts/${account.id}/organizations`,
      headers,
      payload: { name: 'c' },
    })
  ).json();
  return { t: { ctx, database } as TestApp, accountId: account.id, organizationId: org.id };
}
