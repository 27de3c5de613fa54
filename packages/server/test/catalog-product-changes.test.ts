// Changing catalog products and who may: PATCH re-validating the merged product and auditing only what
// changed, soft deletion blocked by live policies and add-ons, the same 404 for another tenant's
// product on every product route, and the roles that may read or write.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachEngine, uniqueName } from '../../db/test/test-databases.ts';
import { auditActions, auditOf, createProduct, productsOf } from './catalog-fixtures.ts';
import { call, newTenant, useTestApp } from './harness.ts';
import { seedPolicy } from './licensing-fixtures.ts';
import { assertProblem } from './security-suite.ts';

forEachEngine('catalog', (engine) => {
  const getApp = useTestApp(engine);

  it('updates a product, validates the merged result and audits only what changed', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const p = await createProduct(t, x, { code: 'old-code', name: 'Old' });
    const taken = await createProduct(t, x, { code: 'taken' });
    const url = `${productsOf(x)}/${p.json.id}`;
    const res = await call(t, 'PATCH', url, { token: x.tokens.developer, body: { name: 'New', rank: 3 } });
    assert.equal(res.status, 200, res.body);
    assert.equal(res.json.name, 'New');
    assert.equal(res.json.rank, 3);
    const update = (await auditOf(t, x, p.json.id)).find((e) => e.action === 'product.updated');
    assert.deepEqual(update?.changes, { name: { from: 'Old', to: 'New' }, rank: { from: 0, to: 3 } });
    const dup = await call(t, 'PATCH', url, { token: x.tokens.admin, body: { code: taken.json.code } });
    assertProblem(dup, 409, 'CONFLICT');
    const bad = await call(t, 'PATCH', url, { token: x.tokens.admin, body: { generation: 0 } });
    assertProblem(bad, 400, 'INVALID_FIELD');
    assert.equal(bad.json.field, 'body.generation');
    const kind = await call(t, 'PATCH', url, { token: x.tokens.admin, body: { kind: 'ADD_ON' } });
    assertProblem(kind, 400, 'INVALID_FIELD');
    const requires = await call(t, 'PATCH', url, {
      token: x.tokens.admin,
      body: { requiresProductIds: [taken.json.id] },
    });
    assertProblem(requires, 400, 'INVALID_FIELD');
  });

  it('deletes a product softly, refusing while live policies or add-ons depend on it', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const p = await createProduct(t, x);
    const url = `${productsOf(x)}/${p.json.id}`;
    const addOn = await createProduct(t, x, { kind: 'ADD_ON', requiresProductIds: [p.json.id] });
    const blockedByAddOn = await call(t, 'DELETE', url, { token: x.tokens.admin });
    assertProblem(blockedByAddOn, 409, 'CONFLICT');
    assert.match(blockedByAddOn.json.detail, new RegExp(addOn.json.id));
    await call(t, 'DELETE', `${productsOf(x)}/${addOn.json.id}`, { token: x.tokens.admin });
    const policy = await seedPolicy(t, x.accountId, p.json.id, { name: 'Perpetual', model: 'PERPETUAL' });
    const blocked = await call(t, 'DELETE', url, { token: x.tokens.admin });
    assertProblem(blocked, 409, 'CONFLICT');
    assert.match(blocked.json.detail, /1 live policy/);
    assert.equal((await call(t, 'GET', url, { token: x.tokens.admin })).status, 200, 'still there');
    await call(t, 'DELETE', `/v1/accounts/${x.accountId}/policies/${policy.id}`, { token: x.tokens.admin });
    assert.equal((await call(t, 'DELETE', url, { token: x.tokens.developer })).status, 204);
    assertProblem(await call(t, 'GET', url, { token: x.tokens.admin }), 404, 'NOT_FOUND');
    assertProblem(await call(t, 'DELETE', url, { token: x.tokens.admin }), 404, 'NOT_FOUND');
    const events = await auditActions(t, x, p.json.id);
    assert.deepEqual(events, ['product.created', 'product.deleted']);
  });

  it('answers another tenant product with the same 404 on every product route', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const other = await newTenant(t);
    const foreign = await createProduct(t, other);
    const url = `${productsOf(x)}/${foreign.json.id}`;
    for (const [method, suffix, body] of [
      ['GET', '', undefined],
      ['PATCH', '', { name: 'Mine now' }],
      ['DELETE', '', undefined],
      ['GET', '/releases', undefined],
      ['POST', '/releases', { version: '1.0.0', releasedAt: '2025-01-01T00:00:00Z' }],
      ['GET', '/features', undefined],
      ['POST', '/features', { code: 'X', name: 'x' }],
    ] as const) {
      const res = await call(t, method, `${url}${suffix}`, { token: x.tokens.admin, body });
      assertProblem(res, 404, 'NOT_FOUND');
      assert.equal(res.json.detail, `No product ${foreign.json.id}`);
    }
  });

  it('lets every account role read, only admin and developer write, and no organization token see it', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const p = await createProduct(t, x);
    for (const token of [x.tokens.admin, x.tokens.developer, x.tokens.readOnly]) {
      assert.equal((await call(t, 'GET', productsOf(x), { token })).status, 200);
    }
    const write = { token: x.tokens.readOnly, body: { code: uniqueName('ro'), name: 'x' } };
    assertProblem(await call(t, 'POST', productsOf(x), write), 403, 'FORBIDDEN');
    assertProblem(
      await call(t, 'PATCH', `${productsOf(x)}/${p.json.id}`, {
        token: x.tokens.readOnly,
        body: { name: 'y' },
      }),
      403,
      'FORBIDDEN',
    );
    for (const token of [x.tokens.orgAdmin, x.tokens.orgRead]) {
      assertProblem(await call(t, 'GET', productsOf(x), { token }), 404, 'NOT_FOUND');
      assertProblem(await call(t, 'GET', `${productsOf(x)}/${p.json.id}`, { token }), 404, 'NOT_FOUND');
    }
  });
});
