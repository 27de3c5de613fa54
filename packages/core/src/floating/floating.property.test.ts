// Property test of issue 4: random sequences of pool operations never oversell, honour reservations and serve the queue in order.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { decideBorrow } from './borrow.ts';
import { checkin } from './checkin.ts';
import { decideCheckout } from './checkout.ts';
import { expire } from './expire.ts';
import { heartbeat } from './heartbeat.ts';
import { type FeatureOptions, SUBJECT_KINDS, type Subject } from './options.ts';
import { CHECKIN_REASONS } from './pool-events.ts';
import { borrowedSeats, occupants, occupiedSeats, type PoolState } from './pool-state.ts';
import { subjectMatches } from './subject-matches.ts';
import { opts, pool, SECOND, T0 } from './test-pool.ts';

const USERS = ['u0', 'u1', 'u2', 'u3'];
const HOSTS = ['h0', 'h1', 'h2'];
const NAMES: Record<Subject['kind'], string[]> = {
  USER: USERS,
  HOST: HOSTS,
  GROUP: ['eng', 'ops'],
  HOST_GROUP: ['lab'],
  DEPARTMENT: ['d0', 'd1'],
  INTERNET: ['10.0.0.0/24', '10.1.*.*'],
};
const subject = fc
  .constantFrom(...SUBJECT_KINDS)
  .chain((kind) => fc.constantFrom(...NAMES[kind]).map((name): Subject => ({ kind, name })));
const counted = fc.record({ count: fc.integer({ min: 0, max: 2 }), subject });
const options = fc
  .record(
    {
      reserve: fc.array(counted, { maxLength: 2 }),
      max: fc.array(counted, { maxLength: 2 }),
      include: fc.array(subject, { maxLength: 2 }),
      exclude: fc.array(subject, { maxLength: 1 }),
      lingerSeconds: fc.integer({ min: 0, max: 120 }),
      timeoutSeconds: fc.integer({ min: 60, max: 900 }),
      borrowLowwater: fc.integer({ min: 0, max: 3 }),
      maxBorrowHours: fc.integer({ min: 1, max: 200 }),
    },
    { requiredKeys: ['reserve', 'max', 'include', 'exclude'] },
  )
  .map((rules) =>
    opts({ ...rules, groups: { eng: ['u0', 'u1'], ops: ['u2'] }, hostGroups: { lab: ['h0'] } }),
  );
const who = fc.record({
  user: fc.constantFrom(...USERS),
  host: fc.constantFrom(...HOSTS),
  department: fc.constantFrom('d0', 'd1'),
  ip: fc.constantFrom('10.0.0.5', '10.1.2.3', '192.168.0.1'),
  count: fc.integer({ min: 1, max: 3 }),
  idempotencyKey: fc.option(fc.constantFrom('k0', 'k1', 'k2'), { nil: undefined }),
  wait: fc.boolean(),
});
const command = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant('checkout' as const), who }), weight: 4 },
  fc.record({ op: fc.constant('borrow' as const), who, hours: fc.integer({ min: 1, max: 200 }) }),
  fc.record({
    op: fc.constant('checkin' as const),
    pick: fc.nat(),
    reason: fc.constantFrom(...CHECKIN_REASONS),
  }),
  fc.record({ op: fc.constant('heartbeat' as const), pick: fc.nat(), active: fc.boolean() }),
  fc.record({ op: fc.constant('poll' as const), pick: fc.nat() }),
  // Whole multiples of the deadlines too, so a sweep lands exactly on an expiry.
  fc.record({
    op: fc.constant('advance' as const),
    seconds: fc.oneof(fc.integer({ min: 0, max: 200 }), fc.constantFrom(30, 60, 120)),
  }),
  fc.record({ op: fc.constant('options' as const), options }),
);

type Command = typeof command extends fc.Arbitrary<infer T> ? T : never;

/** Reference reservation use by exhaustive search (independent of the flow implementation). */
function unusedReserved(state: PoolState, o: FeatureOptions): number {
  const units = occupants(state).flatMap((h) => Array.from({ length: h.count }, () => h));
  const caps = o.reserve.map((r) => r.count);
  const best = (i: number): number => {
    if (i === units.length) return 0;
    let result = best(i + 1);
    o.reserve.forEach((r, j) => {
      if (caps[j]! > 0 && subjectMatches(r.subject, units[i]!, o)) {
        caps[j]!--;
        result = Math.max(result, 1 + best(i + 1));
        caps[j]!++;
      }
    });
    return result;
  };
  return caps.reduce((a, b) => a + b, 0) - best(0);
}

const ids = (s: PoolState) => [...s.leases.map((l) => l.leaseId), ...s.holds.map((h) => h.entryId)];

/** Applies one command; returns the next pool and the lease granted directly by a check-out, if any. */
function step(state: PoolState, c: Command, o: FeatureOptions, now: number, n: number) {
  const pickId = (pick: number) => {
    const all = [
      ...state.leases.map((l) => ({ id: l.leaseId, user: l.user, host: l.host })),
      ...[...state.holds, ...state.queue].map((e) => ({
        id: e.entryId,
        user: e.request.user,
        host: e.request.host,
      })),
    ];
    return all.length === 0 ? { id: 'lease_none', user: 'u0', host: 'h0' } : all[pick % all.length]!;
  };
  switch (c.op) {
    case 'checkout':
    case 'borrow': {
      const request = { id: `lease_${n}`, ...c.who };
      const d =
        c.op === 'borrow'
          ? decideBorrow(state, request, now + c.hours * 3_600_000, o, now)
          : decideCheckout(state, request, o, now);
      return {
        next: d.state,
        swept: true,
        granted: d.outcome === 'granted' && !d.reused ? d.lease : undefined,
      };
    }
    case 'checkin':
      return { next: checkin(state, pickId(c.pick).id, c.reason, o, now).state, swept: false };
    case 'heartbeat':
      return { next: heartbeat(state, pickId(c.pick).id, now, { active: c.active }).state, swept: false };
    case 'poll': {
      const d = decideCheckout(state, { ...pickId(c.pick), count: 1 }, o, now);
      return { next: d.state, swept: true };
    }
    default:
      return { next: expire(state, o, now).state, swept: true };
  }
}

describe('floating pool properties', () => {
  it('never oversells, honours reservations, serves the queue in order and reclaims every expired lease', () => {
    const scenario = fc.record({
      seats: fc.integer({ min: 1, max: 5 }),
      commands: fc.array(command, { minLength: 5, maxLength: 40, size: 'max' }),
    });
    fc.assert(
      fc.property(scenario, ({ seats, commands }) => {
        let state = pool({ seats });
        let o = opts();
        let now = T0;
        commands.forEach((c, n) => {
          if (c.op === 'advance') now += c.seconds * SECOND;
          const optionsChanged = c.op === 'options';
          if (optionsChanged) o = c.options;
          const before = structuredClone(state);
          const balanced = occupiedSeats(state) + unusedReserved(state, o) <= state.seats;
          const { next, swept, granted } = step(state, c, o, now, n);
          assert.deepEqual(state, before, 'operations never mutate their input');
          // Never oversold: leases (online, borrowed, lingering) and holds fit in the pool.
          assert.ok(occupiedSeats(next) <= next.seats, 'in use + borrowed + held ≤ seats');
          // Reservations: a grant outside the requester's own reservation leaves every unused reservation
          // coverable, and no step under unchanged options breaks a balance that held before it.
          // A claimed hold took its seat when it was granted (possibly under older options): not a new take.
          if (granted && !state.holds.some((h) => h.entryId === granted.leaseId)) {
            const without = { ...next, leases: next.leases.filter((l) => l !== granted) };
            const absorbed = unusedReserved(without, o) - unusedReserved(next, o) === granted.count;
            assert.ok(
              absorbed || occupiedSeats(next) + unusedReserved(next, o) <= next.seats,
              'reservation honoured',
            );
            if (granted.borrowedUntil !== undefined)
              assert.ok(borrowedSeats(next) <= next.seats - (o.borrowLowwater ?? 0));
          }
          if (balanced && !optionsChanged) {
            assert.ok(
              occupiedSeats(next) + unusedReserved(next, o) <= next.seats,
              'reservation balance kept',
            );
          }
          // Queue order: whoever left the queue for a seat was ahead of everyone still waiting.
          const order = state.queue.map((e) => e.entryId);
          const served = order.filter((id) => ids(next).includes(id));
          const waiting = order.filter((id) => next.queue.some((e) => e.entryId === id));
          for (const s of served)
            for (const w of waiting) assert.ok(order.indexOf(s) < order.indexOf(w), 'served in order');
          assert.deepEqual(
            next.queue.map((e) => e.entryId).slice(0, waiting.length),
            waiting,
            'queue keeps its order',
          );
          assert.deepEqual(
            next.queue.map((e) => e.position),
            next.queue.map((_, i) => i + 1),
          );
          // After a sweep (expire, or the one each check-out runs first) nothing outlives its deadline.
          if (swept) {
            for (const l of next.leases)
              assert.ok(l.expiresAt > now, `lease ${l.leaseId} outlived its expiry`);
            for (const h of next.holds) assert.ok(h.holdUntil > now);
          }
          // Idempotent acquire: at most one lease per idempotency key.
          const keys = [...next.leases, ...[...next.holds, ...next.queue].map((e) => e.request)].flatMap(
            (l) => (l.idempotencyKey ? [l.idempotencyKey] : []),
          );
          assert.equal(new Set(keys).size, keys.length, 'one lease, hold or queue entry per idempotency key');
          state = next;
        });
      }),
      { numRuns: 300 },
    );
  });
});
