// Organization entitlements through the API on both engines: vendor-only writes, plan gating of
// integrations and AI add-ons, term status, and input checks.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachEngine } from '../../db/test/test-databases.ts';
import { orgPath, setPlan } from './customer-org-fixtures.ts';
import { call, newTenant, useTestApp } from './harness.ts';
import { assertProblem } from './security-suite.ts';

const integration = { kind: 'INTEGRATION', code: 'sap-connector', name: 'SAP connector', quantity: 1 };

forEachEngine('entitlements', (engine) => {
  const getApp = useTestApp(engine);

  it('refuses an integration on STANDARD (NOT_INCLUDED_IN_PLAN) and accepts it on PROFESSIONAL', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const url = `${orgPath(x)}/entitlements`;
    const refused = await call(t, 'POST', url, { token: x.tokens.admin, body: integration });
    assertProblem(refused, 403, 'NOT_INCLUDED_IN_PLAN');
    assert.equal(refused.json.feature, 'INTEGRATIONS');
    await setPlan(t, x, 'PROFESSIONAL');
    const created = await call(t, 'POST', url, { token: x.tokens.admin, body: integration });
    assert.equal(created.status, 201, created.body);
    assert.equal(created.json.status, 'ACTIVE');
  });

  it('keeps AI add-ons for ENTERPRISE', async () => {
    const t = getApp();
    const x = await newTenant(t);
    await setPlan(t, x, 'PROFESSIONAL');
    const body = { kind: 'ADD_ON', code: 'ai-summaries', name: 'AI summaries', quantity: 1 };
    assertProblem(
      await call(t, 'POST', `${orgPath(x)}/entitlements`, { token: x.tokens.admin, body }),
      403,
      'NOT_INCLUDED_IN_PLAN',
    );
    await setPlan(t, x, 'ENTERPRISE');
    assert.equal(
      (await call(t, 'POST', `${orgPath(x)}/entitlements`, { token: x.tokens.admin, body })).status,
      201,
    );
  });

  it('lets organization tokens read entitlements but never change them (CONTACT_ACCOUNT_MANAGER)', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const url = `${orgPath(x)}/entitlements`;
    const body = { kind: 'USER_LICENSE', code: 'USER', name: 'Users', quantity: 5 };
    assertProblem(
      await call(t, 'POST', url, { token: x.tokens.orgAdmin, body }),
      403,
      'CONTACT_ACCOUNT_MANAGER',
    );
    const created = await call(t, 'POST', url, { token: x.tokens.admin, body });
    const one = `${url}/${created.json.id}`;
    assertProblem(
      await call(t, 'PATCH', one, { token: x.tokens.orgAdmin, body: { quantity: 50 } }),
      403,
      'CONTACT_ACCOUNT_MANAGER',
    );
    assertProblem(await call(t, 'DELETE', one, { token: x.tokens.orgAdmin }), 403, 'CONTACT_ACCOUNT_MANAGER');
    const list = await call(t, 'GET', url, { token: x.tokens.orgRead });
    assert.deepEqual(
      list.json.data.map((e: { quantity: number }) => e.quantity),
      [5],
    );
  });

  it('changes a quantity and ends a term; an ended term is EXPIRED and no longer counts as purchased', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const url = `${orgPath(x)}/entitlements`;
    const created = await call(t, 'POST', url, {
      token: x.tokens.admin,
      body: {
        kind: 'USER_LICENSE',
        code: 'LIGHT',
        name: 'Light',
        quantity: 5,
        startsAt: '2020-01-01T00:00:00Z',
      },
    });
    const changed = await call(t, 'PATCH', `${url}/${created.json.id}`, {
      token: x.tokens.admin,
      body: { quantity: 8, endsAt: '2021-01-01T00:00:00Z' },
    });
    assert.equal(changed.status, 200, changed.body);
    assert.deepEqual([changed.json.quantity, changed.json.status], [8, 'EXPIRED']);
    const o = await call(t, 'GET', `${orgPath(x)}/license-overview`, { token: x.tokens.admin });
    assert.equal(o.json.users.types[1].purchased, 0);
  });

  it('refuses a USER_LICENSE code other than USER, LIGHT or MEMBER, and a term ending before it starts', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const url = `${orgPath(x)}/entitlements`;
    const badCode = await call(t, 'POST', url, {
      token: x.tokens.admin,
      body: { kind: 'USER_LICENSE', code: 'ADMIN', name: 'x', quantity: 1 },
    });
    assertProblem(badCode, 400, 'INVALID_FIELD');
    assert.equal(badCode.json.field, 'body.code');
    const badTerm = await call(t, 'POST', url, {
      token: x.tokens.admin,
      body: {
        kind: 'DATABASE_INSTANCE',
        code: 'x',
        name: 'x',
        quantity: 1,
        startsAt: '2030-01-01T00:00:00Z',
        endsAt: '2029-01-01T00:00:00Z',
      },
    });
    assertProblem(badTerm, 400, 'INVALID_FIELD');
  });
});
