// User-count enforcement over HTTP on both engines: modes from the usage store's 30-day count, their
// transitions as audit events with the remedy, the mode in validation answers, restricted routes,
// extensions and the daily counts (license problems: compliance-problems.test.ts). The clock is
// fixed per test (withClock).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { forEachEngine } from '../../db/test/test-databases.ts';
import {
  at,
  evaluate,
  licenseOf,
  limited,
  orgPath,
  seedUsers,
  T0,
  withClock,
} from './compliance-fixtures.ts';
import { call, type TestApp, useTestApp } from './harness.ts';
import { assertProblem } from './security-suite.ts';
import { validate } from './validation-helpers.ts';

const USER_LIMIT_REMEDY = [
  'Load a license with a higher user limit.',
  'Wait for the user count to drop.',
  'Disable license servers and wait for the user count to drop.',
];

async function transitions(t: TestApp, accountId: string, licenseId: string) {
  const rows = await t.database.db
    .selectFrom('audit_events')
    .select(['action', 'changes', 'actor_type as actorType'])
    .where('chain_id', '=', accountId)
    .where('target_id', '=', licenseId)
    .where('action', '=', 'compliance.mode-changed')
    .orderBy('seq')
    .execute();
  return rows.map(
    (r) => r.changes as { from: { mode: string }; to: { mode: string; reason: string }; remedy: string[] },
  );
}

forEachEngine('compliance modes', (engine) => {
  const getApp = useTestApp(engine);

  describe('user limit', () => {
    it('stays NORMAL within the limit, and validation answers carry the mode with nothing restricted', async () => {
      const t = getApp();
      const f = await limited(t, 10);
      await withClock(t, T0, async () => {
        await seedUsers(t, f.tenant, 10, T0);
        const res = await evaluate(t, f.tenant);
        assert.equal(licenseOf(res, f.licenseId).mode, 'NORMAL');
        assert.equal(licenseOf(res, f.licenseId).countedUsers, 10);
        const v = await validate(t, { key: f.key });
        assert.deepEqual(v.json.compliance, {
          mode: 'NORMAL',
          reason: 'WITHIN_LIMIT',
          remedy: [],
          restricted: [],
        });
      });
      assert.deepEqual(await transitions(t, f.tenant.accountId, f.licenseId), []);
    });

    it('GRACE over the limit, LIGHT_RESTRICTED after the grace period, NORMAL again below it — each an audit event with its remedy', async () => {
      const t = getApp();
      const f = await limited(t, 10);
      await withClock(t, T0, async (clock) => {
        await seedUsers(t, f.tenant, 11, T0);
        const grace = licenseOf(await evaluate(t, f.tenant), f.licenseId);
        assert.deepEqual(
          [grace.mode, grace.reason, grace.countedUsers, grace.ceiling],
          ['GRACE', 'OVER_USER_LIMIT', 11, 12],
        );
        assert.equal(grace.graceEndsAt, at(30).toISOString());
        assert.deepEqual(grace.remedy, USER_LIMIT_REMEDY);
        const v = await validate(t, { key: f.key });
        assert.equal(v.json.compliance.mode, 'GRACE');
        assert.equal(v.json.valid, true, 'GRACE keeps full function');

        clock.set(at(30.5));
        await seedUsers(t, f.tenant, 11, at(30.5));
        const light = licenseOf(await evaluate(t, f.tenant), f.licenseId);
        assert.deepEqual([light.mode, light.reason], ['LIGHT_RESTRICTED', 'GRACE_PERIOD_ENDED']);
        assert.equal(light.since, at(30).toISOString(), 'dated at the end of the grace period');
        assert.deepEqual(light.restricted, ['ADMINISTRATION', 'REPORTING']);
        const v2 = await validate(t, { key: f.key });
        assert.deepEqual(v2.json.compliance.restricted, ['ADMINISTRATION', 'REPORTING']);

        // 31 days after the last sighting the users no longer count.
        clock.set(at(61));
        const normal = licenseOf(await evaluate(t, f.tenant), f.licenseId);
        assert.deepEqual([normal.mode, normal.countedUsers, normal.graceStartedAt], ['NORMAL', 0, null]);
      });
      const events = await transitions(t, f.tenant.accountId, f.licenseId);
      assert.deepEqual(
        events.map((e) => `${e.from.mode}>${e.to.mode}`),
        ['NORMAL>GRACE', 'GRACE>LIGHT_RESTRICTED', 'LIGHT_RESTRICTED>NORMAL'],
      );
      assert.deepEqual(events[0]?.remedy, USER_LIMIT_REMEDY);
    });

    it('re-evaluating without change records no second transition', async () => {
      const t = getApp();
      const f = await limited(t, 10);
      await withClock(t, T0, async () => {
        await seedUsers(t, f.tenant, 11, T0);
        await evaluate(t, f.tenant);
        await evaluate(t, f.tenant);
      });
      assert.equal((await transitions(t, f.tenant.accountId, f.licenseId)).length, 1);
    });

    it('RESTRICTED above 125%: organization tokens are refused administration and reporting with the remedy, vendors and the compliance view are not', async () => {
      const t = getApp();
      const f = await limited(t, 10);
      await withClock(t, T0, async () => {
        await seedUsers(t, f.tenant, 13, T0);
        const restricted = licenseOf(await evaluate(t, f.tenant), f.licenseId);
        assert.deepEqual([restricted.mode, restricted.reason], ['RESTRICTED', 'OVER_USER_LIMIT_CEILING']);
        const base = orgPath(f.tenant);
        const refused = await call(t, 'POST', `${base}/harvesting-groups`, {
          token: f.tenant.tokens.orgAdmin,
          body: { name: 'cad', idleMinutes: 30 },
        });
        assertProblem(refused, 403, 'RESTRICTED_MODE');
        assert.match(refused.json.detail, /Load a license with a higher user limit\./);
        assert.equal(refused.json.mode, 'RESTRICTED');
        assert.equal(refused.json.capability, 'ADMINISTRATION');
        const report = await call(t, 'GET', `${base}/compliance/user-counts`, {
          token: f.tenant.tokens.orgRead,
        });
        assertProblem(report, 403, 'RESTRICTED_MODE');
        const view = await call(t, 'GET', `${base}/compliance`, { token: f.tenant.tokens.orgRead });
        assert.equal(view.status, 200);
        assert.equal(view.json.mode, 'RESTRICTED');
        const vendor = await call(t, 'POST', `${base}/harvesting-groups`, {
          token: f.tenant.tokens.developer,
          body: { name: 'cad', idleMinutes: 30 },
        });
        assert.equal(vendor.status, 201, vendor.body);
        const v = await validate(t, { key: f.key });
        assert.equal(v.json.compliance.mode, 'RESTRICTED');
        assert.equal(v.json.valid, true, 'enforcement of the licensed app goes on');
      });
    });

    it('LIGHT_RESTRICTED refuses reporting to organization tokens but keeps the compliance view', async () => {
      const t = getApp();
      const f = await limited(t, 10);
      await withClock(t, T0, async (clock) => {
        await seedUsers(t, f.tenant, 11, T0);
        await evaluate(t, f.tenant);
        clock.set(at(31));
        await seedUsers(t, f.tenant, 11, at(31));
        await evaluate(t, f.tenant);
        const base = orgPath(f.tenant);
        assertProblem(
          await call(t, 'GET', `${base}/compliance/user-counts`, { token: f.tenant.tokens.orgRead }),
          403,
          'RESTRICTED_MODE',
        );
        assert.equal(
          (await call(t, 'GET', `${base}/compliance/history`, { token: f.tenant.tokens.orgRead })).status,
          200,
        );
      });
    });

    it('a temporary extension raises the limit until its end; only the vendor grants it', async () => {
      const t = getApp();
      const f = await limited(t, 10);
      const path = `/v1/accounts/${f.tenant.accountId}/licenses/${f.licenseId}/compliance`;
      await withClock(t, T0, async (clock) => {
        await seedUsers(t, f.tenant, 11, T0);
        assert.equal(licenseOf(await evaluate(t, f.tenant), f.licenseId).mode, 'GRACE');
        const body = { extension: { userLimit: 15, until: at(10).toISOString() } };
        const byCustomer = await call(t, 'PATCH', path, { token: f.tenant.tokens.orgAdmin, body });
        assert.equal(byCustomer.status, 403, byCustomer.body);
        const extended = await call(t, 'PATCH', path, { token: f.tenant.tokens.admin, body });
        assert.equal(extended.status, 200, extended.body);
        assert.deepEqual([extended.json.mode, extended.json.userLimit], ['NORMAL', 15]);
        assert.deepEqual(extended.json.extension, { userLimit: 15, until: at(10).toISOString() });
        clock.set(at(10));
        await seedUsers(t, f.tenant, 11, at(10));
        const after = licenseOf(await evaluate(t, f.tenant), f.licenseId);
        assert.deepEqual([after.mode, after.userLimit], ['GRACE', 10]);
        assert.equal(
          after.graceStartedAt,
          at(10).toISOString(),
          'a fresh grace period from the extension end',
        );
      });
    });

    it('a configured grace period of 7 days ends on day 7', async () => {
      const t = getApp();
      const f = await limited(t, 10);
      const path = `/v1/accounts/${f.tenant.accountId}/licenses/${f.licenseId}/compliance`;
      await withClock(t, T0, async (clock) => {
        const set = await call(t, 'PATCH', path, {
          token: f.tenant.tokens.admin,
          body: { gracePeriodDays: 7 },
        });
        assert.equal(set.status, 200, set.body);
        await seedUsers(t, f.tenant, 11, T0);
        assert.equal(licenseOf(await evaluate(t, f.tenant), f.licenseId).graceEndsAt, at(7).toISOString());
        clock.set(at(7));
        await seedUsers(t, f.tenant, 11, at(7));
        assert.equal(licenseOf(await evaluate(t, f.tenant), f.licenseId).mode, 'LIGHT_RESTRICTED');
      });
    });

    it('counts only the license’s own users with count scope LICENSE', async () => {
      const t = getApp();
      const f = await limited(t, 10);
      const path = `/v1/accounts/${f.tenant.accountId}/licenses/${f.licenseId}/compliance`;
      await withClock(t, T0, async () => {
        await seedUsers(t, f.tenant, 20, T0, { prefix: 'imported' });
        await seedUsers(t, f.tenant, 3, T0, { licenseId: f.licenseId, prefix: 'own' });
        assert.equal(licenseOf(await evaluate(t, f.tenant), f.licenseId).countedUsers, 23);
        const scoped = await call(t, 'PATCH', path, {
          token: f.tenant.tokens.admin,
          body: { countScope: 'LICENSE' },
        });
        assert.deepEqual([scoped.json.countedUsers, scoped.json.mode], [3, 'NORMAL']);
      });
    });

    it('records the counted users per day against the limit for the chart, and the history newest first', async () => {
      const t = getApp();
      const f = await limited(t, 10);
      await withClock(t, T0, async (clock) => {
        await seedUsers(t, f.tenant, 4, T0);
        await evaluate(t, f.tenant);
        clock.set(at(1));
        await seedUsers(t, f.tenant, 8, at(1), { prefix: 'more' });
        await evaluate(t, f.tenant);
        const base = orgPath(f.tenant);
        const counts = await call(
          t,
          'GET',
          `${base}/compliance/user-counts?from=${T0.toISOString().slice(0, 10)}`,
          {
            token: f.tenant.tokens.orgRead,
          },
        );
        assert.equal(counts.status, 200, counts.body);
        assert.deepEqual(
          counts.json.data.map((d: { day: string; countedUsers: number; userLimit: number }) => [
            d.day,
            d.countedUsers,
            d.userLimit,
          ]),
          [
            [T0.toISOString().slice(0, 10), 4, 10],
            [at(1).toISOString().slice(0, 10), 12, 10],
          ],
        );
        const history = await call(t, 'GET', `${base}/compliance/history`, {
          token: f.tenant.tokens.orgRead,
        });
        assert.deepEqual(
          history.json.data.map((h: { to: { mode: string } }) => h.to.mode),
          ['GRACE'],
        );
        assert.equal(history.json.data[0].countedUsers, 12);
        assert.deepEqual(history.json.data[0].remedy, USER_LIMIT_REMEDY);
        const bad = await call(t, 'GET', `${base}/compliance/user-counts?from=2031-02-31`, {
          token: f.tenant.tokens.orgRead,
        });
        assertProblem(bad, 400, 'INVALID_FIELD');
      });
    });
  });
});
