// The demo catalog of a first start: what it seeds (Acme Studio, its releases and features, the
// add-on and one policy per license model), and that bootstrap seeds it once only.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachEngine, openTestDatabase } from '../../db/test/test-databases.ts';
import { buildApp } from '../src/app.ts';
import { bootstrap } from '../src/bootstrap/bootstrap.ts';
import { productsOf, seedDemo } from './catalog-fixtures.ts';
import { call, newTenant, useTestApp } from './harness.ts';

forEachEngine('catalog', (engine) => {
  const getApp = useTestApp(engine);

  it('seeds the demo catalog: Acme Studio, its releases and features, the add-on, one policy per model', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const demo = await seedDemo(t, x);
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
