// Heartbeats: extension of live leases, idle tracking, refusals, and queue entries kept alive.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decideCheckout } from './checkout.ts';
import { expire } from './expire.ts';
import { heartbeat } from './heartbeat.ts';
import { HOUR, lease, opts, pool, req, SECOND, T0 } from './test-pool.ts';

describe('heartbeat', () => {
  it('extends a live lease to now + interval × tolerance', () => {
    const out = heartbeat(pool({ leases: [lease({ leaseId: 'lease_a' })] }), 'lease_a', T0 + 60 * SECOND);
    assert.equal(out.ok && out.kind === 'lease' && out.lease.expiresAt, T0 + 180 * SECOND);
  });

  const refusals: [string, ReturnType<typeof lease>[], number, string][] = [
    ['an unknown id', [], T0, 'UNKNOWN_LEASE'],
    [
      'a lease past its expiry, even before a sweep',
      [lease({ leaseId: 'lease_a' })],
      T0 + 120 * SECOND,
      'LEASE_EXPIRED',
    ],
    [
      'a lingering (checked-in) lease',
      [lease({ leaseId: 'lease_a', lingerUntil: T0 + 60 * SECOND, expiresAt: T0 + 60 * SECOND })],
      T0,
      'LEASE_CHECKED_IN',
    ],
  ];
  for (const [name, leases, now, code] of refusals) {
    it(`refuses ${name} (${code})`, () => {
      const out = heartbeat(pool({ leases }), 'lease_a', now);
      assert.equal(!out.ok && out.code, code);
    });
  }

  it('leaves a borrowed lease unchanged', () => {
    const borrowed = lease({ leaseId: 'lease_a', borrowedUntil: T0 + HOUR, expiresAt: T0 + HOUR });
    const out = heartbeat(pool({ leases: [borrowed] }), 'lease_a', T0 + SECOND);
    assert.equal(out.ok && out.kind === 'lease' && out.lease, borrowed);
  });

  it('keeps lastActiveAt on an inactive heartbeat, so the idle TIMEOUT reclaims the lease', () => {
    let state = pool({ leases: [lease({ leaseId: 'lease_a' })] });
    for (let t = 60; t <= 600; t += 60)
      state = heartbeat(state, 'lease_a', T0 + t * SECOND, { active: false }).state;
    const swept = expire(state, opts({ timeoutSeconds: 600 }), T0 + 600 * SECOND);
    assert.deepEqual(swept.state.leases, []);
    assert.equal(swept.events[0]?.reason, 'TIMEOUT');
  });

  it('keeps a queue entry alive past the queue timeout', () => {
    const queued = decideCheckout(
      pool({ seats: 1, leases: [lease({ expiresAt: T0 + HOUR })] }),
      req({ id: 'lease_q', wait: true }),
      opts(),
      T0,
    );
    const beat = heartbeat(queued.state, 'lease_q', T0 + 100 * SECOND);
    assert.equal(beat.ok && beat.kind, 'queued');
    assert.equal(expire(beat.state, opts(), T0 + 150 * SECOND).state.queue.length, 1);
    assert.equal(expire(queued.state, opts(), T0 + 150 * SECOND).state.queue.length, 0);
  });
});
