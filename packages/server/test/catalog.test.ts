// Catalog routes: products (base and add-on), releases ordered by semantic version, features;
// every validation error path, duplicates, dependants that block deletion, tenant isolation,
// permissions, audit events, and the demo catalog of a first start.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { auditRepository } from '@licentia/db';
import { forEachEngine, openTestDatabase, uniqueName } from '../../db/test/test-databases.ts';
import { buildApp } from '../src/app.ts';
import { bootstrap } from '../src/bootstrap/bootstrap.ts';
import { seedDemoCatalog } from '../src/bootstrap/demo-catalog.ts';
import { call, newTenant, type Tenant, type TestApp, useTestApp } from './harness.ts';
import { seedPolicy } from './licensing-fixtures.ts';
import { assertProblem } from './security-suite.ts';

const productsOf = (x: Tenant) => `/v1/accounts/${x.accountId}/products`;

async function createProduct(t: TestApp, x: Tenant, body: Record<string, unknown> = {}) {
  return call(t, 'POST', productsOf(x), {
    token: x.tokens.developer,
    body: { code: uniqueName('prod'), name: 'Product', ...body },
  });
}

async function auditOf(t: TestApp, x: Tenant, targetId: string) {
  const r = await call(t, 'GET', `/v1/audit/events?accountId=${x.accountId}&targetId=${targetId}`, {
    token: x.tokens.admin,
  });
  return r.json.data as { action: string; changes: Record<string, unknown> }[];
}

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
    const events = (await auditOf(t, x, p.json.id)).map((e) => e.action);
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

  it('creates releases with strict semver, lists them by version across pages, and deletes one', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const p = await createProduct(t, x);
    const url = `${productsOf(x)}/${p.json.id}/releases`;
    const created: Record<string, string> = {};
    for (const version of ['1.10.0', '2.0.0-rc.1', '1.9.0', '2.0.0', '1.0.0']) {
      const r = await call(t, 'POST', url, {
        token: x.tokens.developer,
        body: { version, releasedAt: '2025-03-01T12:00:00+02:00' },
      });
      assert.equal(r.status, 201, r.body);
      assert.equal(r.json.releasedAt, '2025-03-01T10:00:00.000Z');
      created[version] = r.json.id;
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page = await call(t, 'GET', `${url}?limit=2${q}`, { token: x.tokens.readOnly });
      assert.equal(page.status, 200, page.body);
      seen.push(...page.json.data.map((r: { version: string }) => r.version));
      cursor = page.json.nextCursor;
    } while (cursor);
    assert.deepEqual(seen, ['1.0.0', '1.9.0', '1.10.0', '2.0.0-rc.1', '2.0.0']);
    const del = await call(t, 'DELETE', `${url}/${created['1.9.0']}`, { token: x.tokens.admin });
    assert.equal(del.status, 204);
    assertProblem(
      await call(t, 'DELETE', `${url}/${created['1.9.0']}`, { token: x.tokens.admin }),
      404,
      'NOT_FOUND',
    );
    const events = (await auditOf(t, x, created['1.9.0']!)).map((e) => e.action);
    assert.deepEqual(events, ['release.created', 'release.deleted']);
  });

  it('refuses loose versions, zone-less dates and duplicate versions', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const p = await createProduct(t, x);
    const url = `${productsOf(x)}/${p.json.id}/releases`;
    const post = (body: unknown) => call(t, 'POST', url, { token: x.tokens.admin, body });
    for (const version of ['v1.0.0', '1.0', '01.0.0', ' 1.0.0', 'latest']) {
      const r = await post({ version, releasedAt: '2025-01-01T00:00:00Z' });
      assertProblem(r, 400, 'INVALID_FIELD');
      assert.equal(r.json.field, 'body.version', version);
    }
    const both = await post({ version: 'v2', releasedAt: '2025-01-01T00:00:00' });
    assertProblem(both, 400, 'INVALID_FIELD');
    assert.deepEqual(
      both.json.errors.map((e: { field: string }) => e.field),
      ['body.version', 'body.releasedAt'],
    );
    assert.equal((await post({ version: '3.1.4', releasedAt: '2025-01-01T00:00:00Z' })).status, 201);
    const dup = await post({ version: '3.1.4', releasedAt: '2025-02-01T00:00:00Z' });
    assertProblem(dup, 409, 'CONFLICT');
    assert.match(dup.json.detail, /3\.1\.4/);
  });

  it('creates features with typed values, refuses bad and duplicate codes, and deletes one', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const p = await createProduct(t, x);
    const url = `${productsOf(x)}/${p.json.id}/features`;
    const post = (body: unknown) => call(t, 'POST', url, { token: x.tokens.developer, body });
    const limit = await post({ code: 'MAX_PROJECTS', name: 'Projects', value: 50 });
    assert.equal(limit.status, 201, limit.body);
    assert.equal(limit.json.value, 50);
    const plain = await post({ code: 'EXPORT_PDF', name: 'PDF export' });
    assert.equal('value' in plain.json, false, 'a plain on/off feature has no value');
    const tier = await post({ code: 'TIER', name: 'Tier', value: 'gold' });
    assert.equal(tier.json.value, 'gold');
    const bad = await post({ code: 'export-pdf', name: '' });
    assertProblem(bad, 400, 'INVALID_FIELD');
    assert.deepEqual(
      bad.json.errors.map((e: { field: string }) => e.field),
      ['body.code', 'body.name'],
    );
    assertProblem(await post({ code: 'X', name: 'x', value: { nested: true } }), 400, 'INVALID_FIELD');
    const dup = await post({ code: 'EXPORT_PDF', name: 'Again' });
    assertProblem(dup, 409, 'CONFLICT');
    assert.match(dup.json.detail, /EXPORT_PDF/);
    const list = await call(t, 'GET', url, { token: x.tokens.readOnly });
    assert.deepEqual(
      list.json.data.map((f: { code: string }) => f.code),
      ['MAX_PROJECTS', 'EXPORT_PDF', 'TIER'],
    );
    assert.equal((await call(t, 'DELETE', `${url}/${plain.json.id}`, { token: x.tokens.admin })).status, 204);
    const events = (await auditOf(t, x, plain.json.id)).map((e) => e.action);
    assert.deepEqual(events, ['feature.created', 'feature.deleted']);
  });

  it('seeds the demo catalog: Acme Studio, its releases and features, the add-on, one policy per model', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const demo = await t.ctx.db.transaction().execute((trx) =>
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
    const token = x.tokens.readOnly;
    const studio = await call(t, 'GET', `${productsOf(x)}/${demo.productId}`, { token });
    assert.equal(studio.json.code, 'acme-studio');
    const farm = await call(t, 'GET', `${productsOf(x)}/${demo.addOnProductId}`, { token });
    assert.deepEqual([farm.json.kind, farm.json.requiresProductIds], ['ADD_ON', [demo.productId]]);
    const releases = await call(t, 'GET', `${productsOf(x)}/${demo.productId}/releases`, { token });
    assert.deepEqual(
      releases.json.data.map((r: { version: string }) => r.version),
      ['1.0.0', '1.5.0', '2.0.0'],
    );
    assert.ok(
      releases.json.data.every((r: { releasedAt: string }) => new Date(r.releasedAt) < t.ctx.clock()),
    );
    const features = await call(t, 'GET', `${productsOf(x)}/${demo.productId}/features`, { token });
    const maxProjects = features.json.data.find((f: { code: string }) => f.code === 'MAX_PROJECTS');
    assert.equal(maxProjects.value, 50);
    const policies = await call(t, 'GET', `/v1/accounts/${x.accountId}/policies`, { token });
    const byModel = Object.fromEntries(policies.json.data.map((p: { model: string }) => [p.model, p]));
    assert.deepEqual(Object.keys(demo.policies).sort(), Object.keys(byModel).sort());
    assert.equal(Object.keys(byModel).length, 6);
    for (const [model, id] of Object.entries(demo.policies)) assert.equal(byModel[model].id, id);
    assert.equal(byModel.PERPETUAL.maintenanceDurationIso, 'P1Y');
    assert.deepEqual(
      [byModel.SUBSCRIPTION.durationIso, byModel.SUBSCRIPTION.gracePeriodIso],
      ['P1Y', 'P14D'],
    );
    assert.ok(byModel.SUBSCRIPTION.priceCents > 0);
    assert.deepEqual([byModel.TRIAL.durationIso, byModel.TRIAL.trialStartsAt], ['P30D', 'FIRST_ACTIVATION']);
    const floating = byModel.FLOATING;
    assert.deepEqual(
      [floating.maxMachines, floating.heartbeatIntervalSeconds, floating.maxBorrowHours],
      [10, 600, 72],
    );
    assert.equal(byModel.NODE_LOCKED.maxMachines, 1);
    assert.deepEqual(byModel.SITE.allowedCountries, ['SE', 'NO', 'DK']);
  });
});

it('bootstraps the demo catalog on the first start only (idempotent)', async () => {
  const database = await openTestDatabase('pglite');
  try {
    const { app, ctx } = await buildApp({ database, webRoot: null });
    const options = { bootstrapToken: null, demo: true, issueOperatorToken: false };
    const first = await bootstrap(ctx, options);
    assert.ok(first.demoAccountId);
    const second = await bootstrap(ctx, options);
    assert.equal(second.demoAccountId, null);
    const count = async (table: 'products' | 'releases' | 'features' | 'policies') =>
      Number(
        (
          await database.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    assert.deepEqual(
      [await count('products'), await count('releases'), await count('features'), await count('policies')],
      [2, 3, 3, 6],
    );
    await app.close();
  } finally {
    await database.close();
  }
});
