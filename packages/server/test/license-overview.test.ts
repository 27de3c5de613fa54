// The license overview through the API on both engines: one answer with the four tabs, the plan
// side by side, the Users CSV export gated by plan, and the vendor-only plan change.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachEngine, openTestDatabase } from '../../db/test/test-databases.ts';
import { buildApp } from '../src/app.ts';
import { bootstrap } from '../src/bootstrap/bootstrap.ts';
import {
  addMember,
  buyUserLicenses,
  createEnvironment,
  createGroup,
  createPerson,
  orgPath,
  overview,
  setPlan,
} from './customer-org-fixtures.ts';
import { call, newTenant, type Tenant, useTestApp } from './harness.ts';
import { privilegedPerson } from './privilege-fixtures.ts';
import { assertProblem } from './security-suite.ts';
import { licenseFixture } from './validation-helpers.ts';

forEachEngine('license overview', (engine) => {
  const getApp = useTestApp(engine);

  it('answers the four tabs in one GET: products per production environment, integrations, users, license level', async () => {
    const t = getApp();
    const x = await newTenant(t);
    await setPlan(t, x, 'PROFESSIONAL');
    const prod = await createEnvironment(t, x, 'PRODUCTION');
    const test = await createEnvironment(t, x, 'TEST', prod);
    const installed = await licenseFixture(t, x, { model: 'PERPETUAL' });
    const loose = await licenseFixture(t, x, { model: 'PERPETUAL' });
    await call(t, 'PUT', `${orgPath(x)}/licenses/${installed.licenseId}/environment`, {
      token: x.tokens.admin,
      body: { environmentId: prod },
    });
    await call(t, 'POST', `${orgPath(x)}/entitlements`, {
      token: x.tokens.admin,
      body: {
        kind: 'INTEGRATION',
        code: 'sap-connector',
        name: 'SAP connector',
        quantity: 2,
        endsAt: '2099-01-01T00:00:00Z',
      },
    });
    await call(t, 'POST', `${orgPath(x)}/entitlements`, {
      token: x.tokens.admin,
      body: { kind: 'DATABASE_INSTANCE', code: 'extra', name: 'Extra instance', quantity: 1 },
    });
    await buyUserLicenses(t, x, 'USER', 10);
    await addMember(t, x, await createGroup(t, x, test, 'USER'), await createPerson(t, x, 'Tess'));

    const o = await overview(t, x, x.tokens.orgRead);
    assert.deepEqual(Object.keys(o).sort(), [
      'generatedAt',
      'integrations',
      'licenseLevel',
      'organizationId',
      'products',
      'users',
    ]);
    // Products: one row per production environment; the test copy is named, not listed.
    assert.deepEqual(
      o.products.environments.map((e: { environmentId: string }) => e.environmentId),
      [prod],
    );
    assert.deepEqual(
      o.products.environments[0].attachedEnvironments.map((e: { id: string }) => e.id),
      [test],
    );
    assert.deepEqual(
      o.products.environments[0].licenses.map((l: { id: string }) => l.id),
      [installed.licenseId],
    );
    assert.deepEqual(
      o.products.notInstalled.map((l: { id: string }) => l.id),
      [loose.licenseId],
    );
    const testRow = o.products.licensedProducts.find(
      (e: { environmentId: string }) => e.environmentId === test,
    );
    assert.equal(testRow.licensedThroughId, prod);
    // Integrations with quantity and term.
    assert.deepEqual(
      o.integrations.integrations.map((e: Record<string, unknown>) => [
        e.code,
        e.quantity,
        e.status,
        e.endsAt,
      ]),
      [['sap-connector', 2, 'ACTIVE', '2099-01-01T00:00:00.000Z']],
    );
    assert.deepEqual(o.integrations.databaseInstanceUse, { purchased: 1, inUse: 1 });
    // Users: the test-only person consumes one USER.
    assert.deepEqual(o.users.types[0], { type: 'USER', purchased: 10, used: 1, free: false, overage: false });
    assert.equal(o.users.nonProductionOnly, 1);
    // License level: the current plan and all three side by side.
    assert.equal(o.licenseLevel.plan, 'PROFESSIONAL');
    assert.deepEqual(
      o.licenseLevel.plans.map((p: { plan: string; current: boolean }) => [p.plan, p.current]),
      [
        ['STANDARD', false],
        ['PROFESSIONAL', true],
        ['ENTERPRISE', false],
      ],
    );
  });

  it('needs REPORTING: a LICENSING-only person is refused with the supervisors to ask', async () => {
    const t = getApp();
    const x = await newTenant(t);
    await privilegedPerson(t, x, 'Sue Supervisor', ['SUPERVISOR']);
    const licensing = await privilegedPerson(t, x, 'Lee', ['LICENSING']);
    const reporting = await privilegedPerson(t, x, 'Rae', ['REPORTING']);
    const refused = await call(t, 'GET', `${orgPath(x)}/license-overview`, { token: licensing.token });
    assertProblem(refused, 403, 'PRIVILEGE_REQUIRED');
    assert.match(refused.json.detail, /Sue Supervisor/);
    assert.equal(
      (await call(t, 'GET', `${orgPath(x)}/license-overview`, { token: reporting.token })).status,
      200,
    );
  });

  it('exports the Users tab as CSV on PROFESSIONAL and refuses it on STANDARD with NOT_INCLUDED_IN_PLAN', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const prod = await createEnvironment(t, x, 'PRODUCTION');
    const person = await createPerson(t, x, '=Formula, Name');
    await addMember(t, x, await createGroup(t, x, prod, 'LIGHT'), person);
    const url = `${orgPath(x)}/license-overview/users.csv`;
    const refused = await call(t, 'GET', url, { token: x.tokens.orgAdmin });
    assertProblem(refused, 403, 'NOT_INCLUDED_IN_PLAN');
    assert.match(refused.json.detail, /"Report export" is not included in your plan \(STANDARD\)/);
    await setPlan(t, x, 'PROFESSIONAL');
    const csv = await call(t, 'GET', url, { token: x.tokens.orgAdmin });
    assert.equal(csv.status, 200, csv.body);
    assert.match(String(csv.headers['content-type']), /^text\/csv/);
    const lines = csv.body.trim().split('\r\n');
    assert.equal(lines[0], 'username,name,email,type,environments');
    assert.equal(lines.length, 2);
    assert.match(lines[1]!, /,"'=Formula, Name",.*,LIGHT,/);
  });

  it('lets only the vendor change the plan, and audits it', async () => {
    const t = getApp();
    const x = await newTenant(t);
    assertProblem(
      await call(t, 'PUT', `${orgPath(x)}/plan`, { token: x.tokens.orgAdmin, body: { plan: 'ENTERPRISE' } }),
      403,
      'CONTACT_ACCOUNT_MANAGER',
    );
    const r = await call(t, 'PUT', `${orgPath(x)}/plan`, {
      token: x.tokens.admin,
      body: { plan: 'ENTERPRISE' },
    });
    assert.deepEqual(r.json, { organizationId: x.organizationId, plan: 'ENTERPRISE' });
    assert.equal((await overview(t, x)).licenseLevel.plan, 'ENTERPRISE');
    const event = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'changes'])
      .where('chain_id', '=', x.accountId)
      .where('action', '=', 'organization.plan_changed')
      .executeTakeFirstOrThrow();
    assert.deepEqual(event.changes, { plan: { from: 'STANDARD', to: 'ENTERPRISE' } });
  });

  it('answers an unknown organization with 404', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const missing = { ...x, organizationId: t.ctx.newId('organization') };
    assertProblem(
      await call(t, 'GET', `${orgPath(missing)}/license-overview`, { token: x.tokens.admin }),
      404,
      'NOT_FOUND',
    );
  });
});

it('gives the demo organization of a first start a real overview (USER over, seats assigned)', async () => {
  const database = await openTestDatabase('pglite');
  try {
    const { app, ctx } = await buildApp({ database, webRoot: null });
    const { demoAccountId, operatorToken } = await bootstrap(ctx, {
      bootstrapToken: null,
      demo: true,
      issueOperatorToken: true,
    });
    const t = { engine: 'pglite' as const, app, ctx, database, operatorToken: operatorToken! };
    const orgs = await call(t, 'GET', `/v1/accounts/${demoAccountId}/organizations`, {
      token: t.operatorToken,
    });
    const x = { accountId: demoAccountId!, organizationId: orgs.json.data[0].id } as Tenant;
    const o = await overview(t, x, t.operatorToken);
    assert.equal(o.licenseLevel.plan, 'PROFESSIONAL');
    assert.equal(o.products.environments.length, 2);
    assert.deepEqual(
      o.users.types.map((r: { type: string; purchased: number; used: number; overage: boolean }) => [
        r.type,
        r.purchased,
        r.used,
        r.overage,
      ]),
      [
        ['USER', 6, 7, true],
        ['LIGHT', 10, 4, false],
        ['MEMBER', 0, 3, false],
      ],
    );
    assert.equal(o.users.nonProductionOnly, 3);
    assert.equal(o.integrations.integrations.length, 2);
    const seats = await call(t, 'GET', `${orgPath(x)}/seat-utilization`, { token: t.operatorToken });
    assert.deepEqual(seats.json.total, { capacity: 10, assigned: 5, available: 5, ratio: 0.5 });
    await app.close();
  } finally {
    await database.close();
  }
});
