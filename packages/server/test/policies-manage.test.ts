// Managing policies: list filters by product and model with paging, PATCH re-validating the merged
// policy and auditing only the changed members, soft deletion refused while an unrevoked license uses
// the policy, another tenant's policy answered with 404 and read-only writes with 403.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachEngine } from '../../db/test/test-databases.ts';
import { auditActions, auditOf } from './catalog-fixtures.ts';
import { call, newTenant, useTestApp } from './harness.ts';
import { seedLicense, seedProduct } from './licensing-fixtures.ts';
import { policiesOf, postPolicy, tenantWithProduct, VALID } from './policy-fixtures.ts';
import { assertProblem } from './security-suite.ts';

forEachEngine('policies', (engine) => {
  const getApp = useTestApp(engine);

  it('filters the list by product and by model, and pages through it', async () => {
    const t = getApp();
    const { x, productId } = await tenantWithProduct(t);
    const second = await seedProduct(t, x.accountId);
    const a = await postPolicy(t, x, { productId, model: 'SITE', ...VALID.SITE });
    const b = await postPolicy(t, x, { productId, model: 'NODE_LOCKED', ...VALID.NODE_LOCKED });
    const c = await postPolicy(t, x, { productId: second.id, model: 'SITE', ...VALID.SITE });
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
    const { x, productId } = await tenantWithProduct(t);
    const created = await postPolicy(t, x, { productId, model: 'SUBSCRIPTION', ...VALID.SUBSCRIPTION });
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
    const update = (await auditOf(t, x, created.json.id)).find((e) => e.action === 'policy.updated');
    assert.deepEqual(update?.changes, {
      name: { from: 'Yearly', to: 'Yearly (5 seats)' },
      maxMachines: { from: null, to: 5 },
    });
  });

  it('deletes a policy softly, refusing while a license that is not revoked uses it', async () => {
    const t = getApp();
    const { x, productId } = await tenantWithProduct(t);
    const created = await postPolicy(t, x, { productId, model: 'SITE', ...VALID.SITE });
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
    const events = await auditActions(t, x, created.json.id);
    assert.deepEqual(events, ['policy.created', 'policy.deleted']);
  });

  it("answers another tenant's policy with 404 and a read-only token's write with 403", async () => {
    const t = getApp();
    const { x, productId } = await tenantWithProduct(t);
    const other = await newTenant(t);
    const created = await postPolicy(t, x, { productId, model: 'SITE', ...VALID.SITE });
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
      await postPolicy(t, x, { productId, model: 'SITE', ...VALID.SITE }, x.tokens.readOnly),
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
