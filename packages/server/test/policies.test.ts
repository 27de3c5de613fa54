// Policy routes: creation of every license model through the core's validatePolicyInput, its
// consistency errors as 400s, list filters, PATCH re-validating the merged policy, deletion rules,
// tenant isolation, permissions and audit events.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { LicenseModel, PolicyInput } from '@licentia/core';
import { forEachEngine } from '../../db/test/test-databases.ts';
import { call, newTenant, type Tenant, type TestApp, useTestApp } from './harness.ts';
import { seedLicense, seedProduct } from './licensing-fixtures.ts';
import { assertProblem } from './security-suite.ts';

const policiesOf = (x: Tenant) => `/v1/accounts/${x.accountId}/policies`;

const VALID: Record<LicenseModel, Omit<PolicyInput, 'model'>> = {
  PERPETUAL: { name: 'Perpetual', maintenanceDurationIso: 'P1Y' },
  SUBSCRIPTION: {
    name: 'Yearly',
    durationIso: 'P1Y',
    gracePeriodIso: 'P14D',
    priceCents: 9900,
    billingPeriodIso: 'P1Y',
  },
  TRIAL: { name: 'Trial', durationIso: 'P30D', trialStartsAt: 'FIRST_ACTIVATION' },
  FLOATING: { name: 'Floating', maxMachines: 10, heartbeatIntervalSeconds: 600, maxBorrowHours: 72 },
  NODE_LOCKED: { name: 'Node-locked', maxMachines: 1 },
  SITE: { name: 'Site', allowedCountries: ['SE', 'NO', 'DK'] },
};

async function setup(t: TestApp) {
  const x = await newTenant(t);
  const product = await seedProduct(t, x.accountId);
  return { x, productId: product.id };
}

function post(t: TestApp, x: Tenant, body: Record<string, unknown>, token = x.tokens.developer) {
  return call(t, 'POST', policiesOf(x), { token, body });
}

forEachEngine('policies', (engine) => {
  const getApp = useTestApp(engine);

  it('creates a policy of every license model with defaults filled in and audits policy.created', async () => {
    const t = getApp();
    const { x, productId } = await setup(t);
    for (const [model, input] of Object.entries(VALID)) {
      const res = await post(t, x, { productId, model, ...input });
      assert.equal(res.status, 201, `${model}: ${res.body}`);
      assert.equal(res.json.model, model);
      assert.equal(res.json.productId, productId);
      assert.equal(res.json.accountId, x.accountId);
      const got = await call(t, 'GET', `${policiesOf(x)}/${res.json.id}`, { token: x.tokens.readOnly });
      assert.deepEqual(got.json, res.json);
    }
    const floating = (await call(t, 'GET', `${policiesOf(x)}?model=FLOATING`, { token: x.tokens.admin })).json
      .data[0];
    assert.equal(floating.overage, 'NO', 'default overage');
    assert.equal(floating.renewFrom, 'EXPIRY', 'default renewFrom');
    assert.deepEqual(floating.entitlements, []);
    assert.equal(floating.durationIso, null);
    const events = await call(t, 'GET', `/v1/audit/events?accountId=${x.accountId}&targetId=${floating.id}`, {
      token: x.tokens.admin,
    });
    assert.equal(events.json.data[0].action, 'policy.created');
    assert.equal(events.json.data[0].changes.maxMachines, 10);
  });

  it('maps core consistency errors to 400 INVALID_FIELD with every field error listed', async () => {
    const t = getApp();
    const { x, productId } = await setup(t);
    const cases: [string, Record<string, unknown>, string, string][] = [
      ['a SUBSCRIPTION without duration', { model: 'SUBSCRIPTION' }, 'body.durationIso', 'REQUIRED'],
      ['a TRIAL without duration', { model: 'TRIAL' }, 'body.durationIso', 'REQUIRED'],
      [
        'a PERPETUAL with a duration',
        { model: 'PERPETUAL', durationIso: 'P1Y' },
        'body.durationIso',
        'INCONSISTENT',
      ],
      ['a FLOATING without seats', { model: 'FLOATING' }, 'body.maxMachines', 'REQUIRED'],
      ['a NODE_LOCKED without machines', { model: 'NODE_LOCKED' }, 'body.maxMachines', 'REQUIRED'],
      [
        'borrowing outside FLOATING',
        { model: 'SITE', maxBorrowHours: 24 },
        'body.maxBorrowHours',
        'INCONSISTENT',
      ],
      [
        'a trial start rule outside TRIAL',
        { model: 'PERPETUAL', trialStartsAt: 'FIRST_ACTIVATION' },
        'body.trialStartsAt',
        'INCONSISTENT',
      ],
      [
        'a grace period on a trial',
        { model: 'TRIAL', durationIso: 'P30D', gracePeriodIso: 'P7D' },
        'body.gracePeriodIso',
        'INCONSISTENT',
      ],
      [
        'a priced subscription without billing period',
        { model: 'SUBSCRIPTION', durationIso: 'P1Y', priceCents: 100 },
        'body.billingPeriodIso',
        'REQUIRED',
      ],
      [
        'a bad duration',
        { model: 'SUBSCRIPTION', durationIso: '1 year' },
        'body.durationIso',
        'INVALID_FORMAT',
      ],
      [
        'an unknown country',
        { model: 'SITE', allowedCountries: ['XX'] },
        'body.allowedCountries',
        'INVALID_FORMAT',
      ],
      [
        'a bad version range',
        { model: 'SITE', versionRange: 'two-ish' },
        'body.versionRange',
        'INVALID_FORMAT',
      ],
      [
        'a duplicated entitlement',
        { model: 'SITE', entitlements: [{ code: 'A' }, { code: 'A' }] },
        'body.entitlements',
        'INCONSISTENT',
      ],
      [
        'a heartbeat below 10 s',
        { model: 'SITE', heartbeatIntervalSeconds: 5 },
        'body.heartbeatIntervalSeconds',
        'OUT_OF_RANGE',
      ],
    ];
    for (const [what, body, field, reason] of cases) {
      const res = await post(t, x, { productId, name: 'P', ...body });
      assertProblem(res, 400, 'INVALID_FIELD');
      assert.equal(res.json.field, field, what);
      assert.deepEqual([res.json.errors[0].field, res.json.errors[0].reason], [field, reason], what);
    }
    const many = await post(t, x, {
      productId,
      name: ' ',
      model: 'SITE',
      maxMachines: 0,
      entitlements: [{ code: 'lower' }],
    });
    assertProblem(many, 400, 'INVALID_FIELD');
    assert.deepEqual(
      many.json.errors.map((e: { field: string }) => e.field),
      ['body.name', 'body.maxMachines', 'body.entitlements.0.code'],
    );
    assertProblem(await post(t, x, { productId, name: 'P', model: 'LEASE' }), 400, 'INVALID_FIELD');
    assertProblem(await post(t, x, { productId, model: 'SITE' }), 400, 'INVALID_FIELD');
    const nul = { productId, model: 'SITE', name: 'P', allowedDepartments: ['R\u0000D'] };
    assertProblem(await post(t, x, nul), 400, 'INVALID_FIELD');
  });

  it("refuses a policy for a missing, deleted or another account's product with 404", async () => {
    const t = getApp();
    const { x } = await setup(t);
    const other = await newTenant(t);
    const foreign = await seedProduct(t, other.accountId);
    const gone = await seedProduct(t, x.accountId);
    await call(t, 'DELETE', `/v1/accounts/${x.accountId}/products/${gone.id}`, { token: x.tokens.admin });
    for (const productId of [t.ctx.newId('product'), foreign.id, gone.id]) {
      const res = await post(t, x, { productId, ...VALID.SITE, model: 'SITE' });
      assertProblem(res, 404, 'NOT_FOUND');
      assert.equal(res.json.detail, `No product ${productId}`);
    }
  });

  it('filters the list by product and by model, and pages through it', async () => {
    const t = getApp();
    const { x, productId } = await setup(t);
    const second = await seedProduct(t, x.accountId);
    const a = await post(t, x, { productId, model: 'SITE', ...VALID.SITE });
    const b = await post(t, x, { productId, model: 'NODE_LOCKED', ...VALID.NODE_LOCKED });
    const c = await post(t, x, { productId: second.id, model: 'SITE', ...VALID.SITE });
    const ids = async (query: string) =>
      (await call(t, 'GET', `${policiesOf(x)}${query}`, { token: x.tokens.readOnly })).json.data.map(
        (p: { id: string }) => p.id,
      );
    assert.deepEqual(await ids(''), [a.json.id, b.json.id, c.json.id]);
    assert.deepEqual(await ids(`?productId=${productId}`), [a.json.id, b.json.id]);
    assert.deepEqual(await ids('?model=SITE'), [a.json.id, c.json.id]);
    assert.deepEqual(await ids(`?productId=${second.id}&model=NODE_LOCKED`), []);
    const page = await call(t, 'GET', `${policiesOf(x)}?limit=2`, { token: x.tokens.readOnly });
    assert.equal(page.json.nextCursor, b.json.id);
    assert.deepEqual(await ids(`?limit=2&cursor=${b.json.id}`), [c.json.id]);
    assertProblem(
      await call(t, 'GET', `${policiesOf(x)}?model=LEASE`, { token: x.tokens.admin }),
      400,
      'INVALID_FIELD',
    );
  });

  it('re-validates the merged policy on PATCH and audits only the changed members', async () => {
    const t = getApp();
    const { x, productId } = await setup(t);
    const created = await post(t, x, { productId, model: 'SUBSCRIPTION', ...VALID.SUBSCRIPTION });
    const url = `${policiesOf(x)}/${created.json.id}`;
    const patch = (body: unknown) => call(t, 'PATCH', url, { token: x.tokens.developer, body });
    const broken = await patch({ durationIso: null });
    assertProblem(broken, 400, 'INVALID_FIELD');
    assert.equal(broken.json.field, 'body.durationIso');
    assert.deepEqual(
      broken.json.errors.map((e: { field: string }) => e.field),
      ['body.durationIso', 'body.gracePeriodIso'],
    );
    const toPerpetual = await patch({ model: 'PERPETUAL' });
    assertProblem(toPerpetual, 400, 'INVALID_FIELD');
    assert.equal(toPerpetual.json.field, 'body.durationIso');
    assertProblem(await patch({ productId }), 400, 'INVALID_FIELD');
    assertProblem(await patch({}), 400, 'INVALID_FIELD');
    const ok = await patch({ maxMachines: 5, name: 'Yearly (5 seats)' });
    assert.equal(ok.status, 200, ok.body);
    assert.equal(ok.json.maxMachines, 5);
    assert.equal(ok.json.durationIso, 'P1Y', 'members not in the patch are kept');
    assert.ok(ok.json.updatedAt >= created.json.updatedAt);
    const events = await call(
      t,
      'GET',
      `/v1/audit/events?accountId=${x.accountId}&targetId=${created.json.id}`,
      {
        token: x.tokens.admin,
      },
    );
    const update = events.json.data.find((e: { action: string }) => e.action === 'policy.updated');
    assert.deepEqual(update.changes, {
      name: { from: 'Yearly', to: 'Yearly (5 seats)' },
      maxMachines: { from: null, to: 5 },
    });
  });

  it('deletes a policy softly, refusing while a license that is not revoked uses it', async () => {
    const t = getApp();
    const { x, productId } = await setup(t);
    const created = await post(t, x, { productId, model: 'SITE', ...VALID.SITE });
    const url = `${policiesOf(x)}/${created.json.id}`;
    const license = await seedLicense(t, {
      accountId: x.accountId,
      organizationId: x.organizationId,
      productId,
      policyId: created.json.id,
    });
    const blocked = await call(t, 'DELETE', url, { token: x.tokens.admin });
    assertProblem(blocked, 409, 'CONFLICT');
    assert.match(blocked.json.detail, /1 unrevoked license/);
    await t.database.db
      .updateTable('licenses')
      .set({ status: 'REVOKED' })
      .where('id', '=', license.id)
      .execute();
    assert.equal((await call(t, 'DELETE', url, { token: x.tokens.developer })).status, 204);
    assertProblem(await call(t, 'GET', url, { token: x.tokens.admin }), 404, 'NOT_FOUND');
    assertProblem(await call(t, 'DELETE', url, { token: x.tokens.admin }), 404, 'NOT_FOUND');
    const list = await call(t, 'GET', policiesOf(x), { token: x.tokens.admin });
    assert.deepEqual(list.json.data, []);
    const events = await call(
      t,
      'GET',
      `/v1/audit/events?accountId=${x.accountId}&targetId=${created.json.id}`,
      {
        token: x.tokens.admin,
      },
    );
    assert.deepEqual(
      events.json.data.map((e: { action: string }) => e.action),
      ['policy.created', 'policy.deleted'],
    );
  });

  it("answers another tenant's policy with 404 and a read-only token's write with 403", async () => {
    const t = getApp();
    const { x, productId } = await setup(t);
    const other = await newTenant(t);
    const created = await post(t, x, { productId, model: 'SITE', ...VALID.SITE });
    const foreignUrl = `${policiesOf(other)}/${created.json.id}`;
    for (const method of ['GET', 'PATCH', 'DELETE'] as const) {
      const res = await call(t, method, foreignUrl, {
        token: other.tokens.admin,
        ...(method === 'PATCH' ? { body: { name: 'Stolen' } } : {}),
      });
      assertProblem(res, 404, 'NOT_FOUND');
    }
    const url = `${policiesOf(x)}/${created.json.id}`;
    assertProblem(
      await post(t, x, { productId, model: 'SITE', ...VALID.SITE }, x.tokens.readOnly),
      403,
      'FORBIDDEN',
    );
    assertProblem(
      await call(t, 'PATCH', url, { token: x.tokens.readOnly, body: { name: 'n' } }),
      403,
      'FORBIDDEN',
    );
    assertProblem(await call(t, 'DELETE', url, { token: x.tokens.readOnly }), 403, 'FORBIDDEN');
    assert.equal((await call(t, 'GET', url, { token: x.tokens.readOnly })).status, 200);
    assertProblem(await call(t, 'GET', url, { token: x.tokens.orgAdmin }), 404, 'NOT_FOUND');
    assertProblem(await call(t, 'GET', policiesOf(x), { token: x.tokens.orgRead }), 404, 'NOT_FOUND');
  });
});
