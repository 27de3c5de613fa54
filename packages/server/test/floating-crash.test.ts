// A crashed client's seat returns within heartbeat interval × tolerance + the sweep period, reclaimed by
// the sweeper (nobody checks out meanwhile) — measured by waiting on the condition, never sleeping blindly.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { forEachEngine, openTestDatabase } from '../../db/test/test-databases.ts';
import { buildApp } from '../src/app.ts';
import { bootstrap } from '../src/bootstrap/bootstrap.ts';
import {
  checkout,
  type FloatingFixture,
  floating,
  floatingLicense,
  putOptions,
  waitFor,
} from './floating-helpers.ts';
import { newTenant, type Tenant, type TestApp } from './harness.ts';

const SWEEP_MS = 100;
const INTERVAL_S = 1;
const TOLERANCE = 1;
const BOUND_MS = INTERVAL_S * TOLERANCE * 1000 + SWEEP_MS;

forEachEngine('floating: crashed clients', (engine) => {
  let t: TestApp;
  let tenant: Tenant;
  before(async () => {
    const database = await openTestDatabase(engine);
    const { app, ctx } = await buildApp({ database, webRoot: null, floatingSweepMs: SWEEP_MS });
    const boot = await bootstrap(ctx, { bootstrapToken: null, demo: false, issueOperatorToken: true });
    t = { engine, app, ctx, database, operatorToken: boot.operatorToken! };
    tenant = await newTenant(t);
  });
  after(async () => {
    await t.app.close();
    await t.database.close();
  });

  const shortLeases = async (seats: number): Promise<FloatingFixture> => {
    const f = await floatingLicense(t, tenant, seats);
    await putOptions(t, f, {
      features: { CAD: { heartbeatIntervalSeconds: INTERVAL_S, heartbeatTolerance: TOLERANCE } },
    });
    return f;
  };
  const missed = async (f: FloatingFixture) =>
    (
      await t.database.db
        .selectFrom('floating_events')
        .select('kind')
        .where('license_id', '=', f.licenseId)
        .where('kind', '=', 'HEARTBEAT_MISSED')
        .execute()
    ).length;

  it('keeps a lease alive across several intervals while the client heartbeats', async () => {
    const f = await shortLeases(1);
    const { lease } = (await checkout(t, f, {})).json;
    const until = Date.now() + 3 * INTERVAL_S * 1000;
    while (Date.now() < until) {
      assert.equal((await floating(t, f, 'heartbeat', { leaseId: lease.id })).json.renewed, true);
      // The client's own heartbeat period (a quarter of the interval), not a wait for a condition.
      await new Promise((resolve) => setTimeout(resolve, (INTERVAL_S * 1000) / 4));
    }
    assert.equal(await missed(f), 0);
  });

  it("returns a crashed client's seat within interval × tolerance + sweep period, through the sweeper", async () => {
    const f = await shortLeases(1);
    const res = await checkout(t, f, { user: 'crashes' });
    const started = Date.parse(res.json.lease.startedAt);
    // The client never heartbeats again; wait until the sweeper reclaims the seat.
    await waitFor(async () => (await missed(f)) === 1, 10_000);
    const reclaimed = await t.database.db
      .selectFrom('floating_events')
      .select(['occurred_at as at', 'in_use_after as inUse'])
      .where('license_id', '=', f.licenseId)
      .where('kind', '=', 'HEARTBEAT_MISSED')
      .executeTakeFirstOrThrow();
    const took = reclaimed.at.getTime() - started;
    assert.equal(reclaimed.inUse, 0);
    assert.ok(took >= INTERVAL_S * TOLERANCE * 1000, `not before the lease expired (${took} ms)`);
    // The bound, plus slack for a loaded test machine (a sweep pass and a transaction).
    assert.ok(took <= BOUND_MS + 1_500, `reclaimed after ${took} ms, bound ${BOUND_MS} ms`);
    assert.equal((await checkout(t, f, { user: 'next' })).json.granted, true);
  });

  it("hands a crashed client's seat to the queue head, answering its long poll", async () => {
    const f = await shortLeases(1);
    await checkout(t, f, { user: 'crashes' });
    const queued = (await checkout(t, f, { user: 'waits', wait: true })).json.queue;
    const poll = await floating(t, f, 'queue/poll', { entryId: queued.entryId, waitSeconds: 10 });
    assert.equal(poll.json.state, 'GRANTED', poll.body);
    assert.equal(poll.json.lease.user, 'waits');
  });
});
