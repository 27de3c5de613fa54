// License problems (E4) over HTTP on both engines — expired trial, trial over older data, version
// mismatch and maintenance expired from validations — and the periodic evaluator, which records a
// transition once, as the system, however many passes race.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { complianceRepository } from '@licentia/db';
import { forEachEngine } from '../../db/test/test-databases.ts';
import { startComplianceTicker } from '../src/compliance/compliance-ticker.ts';
import { DAY_MS, evaluate, licenseOf, limited, seedUsers, T0, withClock } from './compliance-fixtures.ts';
import { newTenant, useTestApp } from './harness.ts';
import { seedRelease } from './licensing-fixtures.ts';
import { licenseFixture, validate, waitFor } from './validation-helpers.ts';

forEachEngine('compliance problems', (engine) => {
  const getApp = useTestApp(engine);

  describe('license problems', () => {
    it('an expired trial is RESTRICTED with the remedy of seed 001, in validation answers too', async () => {
      const t = getApp();
      const tenant = await newTenant(t);
      const f = await licenseFixture(
        t,
        tenant,
        { model: 'TRIAL', durationIso: 'P14D', maxUsers: 5 },
        { issuedAt: new Date(Date.now() - 20 * DAY_MS) },
      );
      const res = licenseOf(await evaluate(t, tenant), f.licenseId);
      assert.deepEqual([res.mode, res.reason], ['RESTRICTED', 'LICENSE_EXPIRED']);
      assert.deepEqual(res.remedy, [
        'Load a license with an active expiration time.',
        'Load a perpetual license.',
      ]);
      await waitFor(async () => (await validate(t, { key: f.key })).json.compliance?.mode === 'RESTRICTED');
    });

    it('a trial started over usage data older than the trial is RESTRICTED', async () => {
      const t = getApp();
      const tenant = await newTenant(t);
      const f = await licenseFixture(t, tenant, { model: 'TRIAL', durationIso: 'P30D', maxUsers: 5 });
      await seedUsers(t, tenant, 2, new Date(Date.now() - 10 * DAY_MS));
      const res = licenseOf(await evaluate(t, tenant), f.licenseId);
      assert.deepEqual([res.mode, res.reason], ['RESTRICTED', 'TRIAL_OVER_OLDER_DATA']);
      assert.deepEqual(res.remedy, [
        'Load a commercial license.',
        'Start a trial license with an empty database.',
      ]);
    });

    it('software above the licensed range, as reported in validations, is a VERSION_MISMATCH', async () => {
      const t = getApp();
      const tenant = await newTenant(t);
      const f = await licenseFixture(t, tenant, {
        model: 'PERPETUAL',
        maxUsers: 5,
        versionRange: '>=1.0.0 <2.0.0',
      });
      assert.equal((await validate(t, { key: f.key, scope: { version: '2.1.0' } })).status, 200);
      await t.ctx.licensing?.recorder.flush();
      const res = licenseOf(await evaluate(t, tenant), f.licenseId);
      assert.deepEqual(
        [res.mode, res.reason, res.softwareVersion],
        ['RESTRICTED', 'VERSION_MISMATCH', '2.1.0'],
      );
      assert.match(res.problems[0].detail, /2\.1\.0 is above the licensed range/);
    });

    it('software released after the maintenance end is MAINTENANCE_EXPIRED', async () => {
      const t = getApp();
      const tenant = await newTenant(t);
      const f = await licenseFixture(
        t,
        tenant,
        { model: 'PERPETUAL', maxUsers: 5, maintenanceDurationIso: 'P1Y' },
        {
          issuedAt: new Date(Date.now() - 500 * DAY_MS),
        },
      );
      await seedRelease(t, tenant.accountId, f.productId, '3.2.0', new Date(Date.now() - 5 * DAY_MS));
      t.ctx.licensing?.cache.invalidate(f.licenseId);
      await validate(t, { key: f.key, scope: { version: '3.2.0' } });
      await t.ctx.licensing?.recorder.flush();
      const res = licenseOf(await evaluate(t, tenant), f.licenseId);
      assert.deepEqual([res.mode, res.reason], ['RESTRICTED', 'MAINTENANCE_EXPIRED']);
      assert.deepEqual(res.remedy, ['Load a license with active maintenance.']);
    });
  });
});

forEachEngine('compliance evaluator', (engine) => {
  const getApp = useTestApp(engine);

  it('the periodic evaluator records a transition once, as the system, even when two passes race', async () => {
    const t = getApp();
    const f = await limited(t, 4);
    const only = async () => [{ id: f.licenseId, accountId: f.tenant.accountId }];
    const a = startComplianceTicker(t.ctx, t.app.log, { intervalMs: 3_600_000, due: only });
    const b = startComplianceTicker(t.ctx, t.app.log, { intervalMs: 3_600_000, due: only });
    try {
      await withClock(t, T0, async () => {
        await seedUsers(t, f.tenant, 5, T0);
        assert.deepEqual(await Promise.all([a.tick(), b.tick()]), [1, 1]);
      });
    } finally {
      await a.stop();
      await b.stop();
    }
    const rows = await t.database.db
      .selectFrom('audit_events')
      .select(['actor_type as actorType', 'actor_id as actorId'])
      .where('chain_id', '=', f.tenant.accountId)
      .where('target_id', '=', f.licenseId)
      .where('action', '=', 'compliance.mode-changed')
      .execute();
    assert.deepEqual(rows, [{ actorType: 'system', actorId: 'compliance-evaluator' }]);
    const v = await validate(t, { key: f.key });
    assert.equal(v.json.compliance.mode, 'GRACE');
  });

  it('lists active licenses never evaluated before evaluated ones, across tenants', async () => {
    const t = getApp();
    const f = await limited(t, 4);
    const before = await complianceRepository.due(t.database.db, 100_000);
    assert.ok(before.some((r) => r.id === f.licenseId));
    assert.ok(before.every((r) => r.id.startsWith('lic_') && r.accountId.startsWith('acct_')));
    await evaluate(t, f.tenant);
    const after = await complianceRepository.due(t.database.db, 100_000);
    const position = after.findIndex((r) => r.id === f.licenseId);
    const evaluated = await t.database.db.selectFrom('license_compliance').select('license_id').execute();
    const known = new Set(evaluated.map((r) => r.license_id));
    assert.ok(
      after.slice(position + 1).every((r) => known.has(r.id)),
      'never-evaluated licenses come first',
    );
  });
});
