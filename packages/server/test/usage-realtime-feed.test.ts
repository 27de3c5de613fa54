// The realtime usage feed on both engines: floating check-outs and check-ins reach the usage store
// (counted users, REALTIME events) by a pass over floating_events; passes are idempotent, re-read an
// overlap window for late commits, and only one process runs a pass at a time.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { usageFeedRepository } from '@licentia/db';
import { forEachEngine } from '../../db/test/test-databases.ts';
import { startRealtimeUsageFeed } from '../src/usage/realtime-feed.ts';
import { checkout, floating, floatingLicense, waitFor } from './floating-helpers.ts';
import { call, newTenant, type Tenant, type TestApp, useTestApp } from './harness.ts';

const orgPath = (tenant: Tenant) => `/v1/accounts/${tenant.accountId}/organizations/${tenant.organizationId}`;

async function usageEvents(t: TestApp, tenant: Tenant) {
  const res = await call(t, 'GET', `${orgPath(tenant)}/usage/events?limit=500`, {
    token: tenant.tokens.orgRead,
  });
  assert.equal(res.status, 200, res.body);
  return res.json.data as {
    source: string;
    kind: string;
    user: string;
    feature: string;
    licenseId: string;
  }[];
}

async function userCount(t: TestApp, tenant: Tenant): Promise<number> {
  const res = await call(t, 'GET', `${orgPath(tenant)}/usage/user-count`, { token: tenant.tokens.orgRead });
  assert.equal(res.status, 200, res.body);
  return res.json.counted as number;
}

forEachEngine('realtime usage feed', (engine) => {
  const getApp = useTestApp(engine);
  const feedOf = (t: TestApp) => startRealtimeUsageFeed(t.database.db, t.app.log, { intervalMs: 0 });

  it('a floating check-out and check-in become REALTIME usage: the user is counted, a second pass adds nothing', async () => {
    const t = getApp();
    const tenant = await newTenant(t);
    const f = await floatingLicense(t, tenant, 2);
    const out = await checkout(t, f, { user: 'Alice', host: 'ws-1' });
    assert.equal(out.status, 200, out.body);
    assert.equal(out.json.granted, true);
    const back = await floating(t, f, 'checkin', { leaseId: out.json.lease.id });
    assert.equal(back.status, 200, back.body);
    assert.equal(await userCount(t, tenant), 0, 'nothing is counted before a pass');

    const feed = feedOf(t);
    const first = await feed.runOnce();
    assert.equal(first.ran, true);
    assert.ok(first.recorded >= 2, `recorded ${first.recorded}`);
    assert.equal(await userCount(t, tenant), 1);
    const events = await usageEvents(t, tenant);
    assert.deepEqual(events.map((e) => [e.source, e.kind, e.user, e.feature, e.licenseId]).sort(), [
      ['REALTIME', 'IN', 'Alice', 'CAD', f.licenseId],
      ['REALTIME', 'OUT', 'Alice', 'CAD', f.licenseId],
    ]);

    await feed.runOnce();
    // Another process (its own memory of what it fed) re-reads the overlap window: still nothing new.
    await feedOf(t).runOnce();
    assert.equal((await usageEvents(t, tenant)).length, 2);
    assert.equal(await userCount(t, tenant), 1);
    await feed.stop();
  });

  it('maps floating kinds (BORROW → OUT) and picks up an event committed late inside the overlap window', async () => {
    const t = getApp();
    const tenant = await newTenant(t);
    const f = await floatingLicense(t, tenant, 2);
    const borrow = await checkout(t, f, {
      user: 'bob',
      host: 'laptop',
      borrowUntil: new Date(Date.now() + 3_600_000).toISOString(),
    });
    assert.equal(borrow.status, 200, borrow.body);
    const feed = feedOf(t);
    await feed.runOnce();
    // An event stamped 20 s ago that commits only now (another process's slow transaction).
    await t.database.db
      .insertInto('floating_events')
      .values({
        id: t.ctx.newId('floatingEvent'),
        account_id: tenant.accountId,
        organization_id: tenant.organizationId,
        license_id: f.licenseId,
        feature: 'CAM',
        kind: 'DENIED',
        lease_id: null,
        count: 1,
        user_name: 'carol',
        host: 'ws-9',
        department: null,
        group_name: null,
        reason: 'NO_SEATS',
        occurred_at: new Date(Date.now() - 20_000),
        in_use_after: 1,
        wait_ms: null,
      })
      .execute();
    await feed.runOnce();
    const events = await usageEvents(t, tenant);
    assert.deepEqual(events.map((e) => [e.kind, e.user, e.feature]).sort(), [
      ['DENIED', 'carol', 'CAM'],
      ['OUT', 'bob', 'CAD'],
    ]);
    assert.equal(await userCount(t, tenant), 2, 'denied users count too');
    await feed.stop();
  });

  it('the periodic pass feeds check-outs by itself', async () => {
    const t = getApp();
    const tenant = await newTenant(t);
    const f = await floatingLicense(t, tenant, 1);
    const feed = startRealtimeUsageFeed(t.database.db, t.app.log, { intervalMs: 50 });
    try {
      assert.equal((await checkout(t, f, { user: 'erin' })).json.granted, true);
      await waitFor(async () => (await userCount(t, tenant)) === 1);
    } finally {
      await feed.stop();
    }
  });

  if (engine === 'postgres') {
    it('only one process runs a pass at a time: the timer pass is skipped while another holds the lock', async () => {
      const t = getApp();
      const feed = startRealtimeUsageFeed(t.database.db, t.app.log, { intervalMs: 0 });
      let release!: () => void;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let locked!: () => void;
      const taken = new Promise<void>((resolve) => {
        locked = resolve;
      });
      const holder = t.database.db.transaction().execute(async (trx) => {
        assert.equal(await usageFeedRepository.lock(trx, false), true);
        locked();
        await held;
      });
      await taken;
      const other = await t.database.db.transaction().execute((trx) => usageFeedRepository.lock(trx, false));
      assert.equal(other, false, 'a second process does not get the lock');
      const waiting = feed.runOnce();
      release();
      await holder;
      assert.equal((await waiting).ran, true, 'runOnce waits for the lock and then runs');
      await feed.stop();
    });
  }
});
