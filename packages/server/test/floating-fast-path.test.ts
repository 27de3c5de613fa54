// The floating fast path decides exactly as the core: random sequences of check-outs (plain, counted,
// waiting, idempotent, borrowing), check-ins, heartbeats, option changes and clock jumps go through
// HTTP — so through the fast path when it applies and the full path otherwise — and after each one the
// pool (leases, queue, holds), the answer and the usage events written must be what the core's
// decideCheckout, or expire + checkin, give on the state before at the instant the server decided; the
// pool summary, next deadline and slot keys must agree with that state. On both engines.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import {
  checkin as coreCheckin,
  decideCheckout,
  expire,
  type FeatureOptions,
  type FloatingOptionsDocument,
  type FloatingTerms,
  featureOptionsOf,
  floatingEventsOf,
  nextDeadline,
  type PoolEvent,
  type PoolState,
  type SeatRequest,
} from '@licentia/core';
import fc from 'fast-check';
import { forEachEngine } from '../../db/test/test-databases.ts';
import { checkPoolInvariants, jumpPool, observePool, useFastPathApp } from './floating-fast-path-fixture.ts';
import { type FloatingFixture, floating, floatingLicense, putOptions } from './floating-helpers.ts';
import type { TestApp } from './harness.ts';

const SEATS = 3;
const FEATURE = 'CAD';
// floatingLicense: policy heartbeat unset (60 s), borrowing up to 72 h.
const TERMS: FloatingTerms = { seats: SEATS, heartbeatIntervalSeconds: null, maxBorrowHours: 72 };
const USERS = ['alice', 'bob', 'carol'];
const UNKNOWN = 'lease_00000000000000000000000000';

type Op =
  | { op: 'out'; user: number; count: number; key?: string | undefined; wait: boolean; borrow: boolean }
  | { op: 'in'; pick: number; reason: 'NORMAL' | 'EXIT' }
  | { op: 'beat'; pick: number }
  | { op: 'jump'; ms: number }
  | { op: 'options'; doc: number };

// Options for CAD: none, pool settings only (the fast path still applies), rules that send every
// operation to the full path, and a rule of the other feature only (CAD stays fast).
const DOCS: Record<string, unknown>[] = [
  {},
  { features: { CAD: { heartbeatIntervalSeconds: 10, heartbeatTolerance: 3 } } },
  { features: { CAD: { seats: 2, holdSeconds: 5, queueTimeoutSeconds: 20, reserve: [], lingerSeconds: 0 } } },
  { features: { CAD: { lingerSeconds: 30 } } },
  { features: { CAD: { reserve: [{ count: 1, subject: { kind: 'USER', name: 'carol' } }] } } },
  { features: { CAD: { timeoutSeconds: 40 } } },
  { features: { CAM: { max: [{ count: 1, subject: { kind: 'USER', name: 'alice' } }] } } },
];

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      op: fc.constant('out' as const),
      user: fc.nat(USERS.length - 1),
      count: fc.constantFrom(1, 1, 1, 2),
      key: fc.option(fc.constantFrom('k1', 'k2'), { nil: undefined }),
      wait: fc.boolean(),
      borrow: fc.constantFrom(false, false, false, false, true),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('in' as const),
      pick: fc.nat(7),
      reason: fc.constantFrom('NORMAL' as const, 'EXIT' as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('beat' as const), pick: fc.nat(7) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('jump' as const),
      ms: fc.constantFrom(1_000, 25_000, 70_000, 130_000),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('options' as const), doc: fc.nat(DOCS.length - 1) }) },
);

type Observed = Awaited<ReturnType<typeof observePool>>;
type Expected = { state: PoolState; events: PoolEvent[] };

/** Drop undefined members and order leases and holds by id: states compare by value. */
const normal = (s: PoolState) =>
  JSON.parse(
    JSON.stringify({
      seats: s.seats,
      leases: [...s.leases].sort((a, b) => a.leaseId.localeCompare(b.leaseId)),
      queue: s.queue,
      holds: [...s.holds].sort((a, b) => a.entryId.localeCompare(b.entryId)),
    }),
  );

const fresh = (before: Observed, after: Observed) =>
  after.events.filter((e) => !before.events.some((b) => b.id === e.id));

/** Check out through HTTP; the core's decision on the state before, at the server's instant. */
async function checkoutStep(
  t: TestApp,
  f: FloatingFixture,
  op: Extract<Op, { op: 'out' }>,
  before: Observed,
  options: FeatureOptions,
  observe: () => Promise<Observed>,
): Promise<Expected> {
  const user = USERS[op.user]!;
  const borrowUntil = op.borrow ? Date.now() + 3_600_000 : undefined;
  const res = await floating(t, f, 'checkout', {
    feature: FEATURE,
    user,
    host: `ws-${user}`,
    count: op.count,
    wait: op.wait,
    ...(op.key ? { idempotencyKey: op.key } : {}),
    ...(borrowUntil ? { borrowUntil: new Date(borrowUntil).toISOString() } : {}),
  });
  assert.equal(res.status, 200, res.body);
  const now = Date.parse(res.json.meta.ts);
  // The id the server minted: the lease's, the queue entry's, or the one its denial was logged under.
  const denied = fresh(before, await observe()).find((e) => e.kind === 'DENIED');
  const id = res.json.lease?.id ?? res.json.queue?.entryId ?? denied?.lease_id ?? UNKNOWN;
  const request: SeatRequest = {
    id,
    user,
    host: `ws-${user}`,
    count: op.count,
    ip: '127.0.0.1',
    wait: op.wait,
    ...(op.key ? { idempotencyKey: op.key } : {}),
    ...(borrowUntil ? { borrowUntil } : {}),
  };
  const d = decideCheckout(before.state, request, options, now);
  assert.equal(res.json.granted, d.outcome === 'granted', `${JSON.stringify(op)}: ${res.body}`);
  assert.equal(res.json.queued ?? false, d.outcome === 'queued', res.body);
  if (d.outcome === 'denied') assert.equal(res.json.code, d.code, res.body);
  if (d.outcome === 'granted') {
    assert.equal(res.json.lease.id, d.lease.leaseId);
    assert.equal(Date.parse(res.json.lease.expiresAt), d.lease.expiresAt);
  }
  return { state: d.state, events: d.events };
}

/** Check in through HTTP; what the core does: sweep, then check in (a pool is locked only for its own ids). */
async function checkinStep(
  t: TestApp,
  f: FloatingFixture,
  op: Extract<Op, { op: 'in' }>,
  leaseId: string,
  before: Observed,
  options: FeatureOptions,
): Promise<Expected> {
  const res = await floating(t, f, 'checkin', { leaseId, reason: op.reason });
  assert.equal(res.status, 200, res.body);
  if (leaseId === UNKNOWN) return { state: before.state, events: [] };
  const now = Date.parse(res.json.meta.ts);
  const swept = expire(before.state, options, now);
  const lease = swept.state.leases.find((l) => l.leaseId === leaseId);
  assert.equal(res.json.checkedIn, lease !== undefined, res.body);
  if (!lease) return swept;
  const why = lease.borrowedUntil !== undefined ? 'BORROW_RETURNED' : op.reason;
  const r = coreCheckin(swept.state, leaseId, why, options, now);
  return { state: r.state, events: [...swept.events, ...r.events] };
}

/** The events written are the core's, each with its time and in-use count. */
function assertEvents(before: Observed, after: Observed, expected: Expected, label: string): void {
  const key = (e: { kind: string; leaseId: string; reason?: string | null }) =>
    `${e.kind}/${e.leaseId}/${e.reason ?? ''}`;
  const written = fresh(before, after).map((e) => ({
    kind: e.kind,
    leaseId: e.lease_id!,
    count: e.count,
    user: e.user_name,
    reason: e.reason,
    at: e.occurred_at.getTime(),
    inUseAfter: e.in_use_after,
    waitMs: e.wait_ms,
  }));
  const core = floatingEventsOf(before.state, expected.state, expected.events).map((e) => ({
    kind: e.kind,
    leaseId: e.leaseId,
    count: e.count,
    user: e.user,
    reason: e.reason ?? null,
    at: e.at,
    inUseAfter: e.inUseAfter,
    waitMs: e.waitMs ?? null,
  }));
  const sorted = <T extends { kind: string; leaseId: string; reason?: string | null }>(rows: T[]) =>
    rows.sort((a, b) => key(a).localeCompare(key(b)));
  assert.deepEqual(sorted(written), sorted(core), `events of ${label}`);
}

forEachEngine('floating fast path', (engine) => {
  const harness = useFastPathApp(engine);

  it('decides every operation as the core does, on the fast path whenever it applies', async () => {
    const { t, tenant, stats } = harness();
    let fastChecked = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 4, maxLength: 22 }), async (ops) => {
        const f = await floatingLicense(t, tenant, SEATS);
        let doc: FloatingOptionsDocument = { groups: {}, hostGroups: {}, features: {} };
        const observe = () => observePool(t, f.licenseId, FEATURE, TERMS, doc);
        for (const op of ops) {
          const before = await observe();
          const ids = [
            ...before.state.leases.map((l) => l.leaseId),
            ...before.state.queue.map((q) => q.entryId),
            ...before.state.holds.map((h) => h.entryId),
            UNKNOWN,
          ];
          const options = featureOptionsOf(TERMS, doc, FEATURE);
          const decidedBefore = stats.decided;
          let expected: Expected | undefined;
          if (op.op === 'out') {
            expected = await checkoutStep(t, f, op, before, options, observe);
          } else if (op.op === 'in') {
            expected = await checkinStep(t, f, op, ids[op.pick % ids.length]!, before, options);
          } else if (op.op === 'beat') {
            await floating(t, f, 'heartbeat', { leaseId: ids[op.pick % ids.length]! });
          } else if (op.op === 'jump') {
            if (before.row) await jumpPool(t, before.row.id, op.ms);
          } else {
            await putOptions(t, f, DOCS[op.doc]!);
            // As stored (normalized): what the server decides on.
            const stored = await t.database.db
              .selectFrom('floating_options')
              .select('options')
              .where('license_id', '=', f.licenseId)
              .executeTakeFirstOrThrow();
            doc = stored.options as FloatingOptionsDocument;
          }
          const after = await observe();
          if (expected) {
            const fast = stats.decided > decidedBefore;
            const label = `${JSON.stringify(op)} (${fast ? 'fast' : 'full'} path)`;
            assert.deepEqual(normal(after.state), normal(expected.state), `state after ${label}`);
            assertEvents(before, after, expected, label);
            if (fast) {
              fastChecked++;
              const due = nextDeadline(after.state, options) ?? null;
              assert.equal(after.row!.next_due_at?.getTime() ?? null, due, `next deadline after ${label}`);
            }
          }
          // A grant never takes the pool beyond its seats (a lowered `seats` option may leave it above).
          for (const e of fresh(before, after)) {
            if (e.kind === 'OUT' || e.kind === 'BORROW') assert.ok(e.in_use_after <= after.state.seats);
          }
          if (after.row) await checkPoolInvariants(t, f.licenseId, FEATURE, after.state);
        }
      }),
      // FC_SEED / FC_PATH replay a reported counterexample (fast-check prints both on failure);
      // FC_RUNS runs more sequences when hunting for one.
      process.env.FC_SEED
        ? { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH, endOnFailure: true }
        : { numRuns: Number(process.env.FC_RUNS ?? 25) },
    );
    assert.ok(fastChecked >= 20, `only ${fastChecked} operations took the fast path`);
  });
});
