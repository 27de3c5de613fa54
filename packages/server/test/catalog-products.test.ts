// Creating catalog products: a base product with its defaults and audit event, add-ons and the base
// products they require (missing, foreign, deleted or add-on requirements refused), every validation
// error of the core as a 400, and product codes unique per account until the product is deleted.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachEngine } from '../../db/test/test-databases.ts';
import { auditOf, createProduct, productsOf } from './catalog-fixtures.ts';
import { call, newTenant, useTestApp } from './harness.ts';
import { assertProblem } from './security-suite.ts';

forEachEngine('catalog', (engine) => {
  const getApp = useTestApp(engine);

  it('creates a base product with defaults, reads it back and audits product.created', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const res = await createProduct(t, x, { code: 'cad-studio', name: 'CAD Studio' });
    assert.equal(res.status, 201, res.body);
    assert.deepEqual(
      { ...res.json, id: undefined, createdAt: undefined },
      {
        id: undefined,
        accountId: x.accountId,
        code: 'cad-studio',
        name: 'CAD Studio',
        kind: 'BASE',
        requiresProductIds: [],
        generation: 1,
        rank: 0,
        audience: 'EXTERNAL',
        createdAt: undefined,
      },
    );
    const got = await call(t, 'GET', `${productsOf(x)}/${res.json.id}`, { token: x.tokens.readOnly });
    assert.deepEqual(got.json, res.json);
    const list = await call(t, 'GET', productsOf(x), { token: x.tokens.readOnly });
    assert.deepEqual(list.json, { data: [res.json], nextCursor: null });
    const [event] = await auditOf(t, x, res.json.id);
    assert.equal(event?.action, 'product.created');
    assert.equal(event?.changes.code, 'cad-studio');
  });

  it('creates an add-on that requires a base product and lists products by kind', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const base = await createProduct(t, x);
    const addOn = await createProduct(t, x, { kind: 'ADD_ON', requiresProductIds: [base.json.id], rank: 2 });
    assert.equal(addOn.status, 201, addOn.body);
    assert.deepEqual(addOn.json.requiresProductIds, [base.json.id]);
    const addOns = await call(t, 'GET', `${productsOf(x)}?kind=ADD_ON`, { token: x.tokens.admin });
    assert.deepEqual(
      addOns.json.data.map((p: { id: string }) => p.id),
      [addOn.json.id],
    );
  });

  it('refuses an add-on requiring a missing, foreign or deleted product with 404', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const other = await newTenant(t);
    const foreign = await createProduct(t, other);
    const gone = await createProduct(t, x);
    await call(t, 'DELETE', `${productsOf(x)}/${gone.json.id}`, { token: x.tokens.admin });
    for (const id of [t.ctx.newId('product'), foreign.json.id, gone.json.id]) {
      const res = await createProduct(t, x, { kind: 'ADD_ON', requiresProductIds: [id] });
      assertProblem(res, 404, 'NOT_FOUND');
      assert.match(res.json.detail, new RegExp(id));
    }
  });

  it('refuses an add-on requiring another add-on with 400 on body.requiresProductIds', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const base = await createProduct(t, x);
    const addOn = await createProduct(t, x, { kind: 'ADD_ON', requiresProductIds: [base.json.id] });
    const res = await createProduct(t, x, { kind: 'ADD_ON', requiresProductIds: [addOn.json.id] });
    assertProblem(res, 400, 'INVALID_FIELD');
    assert.equal(res.json.field, 'body.requiresProductIds');
    assert.equal(res.json.errors[0].reason, 'NOT_ALLOWED');
  });

  it('maps core product errors to 400 INVALID_FIELD naming the first field and listing them all', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const res = await createProduct(t, x, { code: 'Not A Slug', name: ' ', generation: 0, rank: -1 });
    assertProblem(res, 400, 'INVALID_FIELD');
    assert.equal(res.json.field, 'body.code');
    assert.deepEqual(
      res.json.errors.map((e: { field: string }) => e.field),
      ['body.code', 'body.name', 'body.generation', 'body.rank'],
    );
    const cases: [Record<string, unknown>, string, string][] = [
      [{ kind: 'ADD_ON' }, 'body.requiresProductIds', 'REQUIRED'],
      [{ requiresProductIds: [t.ctx.newId('product')] }, 'body.requiresProductIds', 'INCONSISTENT'],
    ];
    for (const [body, field, reason] of cases) {
      const r = await createProduct(t, x, body);
      assertProblem(r, 400, 'INVALID_FIELD');
      assert.equal(r.json.field, field);
      assert.equal(r.json.errors[0].reason, reason);
    }
    assertProblem(await createProduct(t, x, { kind: 'BUNDLE' }), 400, 'INVALID_FIELD');
    // PostgreSQL cannot store U+0000: refused by the schema as 400, never a storage 500.
    assertProblem(await createProduct(t, x, { name: 'a\u0000b' }), 400, 'INVALID_FIELD');
    assertProblem(
      await call(t, 'GET', `${productsOf(x)}?cursor=%00`, { token: x.tokens.admin }),
      400,
      'INVALID_FIELD',
    );
  });

  it('refuses a duplicate product code with 409 naming the code, and frees it after deletion', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const first = await createProduct(t, x, { code: 'dup-code' });
    const again = await createProduct(t, x, { code: 'dup-code' });
    assertProblem(again, 409, 'CONFLICT');
    assert.match(again.json.detail, /dup-code/);
    const other = await newTenant(t);
    assert.equal((await createProduct(t, other, { code: 'dup-code' })).status, 201, 'codes are per account');
    await call(t, 'DELETE', `${productsOf(x)}/${first.json.id}`, { token: x.tokens.admin });
    assert.equal((await createProduct(t, x, { code: 'dup-code' })).status, 201);
  });
});
