// The reports of GET /v1/accounts/{accountId}/floating/analytics over a history written directly, so
// every number is known in advance: the peak of each hour and UTC day (seats held through quiet hours
// carried), utilization as seat-time used over seat-time available, denials grouped by feature, user
// and department, and queue waits with abandoned entries per feature.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachEngine } from '../../db/test/test-databases.ts';
import { HOUR } from './floating-analytics-fixtures.ts';
import { getAnalytics, isoWindow, licenseWithHistory } from './floating-analytics-helpers.ts';
import { useTestApp } from './harness.ts';

forEachEngine('floating analytics', (engine) => {
  const getApp = useTestApp(engine);

  it('reports the peak of each hour, carrying seats held through quiet hours', async () => {
    const { t, tenant, lic, d } = await licenseWithHistory(getApp());
    const res = await getAnalytics(
      t,
      tenant.accountId,
      { licenseId: lic.licenseId, feature: 'cad', ...isoWindow(d, d + 4 * HOUR) },
      tenant.tokens.readOnly,
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
    const { t, tenant, lic, d } = await licenseWithHistory(getApp());
    const res = await getAnalytics(
      t,
      tenant.accountId,
      { licenseId: lic.licenseId, bucket: 'day', ...isoWindow(d - 24 * HOUR, d + 24 * HOUR) },
      tenant.tokens.admin,
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
    const { t, tenant, lic, d } = await licenseWithHistory(getApp());
    // 0:00–0:10 one seat, 0:10–0:20 two, 0:20–0:30 four, 0:30–2:00 two, 2:00–4:00 one: 7 seat-hours of 16.
    const res = await getAnalytics(
      t,
      tenant.accountId,
      { licenseId: lic.licenseId, feature: 'cad', ...isoWindow(d, d + 4 * HOUR) },
      tenant.tokens.readOnly,
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
    const { t, tenant, lic, d } = await licenseWithHistory(getApp());
    const res = await getAnalytics(
      t,
      tenant.accountId,
      { licenseId: lic.licenseId, ...isoWindow(d, d + 4 * HOUR) },
      tenant.tokens.readOnly,
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
    const { t, tenant, lic, d } = await licenseWithHistory(getApp());
    const res = await getAnalytics(
      t,
      tenant.accountId,
      { licenseId: lic.licenseId, ...isoWindow(d, d + 4 * HOUR) },
      tenant.tokens.readOnly,
    );
    assert.deepEqual(res.json.queueWait, [
      { feature: 'cad', queued: 1, count: 2, p50Ms: 1_000, p90Ms: 120_000, maxMs: 120_000, abandoned: 1 },
    ]);
  });
});
