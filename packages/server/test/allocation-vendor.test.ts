// Allocation and the licensing core: a change to an organization's licenses marks its allocation
// stale in the same transaction, the VENDOR products are refreshed (on notification, before a read,
// or on request) and only the holders of what changed are recomputed; server start recomputes
// every organization in full.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachEngine } from '../../db/test/test-databases.ts';
import { buildApp } from '../src/app.ts';
import { allocPath, assign, effective, importLine, person, revisions } from './allocation-fixtures.ts';
import { call, newTenant, type Tenant, type TestApp, useTestApp } from './harness.ts';
import { seedLicense, seedPolicy, seedProduct } from './licensing-fixtures.ts';
import { waitFor } from './validation-helpers.ts';

/** A catalog product CAD (base, feature CAD_MODEL) with a 5-user policy; no license yet. */
async function cadProduct(t: TestApp, x: Tenant) {
  const product = await seedProduct(t, x.accountId, {
    code: `CAD-${x.organizationId.slice(-6)}`,
    kind: 'BASE',
  });
  const feature = await call(t, 'POST', `/v1/accounts/${x.accountId}/products/${product.id}/features`, {
    token: x.tokens.admin,
    body: { code: 'CAD_MODEL', name: 'Modelling' },
  });
  if (feature.status !== 201) throw new Error(`feature: ${feature.body}`);
  const policy = await seedPolicy(t, x.accountId, product.id, {
    name: 'Named',
    model: 'PERPETUAL',
    maxUsers: 5,
  });
  return { productId: product.id, code: product.code, policyId: policy.id };
}

const vendorCodes = async (t: TestApp, x: Tenant) =>
  (await call(t, 'GET', `${allocPath(x)}/products`, { token: x.tokens.orgRead })).json.data
    .filter((p: { source: string }) => p.source === 'VENDOR')
    .map((p: { code: string }) => p.code);

forEachEngine('allocation and vendor licenses', (engine) => {
  const getApp = useTestApp(engine);

  it('a license issued to the organization marks its allocation stale in the same transaction', async () => {
    const t = getApp();
    const x = await newTenant(t);
    await importLine(t, x);
    const cad = await cadProduct(t, x);
    const stale = await t.database.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('allocation_state')
        .set({ licenses_stale: false })
        .where('organization_id', '=', x.organizationId)
        .execute();
      await trx
        .insertInto('licenses')
        .values({
          id: t.ctx.newId('license'),
          account_id: x.accountId,
          organization_id: x.organizationId,
          product_id: cad.productId,
          policy_id: cad.policyId,
          key_hash: `hash-${t.ctx.newId('license')}`,
          key_sealed: 'sealed',
          key_hint: 'hint',
          name: null,
          status: 'ACTIVE',
          model: 'PERPETUAL',
          issued_at: new Date(),
          starts_at: new Date(Date.now() - 60_000),
          expires_at: null,
          maintenance_ends_at: null,
          trial_activated_at: null,
          overrides: '{}',
          bound_fingerprints: [],
          metadata: '{}',
        })
        .execute();
      const row = await trx
        .selectFrom('allocation_state')
        .select('licenses_stale')
        .where('organization_id', '=', x.organizationId)
        .executeTakeFirstOrThrow();
      return row.licenses_stale;
    });
    assert.equal(stale, true);
  });

  it('licenses fetched from the vendor become products and recompute only the people holding them', async () => {
    const t = getApp();
    const x = await newTenant(t);
    await importLine(t, x);
    const cad = await cadProduct(t, x);
    const [ann, cy] = [await person(t, x, 'Ann'), await person(t, x, 'Cy')];
    await assign(t, x, cad.code, { personId: ann });
    await assign(t, x, 'AUTHOR', { personId: cy });
    assert.deepEqual(await effective(t, x, ann), [], 'a code the organization does not hold grants nothing');
    const cyBefore = (await revisions(t, [cy]))[cy];

    const license = await seedLicense(t, {
      accountId: x.accountId,
      organizationId: x.organizationId,
      productId: cad.productId,
      policyId: cad.policyId,
    });
    await waitFor(async () => (await vendorCodes(t, x)).includes(cad.code));
    assert.deepEqual(await effective(t, x, ann), [cad.code]);
    const products = (await call(t, 'GET', `${allocPath(x)}/products`, { token: x.tokens.admin })).json.data;
    const vendor = products.find((p: { code: string }) => p.code === cad.code);
    assert.deepEqual([vendor.kind, vendor.capabilities, vendor.quantity], ['BASE', ['CAD_MODEL'], 5]);
    const log = (await call(t, 'GET', `${allocPath(x)}/recomputes?limit=20`, { token: x.tokens.admin })).json
      .data;
    const refresh = log.find(
      (r: { trigger: string; peopleChanged: number }) =>
        r.trigger === 'VENDOR_REFRESH' && r.peopleChanged > 0,
    );
    assert.deepEqual([refresh.peopleReached, refresh.peopleChanged], [1, 1]);
    assert.equal((await revisions(t, [cy]))[cy], cyBefore, 'a person not holding the product is not touched');

    // Suspending the license through the licensing API takes the product away again.
    const suspended = await call(t, 'POST', `/v1/accounts/${x.accountId}/licenses/${license.id}/suspend`, {
      token: x.tokens.admin,
      body: { reason: 'unpaid' },
    });
    assert.equal(suspended.status, 200, suspended.body);
    await waitFor(async () => !(await vendorCodes(t, x)).includes(cad.code));
    assert.deepEqual(await effective(t, x, ann), []);
  });

  it('the refresh route answers with the recompute it caused', async () => {
    const t = getApp();
    const x = await newTenant(t);
    await importLine(t, x);
    const r = await call(t, 'POST', `${allocPath(x)}/licenses/refresh`, { token: x.tokens.orgAdmin });
    assert.equal(r.status, 200, r.body);
    assert.equal(r.json.recompute.trigger, 'VENDOR_REFRESH');
    assert.deepEqual(r.json.products.map((p: { source: string }) => p.source).sort()[0], 'IMPORT');
  });

  it('refuses to import a product the vendor licenses provide', async () => {
    const t = getApp();
    const x = await newTenant(t);
    await importLine(t, x);
    const cad = await cadProduct(t, x);
    await seedLicense(t, {
      accountId: x.accountId,
      organizationId: x.organizationId,
      productId: cad.productId,
      policyId: cad.policyId,
    });
    await waitFor(async () => (await vendorCodes(t, x)).includes(cad.code));
    const r = await call(t, 'POST', `${allocPath(x)}/licenses/import`, {
      token: x.tokens.admin,
      body: {
        products: [
          {
            code: cad.code,
            name: 'CAD',
            kind: 'BASE',
            capabilities: ['cad'],
            rank: 1,
            generation: 1,
            audience: 'INTERNAL',
          },
        ],
      },
    });
    assert.equal(r.status, 409);
    assert.match(r.json.detail, /comes from the vendor's licenses/);
  });

  it('server start recomputes every organization in full and repairs what is out of date', async () => {
    const t = getApp();
    const x = await newTenant(t);
    await importLine(t, x);
    const ann = await person(t, x, 'Ann');
    await assign(t, x, 'AUTHOR', { personId: ann });
    await t.database.db.deleteFrom('allocation_effective').where('person_id', '=', ann).execute();
    const started = await buildApp({ database: t.database, webRoot: null });
    try {
      await waitFor(async () => {
        const row = await t.database.db
          .selectFrom('allocation_recomputes')
          .select('people_changed')
          .where('organization_id', '=', x.organizationId)
          .where('trigger', '=', 'SERVER_START')
          .executeTakeFirst();
        return row !== undefined;
      }, 30_000);
    } finally {
      await started.app.close();
    }
    assert.deepEqual(await effective(t, x, ann), ['AUTHOR']);
  });
});
