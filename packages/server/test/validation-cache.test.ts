// The validation hot path's promises, on both engines: cached snapshots are evicted by the
// database's NOTIFY (a direct SQL suspension is seen by the next validations), history and
// last-validated times are written in batches, and a hammered license is rate-limited.
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { forEachEngine } from '../../db/test/test-databases.ts';
import { call, newTenant, type Tenant, useTestApp } from './harness.ts';
import { licenseFixture, validate, waitFor } from './validation-helpers.ts';

forEachEngine('validation cache, history and rate limits', (engine) => {
  const getApp = useTestApp(engine);
  let tenant: Tenant;
  before(async () => {
    tenant = await newTenant(getApp());
  });

  it('sees a suspension made by a direct SQL UPDATE through NOTIFY, without a restart', async () => {
    const t = getApp();
    const cache = t.ctx.licensing!.cache;
    const f = await licenseFixture(t, tenant, { model: 'SUBSCRIPTION', durationIso: 'P1Y' });
    // The license's own INSERT notification may still evict the first load: wait for a cache hit,
    // so the suspension below must be seen through NOTIFY, not through a cache miss.
    await waitFor(async () => {
      const hits = cache.stats.hits;
      assert.equal((await validate(t, { key: f.key })).json.code, 'VALID');
      return cache.stats.hits > hits;
    });
    await t.database.db
      .updateTable('licenses')
      .set({ status: 'SUSPENDED' })
      .where('id', '=', f.licenseId)
      .execute();
    await waitFor(async () => (await validate(t, { key: f.key })).json.code === 'SUSPENDED', 3000);
  });

  it('sees a policy change (new entitlement) on licenses issued from it', async () => {
    const t = getApp();
    const f = await licenseFixture(t, tenant, { model: 'SUBSCRIPTION', durationIso: 'P1Y' });
    const scope = { feature: 'EXPORT' };
    assert.equal((await validate(t, { key: f.key, scope })).json.code, 'FEATURE_NOT_ENTITLED');
    const spec = (
      await t.database.db
        .selectFrom('policies')
        .select('spec')
        .where('id', '=', f.policyId)
        .executeTakeFirstOrThrow()
    ).spec as Record<string, unknown>;
    await t.database.db
      .updateTable('policies')
      .set({ spec: JSON.stringify({ ...spec, entitlements: [{ code: 'EXPORT' }] }) })
      .where('id', '=', f.policyId)
      .execute();
    await waitFor(async () => (await validate(t, { key: f.key, scope })).json.code === 'VALID', 3000);
  });

  it('records validations in batches: history newest first and last-validated time', async () => {
    const t = getApp();
    const f = await licenseFixture(t, tenant, { model: 'SUBSCRIPTION', durationIso: 'P1Y' });
    // The periodic flush is paused so the three validations surely fall into one flush (a slow
    // machine could otherwise straddle the 1 s timer and split them into two rows).
    const recorder = t.ctx.licensing!.recorder;
    await recorder.stop();
    try {
      for (let i = 0; i < 3; i++)
        await validate(t, { key: f.key, scope: { fingerprint: 'fp-1', version: '1.0.0' } });
      await validate(t, { key: f.key, scope: { feature: 'NOPE' } });
      await recorder.flush();
    } finally {
      recorder.start();
    }
    const url = `/v1/accounts/${tenant.accountId}/licenses/${f.licenseId}/validations`;
    const history = await call(t, 'GET', url, { token: tenant.tokens.readOnly });
    assert.equal(history.status, 200, history.body);
    const byCode = new Map(history.json.data.map((e: { code: string }) => [e.code, e]));
    assert.deepEqual([...byCode.keys()].sort(), ['FEATURE_NOT_ENTITLED', 'VALID']);
    const valid = byCode.get('VALID') as { details: { count: number }; fingerprint: string; version: string };
    assert.equal(valid.details.count, 3, 'identical outcomes within a flush are one row with a count');
    assert.equal(valid.fingerprint, 'fp-1');
    assert.equal(valid.version, '1.0.0');
    const row = await t.database.db
      .selectFrom('licenses')
      .select('last_validated_at')
      .where('id', '=', f.licenseId)
      .executeTakeFirstOrThrow();
    assert.ok(row.last_validated_at && Date.now() - row.last_validated_at.getTime() < 60_000);
    const orgView = await call(t, 'GET', url, { token: tenant.tokens.orgRead });
    assert.equal(orgView.status, 200, "the customer's organization sees its own license's history");
  });

  it('rate-limits validations of one license (429 with Retry-After) and leaves others alone', async () => {
    const t = getApp();
    const hot = await licenseFixture(t, tenant, { model: 'SUBSCRIPTION', durationIso: 'P1Y' });
    const calm = await licenseFixture(t, tenant, { model: 'SUBSCRIPTION', durationIso: 'P1Y' });
    let limited: Awaited<ReturnType<typeof validate>> | undefined;
    for (let i = 0; i < 200 && !limited; i++) {
      const res = await validate(t, { key: hot.key });
      if (res.status === 429) limited = res;
    }
    assert.ok(limited, 'a burst beyond the limit is refused');
    assert.equal(limited.json.code, 'RATE_LIMITED');
    assert.ok(Number(limited.headers['retry-after']) >= 1);
    assert.equal((await validate(t, { key: calm.key })).json.code, 'VALID');
  });
});
