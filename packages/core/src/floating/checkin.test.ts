// Check-in: every reason, linger and its revival, queue withdrawal, and seats handed to the queue.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkin } from './checkin.ts';
import { decideCheckout } from './checkout.ts';
import { expire } from './expire.ts';
import { CHECKIN_REASONS, type CheckinReason } from './pool-events.ts';
import { lease, opts, pool, req, SECOND, T0 } from './test-pool.ts';

const one = () => lease({ leaseId: 'lease_a', user: 'alice', host: 'ws-a' });

describe('checkin', () => {
  for (const reason of CHECKIN_REASONS) {
    it(`frees the seat at once with reason ${reason} when there is no linger`, () => {
      const out = checkin(pool({ leases: [one()] }), 'lease_a', reason, opts(), T0);
      assert.deepEqual(out.state.leases, []);
      assert.equal(out.events[0]?.reason, reason);
    });
  }

  const lingerCases: [CheckinReason, boolean][] = [
    ['NORMAL', true],
    ['EXIT', true],
    ['ADMIN_REMOVED', false],
    ['TIMEOUT', false],
    ['HARVESTED', false],
    ['BORROW_RETURNED', false],
  ];
  for (const [reason, lingers] of lingerCases) {
    it(`${lingers ? 'holds' : 'does not hold'} the seat for LINGER after ${reason}`, () => {
      const out = checkin(pool({ leases: [one()] }), 'lease_a', reason, opts({ lingerSeconds: 60 }), T0);
      assert.equal(out.lingering, lingers);
      assert.equal(out.state.leases.length, lingers ? 1 : 0);
      if (lingers) assert.equal(out.state.leases[0]?.expiresAt, T0 + 60 * SECOND);
    });
  }

  it('frees a lingering seat when the linger ends', () => {
    const lingering = checkin(
      pool({ leases: [one()] }),
      'lease_a',
      'NORMAL',
      opts({ lingerSeconds: 60 }),
      T0,
    ).state;
    assert.equal(expire(lingering, opts(), T0 + 59 * SECOND).state.leases.length, 1);
    const swept = expire(lingering, opts(), T0 + 60 * SECOND);
    assert.equal(swept.state.leases.length, 0);
    assert.equal(swept.events[0]?.type, 'LINGER_ENDED');
  });

  it('gives a lingering seat back to the same user and host', () => {
    const lingering = checkin(
      pool({ leases: [one()] }),
      'lease_a',
      'NORMAL',
      opts({ lingerSeconds: 60 }),
      T0,
    ).state;
    const d = decideCheckout(lingering, req({ user: 'alice', host: 'ws-a' }), opts(), T0 + SECOND);
    assert.equal(d.outcome === 'granted' && d.lease.leaseId, 'lease_a');
    assert.equal(d.state.leases[0]?.lingerUntil, undefined);
  });

  it('is idempotent: an unknown id changes nothing', () => {
    const state = pool({ leases: [one()] });
    const out = checkin(state, 'lease_zz', 'NORMAL', opts(), T0);
    assert.equal(out.found, false);
    assert.equal(out.state, state);
  });

  it('withdraws a queue entry and renumbers the others', () => {
    let state = pool({ seats: 1, leases: [one()] });
    for (const id of ['lease_q1', 'lease_q2']) {
      state = decideCheckout(state, req({ id, wait: true }), opts(), T0).state;
    }
    const out = checkin(state, 'lease_q1', 'EXIT', opts(), T0);
    assert.deepEqual(
      out.state.queue.map((e) => [e.entryId, e.position]),
      [['lease_q2', 1]],
    );
    assert.equal(out.events[0]?.type, 'QUEUE_LEFT');
  });

  it('hands the freed seat to the head of the queue as a hold', () => {
    const queued = decideCheckout(
      pool({ seats: 1, leases: [one()] }),
      req({ id: 'lease_q1', wait: true }),
      opts(),
      T0,
    );
    const out = checkin(queued.state, 'lease_a', 'NORMAL', opts(), T0 + SECOND);
    assert.deepEqual(
      out.state.holds.map((h) => [h.entryId, h.holdUntil]),
      [['lease_q1', T0 + 31 * SECOND]],
    );
    assert.deepEqual(
      out.events.map((e) => e.type),
      ['CHECKIN', 'HOLD_GRANTED'],
    );
  });
});
