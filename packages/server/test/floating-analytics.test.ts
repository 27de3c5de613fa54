// GET /v1/accounts/{accountId}/floating/analytics on both engines, from events written directly: peaks
// by hour and day, utilization, denials, queue waits, the SQL path agreeing with the pure core, and
// who may see what.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  bucketUsage,
  denialBreakdown,
  fillPeaks,
  peakConcurrency,
  queueWaitStats,
  utilization,
  utilizationFromBuckets,
} from '@licentia/core';
import { floatingAnalyticsRepository as repo } from '@licentia/db';
import { forEachEngine } from '../../db/test/test-databases.ts';
import {
  analyticsUrl,
  floatingLicense,
  HOUR,
  MINUTE,
  pastDay,
  seedEvents,
} from './floating-analytics-fixtures.ts';
import { checkout, floatingLicense as entitledLicense, licensePath } from './floating-helpers.ts';
import { call, newTenant, useTestApp } from './harness.ts';
import { assertProblem } from './security-suite.ts';

forEachEngine('floating analytics', (engine) => {
  const getApp = useTestApp(engine);

  async function licenseWithHistory() {
    const t = getApp();
    const tenant = await newTenant(t);
    const lic = await floatingLicense(t, tenant, {
      cad: { seats: 4, inUse: 1, queued: 2 },
      sim: { seats: 2 },
    });
    const d = pastDay();
    await seedEvents(t, tenant.accountId, lic.licenseId, [
      { kind: 'OUT', at: d - HOUR, inUseAfter: 1 }, // before the window: carried in
      { kind: 'OUT', at: d + 10 * MINUTE, inUseAfter: 2, user: 'bob' },
      { kind: 'OUT', at: d + 20 * MINUTE, inUseAfter: 4, count: 2, user: 'carol' },
      {
        kind: 'DENIED',
        at: d + 25 * MINUTE,
        inUseAfter: 4,
        user: 'dave',
        department: 'eng',
        reason: 'NO_SEATS',
      },
      {
        kind: 'DENIED',
        at: d + 26 * MINUTE,
        inUseAfter: 4,
        user: 'dave',
        department: 'eng',
        reason: 'NO_SEATS',
      },
      { kind: 'DENIED', at: d + 27 * MINUTE, inUseAfter: 4, user: 'erin', reason: 'NO_SEATS' },
      { kind: 'QUEUED', at: d + 28 * MINUTE, inUseAfter: 4, user: 'frank' },
      { kind: 'DEQUEUED', at: d + 29 * MINUTE, inUseAfter: 4, user: 'gina', waitMs: 1_000 },
      { kind: 'DEQUEUED', at: d + 29 * MINUTE + 30_000, inUseAfter: 4, user: 'frank', waitMs: 120_000 },
      { kind: 'IN', at: d + 30 * MINUTE, inUseAfter: 2, count: 2, user: 'carol', reason: 'NORMAL' },
      { kind: 'QUEUE_EXPIRED', at: d + 40 * MINUTE, inUseAfter: 2, user: 'hank' },
      { kind: 'DENIED', at: d + 50 * MINUTE, inUseAfter: 0, feature: 'sim', user: 'dave', department: 'eng' },
      { kind: 'IN', at: d + 2 * HOUR, inUseAfter: 1, user: 'bob' },
    ]);
    return { t, tenant, lic, d };
  }

  it('reports the peak of each hour, carrying seats held through quiet hours', async () => {
    const { t, tenant, lic, d } = await licenseWithHistory();
    const res = await call(
      t,
      'GET',
      analyticsUrl(tenant.accountId, {
        licenseId: lic.licenseId,
        feature: 'cad',
        from: new Date(d).toISOString(),
        to: new Date(d + 4 * HOUR).toISOString(),
      }),
      { token: tenant.tokens.readOnly },
    );
    assert.equal(res.status, 200, res.body);
    assert.deepEqual(
      res.json.peaks.map((p: { peak: number; seats: number }) => [p.peak, p.seats]),
      [
        [4, 4],
        [2, 4],
        [2, 4],
        [1, 4],
      ],
    );
    assert.equal(res.json.peaks[0].bucketStart, new Date(d).toISOString());
    assert.deepEqual(res.json.current, [
      { licenseId: lic.licenseId, feature: 'cad', seats: 4, inUse: 1, borrowed: 0, queued: 2 },
    ]);
    assert.deepEqual(res.json.window, {
      from: new Date(d).toISOString(),
      to: new Date(d + 4 * HOUR).toISOString(),
      bucket: 'hour',
    });
  });

  it('reports the peak of each UTC day', async () => {
    const { t, tenant, lic, d } = await licenseWithHistory();
    const res = await call(
      t,
      'GET',
      analyticsUrl(tenant.accountId, {
        licenseId: lic.licenseId,
        bucket: 'day',
        from: new Date(d - 24 * HOUR).toISOString(),
        to: new Date(d + 24 * HOUR).toISOString(),
      }),
      { token: tenant.tokens.admin },
    );
    assert.equal(res.status, 200, res.body);
    const cad = res.json.peaks.filter((p: { feature: string }) => p.feature === 'cad');
    assert.deepEqual(
      cad.map((p: { peak: number }) => p.peak),
      [1, 4],
    );
    const sim = res.json.peaks.filter((p: { feature: string }) => p.feature === 'sim');
    assert.deepEqual(
      sim.map((p: { peak: number }) => p.peak),
      [0, 0],
    );
  });

  it('computes utilization as seat-time used over seat-time available', async () => {
    const { t, tenant, lic, d } = await licenseWithHistory();
    // 0:00–0:10 one seat, 0:10–0:20 two, 0:20–0:30 four, 0:30–2:00 two, 2:00–4:00 one: 7 seat-hours of 16.
    const res = await call(
      t,
      'GET',
      analyticsUrl(tenant.accountId, {
        licenseId: lic.licenseId,
        feature: 'cad',
        from: new Date(d).toISOString(),
        to: new Date(d + 4 * HOUR).toISOString(),
      }),
      { token: tenant.tokens.readOnly },
    );
    const [cad] = res.json.utilization;
    assert.equal(cad.seatHoursAvailable, 16);
    assert.equal(cad.seatHoursUsed, 6.17);
    assert.equal(cad.percent, 38.54);
    assert.deepEqual(
      cad.series.map((s: { percent: number }) => s.percent),
      [54.17, 50, 25, 25],
    );
  });

  it('groups denials by feature, user and department, most first', async () => {
    const { t, tenant, lic, d } = await licenseWithHistory();
    const res = await call(
      t,
      'GET',
      analyticsUrl(tenant.accountId, {
        licenseId: lic.licenseId,
        from: new Date(d).toISOString(),
        to: new Date(d + 4 * HOUR).toISOString(),
      }),
      { token: tenant.tokens.readOnly },
    );
    assert.deepEqual(res.json.denials, {
      byFeature: [
        { feature: 'cad', denials: 3, users: 2 },
        { feature: 'sim', denials: 1, users: 1 },
      ],
      byUser: [
        { user: 'dave', denials: 3, users: 1 },
        { user: 'erin', denials: 1, users: 1 },
      ],
      byDepartment: [
        { department: 'eng', denials: 3, users: 1 },
        { department: null, denials: 1, users: 1 },
      ],
    });
  });

  it('summarizes queue waits and abandoned queue entries per feature', async () => {
    const { t, tenant, lic, d } = await licenseWithHistory();
    const res = await call(
      t,
      'GET',
      analyticsUrl(tenant.accountId, {
        licenseId: lic.licenseId,
        from: new Date(d).toISOString(),
        to: new Date(d + 4 * HOUR).toISOString(),
      }),
      { token: tenant.tokens.readOnly },
    );
    assert.deepEqual(res.json.queueWait, [
      { feature: 'cad', queued: 1, count: 2, p50Ms: 1_000, p90Ms: 120_000, maxMs: 120_000, abandoned: 1 },
    ]);
  });

  it('computes in SQL exactly what the pure core computes from the same events', async () => {
    const t = getApp();
    const tenant = await newTenant(t);
    const lic = await floatingLicense(t, tenant, { cad: { seats: 6 }, sim: { seats: 3 } });
    const d = pastDay();
    // A deterministic pseudo-random history (LCG), so a failure reproduces.
    let seed = 42;
    const next = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    const kinds = [
      'OUT',
      'IN',
      'DENIED',
      'QUEUED',
      'DEQUEUED',
      'QUEUE_EXPIRED',
      'BORROW',
      'HEARTBEAT_MISSED',
    ] as const;
    const events = Array.from({ length: 300 }, (_, i) => ({
      kind: kinds[next(kinds.length)]!,
      at: d + i * 7 * MINUTE + next(MINUTE),
      inUseAfter: next(7),
      feature: next(2) ? 'cad' : 'sim',
      user: `user${next(5)}`,
      department: next(3) ? `dept${next(2)}` : null,
      waitMs: next(4) ? next(600_000) : null,
    }));
    await seedEvents(t, tenant.accountId, lic.licenseId, events);
    const window = { from: d + 90 * MINUTE, to: d + 30 * HOUR };
    const filter = { licenseId: lic.licenseId, from: new Date(window.from), to: new Date(window.to) };
    const db = t.database.db;
    const records = await repo.events(db, tenant.accountId, filter);
    assert.equal(records.length, events.filter((e) => e.at >= window.from && e.at < window.to).length);
    const seats = await repo.pools(db, tenant.accountId, filter);
    const initialLevels = await repo.levelsBefore(db, tenant.accountId, filter);
    const order = (
      a: { feature: string; bucketStart: number },
      b: { feature: string; bucketStart: number },
    ) => a.feature.localeCompare(b.feature) || a.bucketStart - b.bucketStart;
    for (const bucket of ['hour', 'day'] as const) {
      const usage = await repo.bucketUsage(db, tenant.accountId, filter, bucket);
      assert.deepEqual(usage.sort(order), bucketUsage(records, { window, bucket, seats }).sort(order));
      assert.deepEqual(
        fillPeaks({ window, bucket, levels: usage, initialLevels }),
        peakConcurrency(records, { window, bucket, initialLevels }),
      );
      assert.deepEqual(
        utilizationFromBuckets({ window, bucket, seats, usage, initialLevels }),
        utilization({ window, bucket, seats, changes: records, initialLevels }),
      );
    }
    const denials = await repo.denials(db, tenant.accountId, filter);
    assert.deepEqual(denials, denialBreakdown(records));
    assert.deepEqual(await repo.queueWaits(db, tenant.accountId, filter), queueWaitStats(records));
  });

  it('records real check-outs, denials, queue waits and a forced removal', async () => {
    const t = getApp();
    const tenant = await newTenant(t);
    const f = await entitledLicense(t, tenant, 1);
    const granted = await checkout(t, f, { feature: 'CAD', user: 'alice' });
    assert.equal(granted.json.granted, true, granted.body);
    const denied = await checkout(t, f, { feature: 'CAD', user: 'bob', department: 'eng' });
    assert.equal(denied.json.code, 'NO_SEATS', denied.body);
    const queued = await checkout(t, f, { feature: 'CAD', user: 'carol', wait: true });
    assert.equal(queued.json.queued, true, queued.body);
    const removed = await call(t, 'DELETE', `${licensePath(f)}/leases/${granted.json.lease.id}`, {
      token: tenant.tokens.admin,
    });
    assert.equal(removed.status, 200, removed.body);

    const url = analyticsUrl(tenant.accountId, { licenseId: f.licenseId, feature: 'CAD' });
    const res = await call(t, 'GET', url, { token: tenant.tokens.orgRead });
    assert.equal(res.status, 200, res.body);
    assert.equal(res.json.current[0].seats, 1);
    assert.equal(res.json.peaks.at(-1).peak, 1);
    assert.deepEqual(res.json.denials.byUser, [{ user: 'bob', denials: 1, users: 1 }]);
    assert.deepEqual(res.json.denials.byDepartment, [{ department: 'eng', denials: 1, users: 1 }]);
    assert.deepEqual(
      [res.json.queueWait[0].queued, res.json.queueWait[0].count],
      [1, 1],
      JSON.stringify(res.json.queueWait),
    );
    const window = { from: new Date(Date.parse(res.json.window.from)), to: new Date(Date.now() + 1000) };
    const events = await repo.events(t.database.db, tenant.accountId, { licenseId: f.licenseId, ...window });
    assert.deepEqual(
      events.map((e) => [e.kind, e.user, e.reason ?? null]),
      [
        ['OUT', 'alice', null],
        ['DENIED', 'bob', 'NO_SEATS'],
        ['QUEUED', 'carol', null],
        ['IN', 'alice', 'ADMIN_REMOVED'],
        ['DEQUEUED', 'carol', 'GRANTED'],
      ],
    );
  });

  describe('who may see it', () => {
    it('shows an organization token the analytics of its own license', async () => {
      const { t, tenant, lic } = await licenseWithHistory();
      const res = await call(t, 'GET', analyticsUrl(tenant.accountId, { licenseId: lic.licenseId }), {
        token: tenant.tokens.orgRead,
      });
      assert.equal(res.status, 200, res.body);
    });

    it("answers an organization token asking for another organization's license like a missing one", async () => {
      const t = getApp();
      const tenant = await newTenant(t);
      const org = await call(t, 'POST', `/v1/accounts/${tenant.accountId}/organizations`, {
        token: t.operatorToken,
        body: { name: 'other' },
      });
      const theirs = await floatingLicense(t, tenant, { cad: { seats: 1 } }, org.json.id);
      const res = await call(t, 'GET', analyticsUrl(tenant.accountId, { licenseId: theirs.licenseId }), {
        token: tenant.tokens.orgRead,
      });
      assertProblem(res, 404, 'NOT_FOUND');
      assert.equal(res.json.detail, `No license ${theirs.licenseId}`);
    });

    it("limits an organization token without licenseId to its own organization's pools", async () => {
      const t = getApp();
      const tenant = await newTenant(t);
      const org = await call(t, 'POST', `/v1/accounts/${tenant.accountId}/organizations`, {
        token: t.operatorToken,
        body: { name: 'other' },
      });
      const ours = await floatingLicense(t, tenant, { cad: { seats: 1 } });
      await floatingLicense(t, tenant, { cad: { seats: 9 } }, org.json.id);
      const mine = await call(t, 'GET', analyticsUrl(tenant.accountId, {}), { token: tenant.tokens.orgRead });
      assert.deepEqual(
        mine.json.current.map((p: { licenseId: string }) => p.licenseId),
        [ours.licenseId],
      );
      const vendor = await call(t, 'GET', analyticsUrl(tenant.accountId, {}), {
        token: tenant.tokens.readOnly,
      });
      assert.equal(vendor.json.current.length, 2);
    });
  });

  describe('the window', () => {
    it('refuses a window that ends before it starts', async () => {
      const t = getApp();
      const tenant = await newTenant(t);
      const now = Date.now();
      const res = await call(
        t,
        'GET',
        analyticsUrl(tenant.accountId, {
          from: new Date(now - HOUR).toISOString(),
          to: new Date(now - 2 * HOUR).toISOString(),
        }),
        { token: tenant.tokens.admin },
      );
      assertProblem(res, 400, 'INVALID_FIELD');
    });

    it('refuses more than 1000 buckets, and never reaches past now', async () => {
      const t = getApp();
      const tenant = await newTenant(t);
      const now = Date.now();
      const long = await call(
        t,
        'GET',
        analyticsUrl(tenant.accountId, { from: new Date(now - 1001 * HOUR).toISOString() }),
        { token: tenant.tokens.admin },
      );
      assertProblem(long, 400, 'INVALID_FIELD');
      const future = await call(
        t,
        'GET',
        analyticsUrl(tenant.accountId, { to: new Date(now + 48 * HOUR).toISOString(), bucket: 'day' }),
        { token: tenant.tokens.admin },
      );
      assert.equal(future.status, 200, future.body);
      assert.ok(Date.parse(future.json.window.to) <= Date.now());
      assert.equal(Date.parse(future.json.window.to) - Date.parse(future.json.window.from), 30 * 24 * HOUR);
    });
  });
});
