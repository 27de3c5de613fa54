// The sweep: reclaims at the deadline (not before), holds and queue entries, and the crashed-client bound.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decideCheckout } from './checkout.ts';
import { expire } from './expire.ts';
import { deadDetectionBoundMs } from './pool-state.ts';
import { HOUR, lease, opts, pool, req, SECOND, T0 } from './test-pool.ts';

describe('expire', () => {
  const cases: [string, ReturnType<typeof lease>, number, boolean][] = [
    ['keeps a lease one millisecond before its expiry', lease(), T0 + 120 * SECOND - 1, true],
    ['reclaims a lease at its expiry', lease(), T0 + 120 * SECOND, false],
    [
      'keeps a borrowed lease until its borrow end',
      lease({ borrowedUntil: T0 + HOUR, expiresAt: T0 + HOUR }),
      T0 + HOUR - 1,
      true,
    ],
    [
      'reclaims a borrowed lease at its borrow end',
      lease({ borrowedUntil: T0 + HOUR, expiresAt: T0 + HOUR }),
      T0 + HOUR,
      false,
    ],
  ];
  for (const [name, l, now, kept] of cases) {
    it(name, () => {
      const out = expire(pool({ leases: [l] }), opts(), now);
      assert.equal(out.state.leases.length, kept ? 1 : 0);
      if (!kept) assert.equal(out.events[0]?.reason, 'TIMEOUT');
    });
  }

  it('returns a crashed client’s seat within interval × tolerance + sweep period', () => {
    const p = pool({ seats: 1 });
    const granted = decideCheckout(p, req(), opts(), T0).state;
    const sweepSeconds = 15;
    // The sweeper runs every 15 s from an arbitrary phase; the seat must be free by the bound.
    for (let phase = 0; phase < sweepSeconds; phase++) {
      let t = T0 + phase * SECOND;
      let state = granted;
      while (state.leases.length > 0) {
        state = expire(state, opts(), t).state;
        t += sweepSeconds * SECOND;
      }
      assert.ok(t - sweepSeconds * SECOND - T0 <= deadDetectionBoundMs(p, sweepSeconds), `phase ${phase}`);
    }
  });

  it('drops a hold at its deadline and serves the next entry', () => {
    let state = pool({ seats: 1, leases: [lease({ leaseId: 'lease_a', expiresAt: T0 + 60 * SECOND })] });
    for (const id of ['lease_q1', 'lease_q2'])
      state = decideCheckout(state, req({ id, user: id, host: id, wait: true }), opts(), T0).state;
    state = expire(state, opts(), T0 + 60 * SECOND).state;
    assert.deepEqual(
      state.holds.map((h) => h.entryId),
      ['lease_q1'],
    );
    // q2 must keep polling while it waits; the hold for q1 lapses 30 s later.
    state = decideCheckout(
      state,
      req({ id: 'lease_q2', user: 'lease_q2', host: 'lease_q2' }),
      opts(),
      T0 + 80 * SECOND,
    ).state;
    const out = expire(state, opts(), T0 + 90 * SECOND);
    assert.deepEqual(
      out.state.holds.map((h) => h.entryId),
      ['lease_q2'],
    );
    assert.deepEqual(
      out.events.map((e) => e.type),
      ['HOLD_EXPIRED', 'HOLD_GRANTED'],
    );
  });

  it('drops a queue head that the options now exclude, and serves the next', () => {
    let state = pool({ seats: 1, leases: [lease({ leaseId: 'lease_a', expiresAt: T0 + 60 * SECOND })] });
    state = decideCheckout(state, req({ id: 'lease_q1', user: 'eve', wait: true }), opts(), T0).state;
    state = decideCheckout(state, req({ id: 'lease_q2', wait: true }), opts(), T0).state;
    const out = expire(state, opts({ exclude: [{ kind: 'USER', name: 'eve' }] }), T0 + 60 * SECOND);
    assert.deepEqual(
      out.state.holds.map((h) => h.entryId),
      ['lease_q2'],
    );
    assert.equal(out.events.find((e) => e.type === 'QUEUE_DROPPED')?.code, 'EXCLUDED');
  });
});
