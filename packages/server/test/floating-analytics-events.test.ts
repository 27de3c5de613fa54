// Where the floating analytics come from: the SQL aggregation agrees exactly with the pure core on the
// same (pseudo-random) events, and the real floating routes record check-outs, denials, queue waits
// and a forced removal as the events the analytics read.
import assert from 'node:assert/strict';
import { it } from 'node:test';
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

forEachEngine('floating analytics', (engine) => {
  const getApp = useTestApp(engine);

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
});
