// Borrowing: the MAX_BORROW_HOURS limit (default 168 h), the BORROW_LOWWATER floor and early return.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decideBorrow, returnBorrowed } from './borrow.ts';
import type { FeatureOptions } from './options.ts';
import type { PoolState } from './pool-state.ts';
import { HOUR, lease, opts, pool, req, T0 } from './test-pool.ts';

const borrowed = () => lease({ borrowedUntil: T0 + HOUR, expiresAt: T0 + HOUR });

describe('decideBorrow', () => {
  const cases: [string, PoolState, number, FeatureOptions, string][] = [
    ['allows the default 168 hours', pool(), 168 * HOUR, opts(), 'granted'],
    ['refuses beyond the default 168 hours', pool(), 168 * HOUR + 1, opts(), 'BORROW_LIMIT'],
    ['allows up to MAX_BORROW_HOURS', pool(), 72 * HOUR, opts({ maxBorrowHours: 72 }), 'granted'],
    ['refuses beyond MAX_BORROW_HOURS', pool(), 72 * HOUR + 1, opts({ maxBorrowHours: 72 }), 'BORROW_LIMIT'],
    [
      'allows borrowing down to the floor',
      pool({ leases: [borrowed()] }),
      HOUR,
      opts({ borrowLowwater: 1 }),
      'granted',
    ],
    [
      'refuses borrowing into the floor',
      pool({ leases: [borrowed(), borrowed()] }),
      HOUR,
      opts({ borrowLowwater: 1 }),
      'BORROW_LOWWATER',
    ],
    [
      'online leases do not count against the floor',
      pool({ leases: [lease()] }),
      HOUR,
      opts({ borrowLowwater: 2 }),
      'granted',
    ],
  ];
  for (const [name, state, hours, options, expected] of cases) {
    it(name, () => {
      const d = decideBorrow(state, req(), T0 + hours, options, T0);
      assert.equal(d.outcome === 'denied' ? d.code : d.outcome, expected);
      if (d.outcome === 'granted') {
        assert.equal(d.lease.borrowedUntil, T0 + hours);
        assert.equal(d.lease.expiresAt, T0 + hours);
      }
    });
  }

  it('never queues a borrow, even when asked to wait', () => {
    const d = decideBorrow(pool({ seats: 1, leases: [lease()] }), req({ wait: true }), T0 + HOUR, opts(), T0);
    assert.equal(d.outcome, 'denied');
  });

  it('frees the seat at once on early return, whatever the linger', () => {
    const d = decideBorrow(pool(), req({ id: 'lease_b' }), T0 + HOUR, opts(), T0);
    const out = returnBorrowed(d.state, 'lease_b', opts({ lingerSeconds: 600 }), T0 + 1);
    assert.deepEqual(out.state.leases, []);
    assert.equal(out.events[0]?.reason, 'BORROW_RETURNED');
  });
});
