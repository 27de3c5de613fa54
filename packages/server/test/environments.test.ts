// Environments through the API on both engines: attachment to production, plan-gated kinds with the
// NOT_INCLUDED_IN_PLAN problem, unique names, deletion rules, and where the vendor installs licenses.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachEngine } from '../../db/test/test-databases.ts';
import { createEnvironment, orgPath, setPlan } from './customer-org-fixtures.ts';
import { call, newTenant, useTestApp } from './harness.ts';
import { privilegedPerson } from './privilege-fixtures.ts';
import { assertProblem } from './security-suite.ts';
import { licenseFixture } from './validation-helpers.ts';

forEachEngine('environments', (engine) => {
  const getApp = useTestApp(engine);

  it('attaches a test copy to a production environment and lists which products each is licensed for', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const prod = await createEnvironment(t, x, 'PRODUCTION');
    const test = await createEnvironment(t, x, 'TEST', prod);
    const f = await licenseFixture(t, x, { model: 'SUBSCRIPTION', maxUsers: 5, durationIso: 'P1Y' });
    const installed = await call(t, 'PUT', `${orgPath(x)}/licenses/${f.licenseId}/environment`, {
      token: x.tokens.admin,
      body: { environmentId: prod },
    });
    assert.equal(installed.status, 200, installed.body);
    const list = await call(t, 'GET', `${orgPath(x)}/environments`, { token: x.tokens.orgAdmin });
    assert.equal(list.status, 200);
    const byId = Object.fromEntries(list.json.data.map((e: { id: string }) => [e.id, e]));
    assert.deepEqual(
      byId[prod].products.map((p: { productId: string }) => p.productId),
      [f.productId],
    );
    assert.equal(byId[test].licensedThroughId, prod);
    assert.deepEqual(
      byId[test].products.map((p: { productId: string }) => p.productId),
      [f.productId],
    );
  });

  it('refuses a test copy without a production environment, or attached to another copy (400)', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const prod = await createEnvironment(t, x, 'PRODUCTION');
    const test = await createEnvironment(t, x, 'TEST', prod);
    const orphan = await call(t, 'POST', `${orgPath(x)}/environments`, {
      token: x.tokens.admin,
      body: { name: 'Orphan', kind: 'TEST' },
    });
    assertProblem(orphan, 400, 'INVALID_FIELD');
    assert.equal(orphan.json.field, 'body.productionEnvironmentId');
    const chained = await call(t, 'POST', `${orgPath(x)}/environments`, {
      token: x.tokens.admin,
      body: { name: 'Chained', kind: 'TEST', productionEnvironmentId: test },
    });
    assertProblem(chained, 400, 'INVALID_FIELD');
  });

  it('refuses a training environment on STANDARD with NOT_INCLUDED_IN_PLAN, and allows it on PROFESSIONAL', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const prod = await createEnvironment(t, x, 'PRODUCTION');
    const body = { name: 'Course', kind: 'TRAINING', productionEnvironmentId: prod };
    const refused = await call(t, 'POST', `${orgPath(x)}/environments`, { token: x.tokens.orgAdmin, body });
    assertProblem(refused, 403, 'NOT_INCLUDED_IN_PLAN');
    assert.match(refused.json.detail, /"Training environments" is not included in your plan \(STANDARD\)/);
    assert.equal(refused.json.plan, 'STANDARD');
    assert.deepEqual(refused.json.includedIn, ['PROFESSIONAL', 'ENTERPRISE']);
    await setPlan(t, x, 'PROFESSIONAL');
    const created = await call(t, 'POST', `${orgPath(x)}/environments`, { token: x.tokens.orgAdmin, body });
    assert.equal(created.status, 201, created.body);
  });

  it('allows storage instances on ENTERPRISE only', async () => {
    const t = getApp();
    const x = await newTenant(t);
    await setPlan(t, x, 'PROFESSIONAL');
    const body = { name: 'Archive 2019', kind: 'STORAGE' };
    assertProblem(
      await call(t, 'POST', `${orgPath(x)}/environments`, { token: x.tokens.admin, body }),
      403,
      'NOT_INCLUDED_IN_PLAN',
    );
    await setPlan(t, x, 'ENTERPRISE');
    assert.equal(
      (await call(t, 'POST', `${orgPath(x)}/environments`, { token: x.tokens.admin, body })).status,
      201,
    );
  });

  it('refuses a second environment with the same name in any case (409)', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const first = await call(t, 'POST', `${orgPath(x)}/environments`, {
      token: x.tokens.admin,
      body: { name: 'Production', kind: 'PRODUCTION' },
    });
    assert.equal(first.status, 201);
    const again = await call(t, 'POST', `${orgPath(x)}/environments`, {
      token: x.tokens.admin,
      body: { name: 'PRODUCTION', kind: 'PRODUCTION' },
    });
    assertProblem(again, 409, 'CONFLICT');
  });

  it('refuses to delete a production environment with attached copies or installed licenses', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const prod = await createEnvironment(t, x, 'PRODUCTION');
    const test = await createEnvironment(t, x, 'TEST', prod);
    assertProblem(
      await call(t, 'DELETE', `${orgPath(x)}/environments/${prod}`, { token: x.tokens.admin }),
      409,
      'CONFLICT',
    );
    assert.equal(
      (await call(t, 'DELETE', `${orgPath(x)}/environments/${test}`, { token: x.tokens.admin })).status,
      204,
    );
    const f = await licenseFixture(t, x, { model: 'PERPETUAL' });
    await call(t, 'PUT', `${orgPath(x)}/licenses/${f.licenseId}/environment`, {
      token: x.tokens.admin,
      body: { environmentId: prod },
    });
    const blocked = await call(t, 'DELETE', `${orgPath(x)}/environments/${prod}`, { token: x.tokens.admin });
    assertProblem(blocked, 409, 'CONFLICT');
    assert.match(blocked.json.detail, /the vendor must move them first/);
  });

  it('installs product licenses only in production environments', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const prod = await createEnvironment(t, x, 'PRODUCTION');
    const test = await createEnvironment(t, x, 'TEST', prod);
    const f = await licenseFixture(t, x, { model: 'PERPETUAL' });
    const r = await call(t, 'PUT', `${orgPath(x)}/licenses/${f.licenseId}/environment`, {
      token: x.tokens.admin,
      body: { environmentId: test },
    });
    assertProblem(r, 409, 'CONFLICT');
    assert.match(r.json.detail, /borrows the licenses of its production environment/);
  });

  it('lets only the vendor move a license: an organization token is told to contact its account manager', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const prod = await createEnvironment(t, x, 'PRODUCTION');
    const f = await licenseFixture(t, x, { model: 'PERPETUAL' });
    const r = await call(t, 'PUT', `${orgPath(x)}/licenses/${f.licenseId}/environment`, {
      token: x.tokens.orgAdmin,
      body: { environmentId: prod },
    });
    assertProblem(r, 403, 'CONTACT_ACCOUNT_MANAGER');
  });

  it('lets a person with LICENSING administer environments and refuses one with REPORTING only, naming supervisors', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const supervisor = await privilegedPerson(t, x, 'Ann Lee', ['SUPERVISOR']);
    const licensing = await privilegedPerson(t, x, 'Bo Licensing', ['LICENSING']);
    const reporting = await privilegedPerson(t, x, 'Cy Reporting', ['REPORTING']);
    const body = { name: 'Prod', kind: 'PRODUCTION' };
    const refused = await call(t, 'POST', `${orgPath(x)}/environments`, { token: reporting.token, body });
    assertProblem(refused, 403, 'PRIVILEGE_REQUIRED');
    assert.match(refused.json.detail, /Ann Lee/);
    assert.deepEqual(
      refused.json.supervisors.map((s: { id: string }) => s.id),
      [supervisor.id],
    );
    assert.equal(
      (await call(t, 'POST', `${orgPath(x)}/environments`, { token: licensing.token, body })).status,
      201,
    );
    assert.equal(
      (await call(t, 'GET', `${orgPath(x)}/environments`, { token: reporting.token })).status,
      200,
    );
  });

  it('renames an environment and re-attaches a test copy; records an audit event per change', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const prod = await createEnvironment(t, x, 'PRODUCTION');
    const prod2 = await createEnvironment(t, x, 'PRODUCTION');
    const test = await createEnvironment(t, x, 'TEST', prod);
    const r = await call(t, 'PATCH', `${orgPath(x)}/environments/${test}`, {
      token: x.tokens.admin,
      body: { name: 'QA', productionEnvironmentId: prod2 },
    });
    assert.equal(r.status, 200, r.body);
    assert.equal(r.json.name, 'QA');
    assert.equal(r.json.productionEnvironmentId, prod2);
    const events = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('chain_id', '=', x.accountId)
      .where('target_id', 'in', [prod, prod2, test])
      .execute();
    assert.deepEqual(events.map((e) => e.action).sort(), [
      'environment.created',
      'environment.created',
      'environment.created',
      'environment.updated',
    ]);
  });
});
