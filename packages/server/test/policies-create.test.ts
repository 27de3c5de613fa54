// Creating policies: every license model through the core's validatePolicyInput, with defaults filled
// in and policy.created audited; each consistency error of the core as a 400 INVALID_FIELD listing
// every field error; and a missing, deleted or another account's product answered with 404.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachEngine } from '../../db/test/test-databases.ts';
import { auditOf } from './catalog-fixtures.ts';
import { call, newTenant, useTestApp } from './harness.ts';
import { seedProduct } from './licensing-fixtures.ts';
import { policiesOf, postPolicy, tenantWithProduct, VALID } from './policy-fixtures.ts';
import { assertProblem } from './security-suite.ts';

forEachEngine('policies', (engine) => {
  const getApp = useTestApp(engine);

  it('creates a policy of every license model with defaults filled in and audits policy.created', async () => {
    const t = getApp();
    const { x, productId } = await tenantWithProduct(t);
    for (const [model, input] of Object.entries(VALID)) {
      const res = await postPolicy(t, x, { productId, model, ...input });
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
    const events = await auditOf(t, x, floating.id);
    assert.equal(events[0]?.action, 'policy.created');
    assert.equal(events[0]?.changes.maxMachines, 10);
  });

  it('maps core consistency errors to 400 INVALID_FIELD with every field error listed', async () => {
    const t = getApp();
    const { x, productId } = await tenantWithProduct(t);
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
      const res = await postPolicy(t, x, { productId, name: 'P', ...body });
      assertProblem(res, 400, 'INVALID_FIELD');
      assert.equal(res.json.field, field, what);
      assert.deepEqual([res.json.errors[0].field, res.json.errors[0].reason], [field, reason], what);
    }
    const many = await postPolicy(t, x, {
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
    assertProblem(await postPolicy(t, x, { productId, name: 'P', model: 'LEASE' }), 400, 'INVALID_FIELD');
    assertProblem(await postPolicy(t, x, { productId, model: 'SITE' }), 400, 'INVALID_FIELD');
    const nul = { productId, model: 'SITE', name: 'P', allowedDepartments: ['R\u0000D'] };
    assertProblem(await postPolicy(t, x, nul), 400, 'INVALID_FIELD');
  });

  it("refuses a policy for a missing, deleted or another account's product with 404", async () => {
    const t = getApp();
    const { x } = await tenantWithProduct(t);
    const other = await newTenant(t);
    const foreign = await seedProduct(t, other.accountId);
    const gone = await seedProduct(t, x.accountId);
    await call(t, 'DELETE', `/v1/accounts/${x.accountId}/products/${gone.id}`, { token: x.tokens.admin });
    for (const productId of [t.ctx.newId('product'), foreign.id, gone.id]) {
      const res = await postPolicy(t, x, { productId, ...VALID.SITE, model: 'SITE' });
      assertProblem(res, 404, 'NOT_FOUND');
      assert.equal(res.json.detail, `No product ${productId}`);
    }
  });
});
