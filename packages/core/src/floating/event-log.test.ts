// The usage log mapping: kinds and reasons per event, seats in use after the operation, queue wait times.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkin } from './checkin.ts';
import { decideCheckout } from './checkout.ts';
import { floatingEventsOf } from './event-log.ts';
import { expire } from './expire.ts';
import { lease, opts, pool, req, SECOND, T0 } from './test-pool.ts';

describe('floatingEventsOf', () => {
  it('records a grant as OUT and a borrow as BORROW with the seats in use after', () => {
    const p = pool({ leases: [lease()] });
    const d = decideCheckout(p, req({ id: 'lease_a', group: 'eng' }), opts(), T0);
    const [out] = floatingEventsOf(p, d.state, d.events);
    assert.deepEqual([out?.kind, out?.inUseAfter, out?.group], ['OUT', 2, 'eng']);
    const b = decideCheckout(p, req({ id: 'lease_b', borrowUntil: T0 + 3600 * SECOND }), opts(), T0);
    assert.equal(floatingEventsOf(p, b.state, b.events)[0]?.kind, 'BORROW');
  });

  it('records a missed heartbeat as HEARTBEAT_MISSED and a check-in with its reason', () => {
    const p = pool({ leases: [lease({ leaseId: 'lease_x' })] });
    const swept = expire(p, opts(), T0 + 121 * SECOND);
    assert.deepEqual(
      floatingEventsOf(p, swept.state, swept.events).map((e) => [e.kind, e.reason, e.inUseAfter]),
      [['HEARTBEAT_MISSED', 'TIMEOUT', 0]],
    );
    const c = checkin(p, 'lease_x', 'EXIT', opts(), T0);
    assert.deepEqual(floatingEventsOf(p, c.state, c.events)[0]?.reason, 'EXIT');
  });

  it('records the denial code and the queue wait of a served entry', () => {
    const full = pool({ seats: 1, leases: [lease({ leaseId: 'lease_h' })] });
    const denied = decideCheckout(full, req(), opts(), T0);
    assert.deepEqual(floatingEventsOf(full, denied.state, denied.events)[0]?.reason, 'NO_SEATS');
    const queued = decideCheckout(full, req({ id: 'lease_q', wait: true }), opts(), T0).state;
    const served = checkin(queued, 'lease_h', 'NORMAL', opts(), T0 + 7 * SECOND);
    const dequeued = floatingEventsOf(queued, served.state, served.events).find((e) => e.kind === 'DEQUEUED');
    assert.equal(dequeued?.waitMs, 7000);
    assert.equal(dequeued?.inUseAfter, 1);
  });
});
