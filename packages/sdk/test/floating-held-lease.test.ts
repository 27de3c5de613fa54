// A held seat with mock timers: heartbeats every half interval, never keeps the process alive,
// reports a lost lease once, stops on release, and is checked in when the process ends.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import { ExitReleaser, FloatingClient, keysFromJwks } from '../src/index.ts';
import { newVendor } from './fixtures.ts';
import { FakeProcess, type Handler, leaseOf, settle, signedFetch } from './floating-fixtures.ts';

const vendor = newVendor();

function setup(handler?: Handler, interval = 10) {
  const proc = new FakeProcess();
  const exitReleaser = new ExitReleaser(proc);
  let beats = 0;
  const fake = signedFetch(vendor, (path, body) => {
    if (path.endsWith('/checkout'))
      return {
        granted: true,
        lease: leaseOf('lease_1', new Date(), { heartbeatIntervalSeconds: interval }),
        leaseToken: 't0',
      };
    if (path.endsWith('/heartbeat') && handler) return handler(path, body);
    if (path.endsWith('/heartbeat')) {
      beats++;
      const lease = leaseOf('lease_1', new Date(), { heartbeatIntervalSeconds: interval });
      return { renewed: true, lease, leaseToken: `t${beats}` };
    }
    if (path.endsWith('/checkin')) return { checkedIn: true };
    throw new Error(`unexpected ${path}`);
  });
  const client = new FloatingClient({
    url: 'http://licentia.test',
    keys: keysFromJwks(vendor.jwks),
    license: { key: 'KEY-1' },
    fetch: fake.fetch,
    exitReleaser,
  });
  const count = (suffix: string) => fake.calls.filter((c) => c.path.endsWith(suffix)).length;
  return { proc, exitReleaser, client, fake, count };
}

async function acquire(
  client: FloatingClient,
  options: Parameters<FloatingClient['acquire']>[0] | object = {},
) {
  const result = await client.acquire({ feature: 'solver', user: 'ann', host: 'ws-1', ...options });
  assert.ok(result.granted);
  return result.held;
}

describe('held lease heartbeats (mock timers)', () => {
  beforeEach(() =>
    mock.timers.enable({ apis: ['setTimeout', 'Date'], now: Date.parse('2030-06-01T12:00:00Z') }),
  );
  afterEach(() => mock.timers.reset());

  it('heartbeats at half the interval and keeps the renewed lease token', async () => {
    const { client, count } = setup();
    const held = await acquire(client);
    assert.equal(held.heartbeatEveryMs, 5_000);
    mock.timers.tick(4_999);
    await settle();
    assert.equal(count('/heartbeat'), 0, 'no heartbeat before half the interval');
    for (let i = 1; i <= 3; i++) {
      mock.timers.tick(5_000);
      await settle();
      assert.equal(count('/heartbeat'), i);
    }
    assert.equal(held.leaseToken, 't3');
    await held.release();
  });

  it('reports a lost lease once and stops heartbeating', async () => {
    const { client, count } = setup(() => ({ renewed: false, code: 'LEASE_REVOKED' }));
    const lost: string[] = [];
    const held = await acquire(client, { onLost: (code: string) => lost.push(code) });
    for (let i = 0; i < 4; i++) {
      mock.timers.tick(5_000);
      await settle();
    }
    assert.deepEqual(lost, ['LEASE_REVOKED']);
    assert.equal(count('/heartbeat'), 1);
    assert.equal(held.held, false);
    assert.equal(await held.release(), null, 'a lost lease is not checked in');
  });

  it('keeps retrying an unreachable server until the lease expires, then reports it lost', async () => {
    const errors: unknown[] = [];
    const lost: string[] = [];
    const { client } = setup(() => {
      throw new Error('connection refused');
    });
    await acquire(client, {
      onLost: (code: string) => lost.push(code),
      onError: (e: unknown) => errors.push(e),
    });
    // The lease expires at interval × 2 = 20 s: beats at 5, 10, 15 fail and retry; the one at 20 gives up.
    for (let i = 0; i < 3; i++) {
      mock.timers.tick(5_000);
      await settle();
    }
    assert.deepEqual(lost, []);
    mock.timers.tick(5_000);
    await settle();
    assert.deepEqual([errors.length, lost], [4, ['LEASE_EXPIRED']]);
  });

  it('stops heartbeating once released, and checks in with NORMAL', async () => {
    const { client, fake, count } = setup();
    const held = await acquire(client);
    const answer = await held.release();
    assert.equal(answer?.checkedIn, true);
    assert.equal(fake.calls.at(-1)?.body.reason, 'NORMAL');
    mock.timers.tick(60_000);
    await settle();
    assert.equal(count('/heartbeat'), 0);
    assert.equal(await held.release(), null, 'release is idempotent');
  });

  it('does not heartbeat when asked not to', async () => {
    const { client, count } = setup();
    const held = await acquire(client, { heartbeat: false });
    mock.timers.tick(60_000);
    await settle();
    assert.equal(count('/heartbeat'), 0);
    held.abandon();
  });
});

describe('release at process exit', () => {
  it('checks every held lease in with EXIT on SIGTERM, then re-raises the signal', async () => {
    const { proc, client, fake } = setup();
    await acquire(client, { heartbeat: false });
    await acquire(client, { heartbeat: false });
    assert.equal(proc.listenerCount('SIGTERM'), 1, 'one listener however many leases');
    proc.emit('SIGTERM', 'SIGTERM');
    await settle();
    const checkins = fake.calls.filter((c) => c.path.endsWith('/checkin'));
    assert.deepEqual(
      checkins.map((c) => c.body.reason),
      ['EXIT', 'EXIT'],
    );
    assert.deepEqual(proc.killed, ['SIGTERM']);
    assert.equal(proc.listenerCount('SIGTERM') + proc.listenerCount('beforeExit'), 0);
  });

  it('checks in on beforeExit and leaves the signal alone when the app handles it too', async () => {
    const { proc, client, count } = setup();
    await acquire(client, { heartbeat: false });
    proc.emit('beforeExit', 0);
    await settle();
    assert.equal(count('/checkin'), 1);
    await acquire(client, { heartbeat: false });
    proc.on('SIGINT', () => undefined);
    proc.emit('SIGINT', 'SIGINT');
    await settle();
    assert.equal(count('/checkin'), 2);
    assert.deepEqual(proc.killed, [], 'the app’s own SIGINT listener decides');
  });

  it('removes its listeners with the last released lease, and installs none when told not to', async () => {
    const { proc, client } = setup();
    const a = await acquire(client, { heartbeat: false });
    const b = await acquire(client, { heartbeat: false });
    await a.release();
    assert.equal(proc.listenerCount('SIGINT'), 1);
    await b.release();
    assert.equal(
      proc.listenerCount('SIGINT') + proc.listenerCount('SIGTERM') + proc.listenerCount('beforeExit'),
      0,
    );
    const c = await acquire(client, { heartbeat: false, releaseOnExit: false });
    assert.equal(proc.listenerCount('beforeExit'), 0);
    await c.release();
  });
});
