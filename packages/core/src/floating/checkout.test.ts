// Check-out decisions: grants and their expiry, every denial code, queueing, holds and idempotent acquire.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decideCheckout } from './checkout.ts';
import type { DenialCode } from './denial-codes.ts';
import type { FeatureOptions } from './options.ts';
import type { PoolState, SeatRequest } from './pool-state.ts';
import { HOUR, lease, opts, pool, req, SECOND, T0 } from './test-pool.ts';

const alice = { user: 'alice', host: 'ws-a' };
const quinn = { id: 'lease_q1', user: 'quinn', host: 'ws-q1' };
const rita = { id: 'lease_q2', user: 'rita', host: 'ws-q2' };
const full = () => pool({ leases: [lease(), lease(), lease()] });

describe('decideCheckout', () => {
  it('grants a free seat with a lease expiring at now + interval × tolerance', () => {
    const d = decideCheckout(pool(), req({ id: 'lease_x', ...alice }), opts(), T0);
    assert.equal(d.outcome, 'granted');
    if (d.outcome !== 'granted') return;
    assert.equal(d.lease.leaseId, 'lease_x');
    assert.equal(d.lease.expiresAt, T0 + 120 * SECOND);
    assert.deepEqual(d.state.leases, [d.lease]);
    assert.equal(d.events[0]?.type, 'CHECKOUT');
  });

  const denials: [string, PoolState, SeatRequest, FeatureOptions, DenialCode][] = [
    ['refuses a check-out when the last seat is taken', full(), req(), opts(), 'NO_SEATS'],
    [
      'refuses a request larger than the free seats',
      pool({ leases: [lease()] }),
      req({ count: 3 }),
      opts(),
      'NO_SEATS',
    ],
    ['refuses a zero count', pool(), req({ count: 0 }), opts(), 'INVALID_REQUEST'],
    [
      'refuses an EXCLUDEd user',
      pool(),
      req(alice),
      opts({ exclude: [{ kind: 'USER', name: 'alice' }] }),
      'EXCLUDED',
    ],
    [
      'refuses a user outside a non-empty INCLUDE list',
      pool(),
      req(alice),
      opts({ include: [{ kind: 'USER', name: 'bob' }] }),
      'NOT_INCLUDED',
    ],
    [
      'refuses a user at the MAX of their group',
      pool({ leases: [lease({ user: 'bob' })] }),
      req(alice),
      opts({
        groups: { eng: ['alice', 'bob'] },
        max: [{ count: 1, subject: { kind: 'GROUP', name: 'eng' } }],
      }),
      'MAX_REACHED',
    ],
    [
      'refuses a non-subject the seats reserved for others',
      pool({ leases: [lease()] }),
      req(),
      opts({ reserve: [{ count: 2, subject: { kind: 'USER', name: 'alice' } }] }),
      'RESERVED_FOR_OTHERS',
    ],
    [
      'refuses a borrow beyond MAX_BORROW_HOURS',
      pool(),
      req({ borrowUntil: T0 + 73 * HOUR }),
      opts({ maxBorrowHours: 72 }),
      'BORROW_LIMIT',
    ],
    [
      'refuses a borrow below the BORROW_LOWWATER floor',
      pool(),
      req({ borrowUntil: T0 + HOUR }),
      opts({ borrowLowwater: 3 }),
      'BORROW_LOWWATER',
    ],
    ['refuses a borrow ending in the past', pool(), req({ borrowUntil: T0 }), opts(), 'INVALID_REQUEST'],
  ];
  for (const [name, state, request, options, code] of denials) {
    it(`${name} (${code})`, () => {
      const d = decideCheckout(state, request, options, T0);
      assert.equal(d.outcome, 'denied');
      if (d.outcome === 'denied') assert.equal(d.code, code);
      assert.equal(d.events.at(-1)?.type, 'DENIED');
    });
  }

  it('returns every violation and leads with the most severe', () => {
    const options = opts({
      exclude: [{ kind: 'USER', name: 'alice' }],
      include: [{ kind: 'USER', name: 'bob' }],
    });
    const d = decideCheckout(full(), req(alice), options, T0);
    assert.equal(d.outcome, 'denied');
    if (d.outcome !== 'denied') return;
    assert.equal(d.code, 'EXCLUDED');
    assert.deepEqual(d.violations.map((v) => v.code).sort(), ['EXCLUDED', 'NOT_INCLUDED', 'NO_SEATS']);
  });

  it('reclaims an expired lease at check-out and grants its seat', () => {
    const stale = full();
    const d = decideCheckout(stale, req(), opts(), T0 + 120 * SECOND);
    assert.equal(d.outcome, 'granted');
    assert.equal(d.events.filter((e) => e.type === 'CHECKIN' && e.reason === 'TIMEOUT').length, 3);
  });

  it('returns the same lease for a retried request with the same idempotency key', () => {
    const first = decideCheckout(pool(), req({ ...alice, idempotencyKey: 'k1' }), opts(), T0);
    assert.equal(first.outcome, 'granted');
    const again = decideCheckout(first.state, req({ ...alice, idempotencyKey: 'k1' }), opts(), T0 + SECOND);
    assert.equal(again.outcome, 'granted');
    if (first.outcome !== 'granted' || again.outcome !== 'granted') return;
    assert.equal(again.lease.leaseId, first.lease.leaseId);
    assert.equal(again.reused, true);
    assert.equal(again.state.leases.length, 1);
  });

  it('refuses an idempotency key presented by another user', () => {
    const first = decideCheckout(pool(), req({ ...alice, idempotencyKey: 'k1' }), opts(), T0);
    const other = decideCheckout(first.state, req({ idempotencyKey: 'k1' }), opts(), T0);
    assert.equal(other.outcome === 'denied' && other.code, 'INVALID_REQUEST');
  });

  it('queues a waiting request with its position, then holds a freed seat for it', () => {
    const state = full();
    const q1 = decideCheckout(state, req({ ...quinn, wait: true }), opts(), T0);
    assert.equal(q1.outcome, 'queued');
    const q2 = decideCheckout(q1.state, req({ ...rita, wait: true }), opts(), T0);
    assert.equal(q2.outcome === 'queued' && q2.position, 2);
    const freed = { ...q2.state, leases: q2.state.leases.slice(1) };
    const poll = decideCheckout(freed, req({ ...rita, wait: true }), opts(), T0 + SECOND);
    assert.equal(poll.outcome, 'queued', 'the second entry still waits: the first is served first');
    assert.deepEqual(
      poll.state.holds.map((h) => h.entryId),
      ['lease_q1'],
    );
    const claim = decideCheckout(poll.state, req(quinn), opts(), T0 + 2 * SECOND);
    assert.equal(claim.outcome === 'granted' && claim.lease.leaseId, 'lease_q1');
    assert.equal(claim.state.holds.length, 0);
  });

  it('does not let a newcomer pass a waiting queue, but lets a subject take its own reservation', () => {
    const options = opts({ reserve: [{ count: 1, subject: { kind: 'USER', name: 'alice' } }] });
    const state = pool({ leases: [lease(), lease()] });
    const queued = decideCheckout(state, req({ wait: true }), options, T0);
    assert.equal(queued.outcome, 'queued');
    assert.equal(decideCheckout(queued.state, req(), options, T0).outcome, 'denied');
    assert.equal(decideCheckout(queued.state, req(alice), options, T0).outcome, 'granted');
  });

  it('never queues a request that cannot be served by waiting', () => {
    const d = decideCheckout(pool(), req({ count: 4, wait: true }), opts(), T0);
    assert.equal(d.outcome, 'denied');
  });
});
