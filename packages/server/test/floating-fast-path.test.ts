// The floating fast path decides exactly as the core: random sequences of check-outs (plain, counted,
// waiting, idempotent, borrowing), check-ins, heartbeats, option changes and clock jumps go through
// HTTP — so through the fast path when it applies and the full path otherwise — and after each one the
// pool (leases, queue, holds), the answer and the usage events written must be what the core's
// decideCheckout / expire + checkin give on the state before, at the instant the server decided; the
// pool summary, next deadline and slot keys must agree with that state. On both engines.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import {
  checkin as coreCheckin,
  decideCheckout,
  expire,
  type FloatingOptionsDocument,
  type FloatingTerms,
  featureOptionsOf,
  floatingEventsOf,
  nextDeadline,
  occupiedSeats,
  type PoolEvent,
  type PoolState,
  poolConfigOf,
  type SeatRequest,
} from '@licentia/core';
import { floatingRepository } from '@licentia/db';
import fc from 'fast-check';
import { sql } from 'kysely';
import { forEachEngine, openTestDatabase } from '../../db/test/test-databases.ts';
import { buildApp } from '../src/app.ts';
import { bootstrap } from '../src/bootstrap/bootstrap.ts';
import { toPoolState } from '../src/floating/pool-state-mapping.ts';
import { type FloatingFixture, floating, floatingLicense, putOptions } from './floating-helpers.ts';
import { newTenant, type Tenant, type TestApp } from './harness.ts';

const SEATS = 3;
const FEATURE = 'CAD';
// floatingLicense: policy heartbeat unset (60 s), borrowing up to 72 h.
const TERMS: FloatingTerms = { seats: SEATS, heartbeatIntervalSeconds: null, maxBorrowHours: 72 };
const USERS = ['alice', 'bob', 'carol'];

type Op =
  | { op: 'out'; user: number; count: number; key?: string; wait: boolean; borrow: boolean }
  | { op: 'in'; pick: number; reason: 'NORMAL' | 'EXIT' }
  | { op: 'beat'; pick: number }
  | { op: 'jump'; ms: number }
  | { op: 'options'; doc: number };

// Option documents for CAD: none, pool settings only (fast path still applies), and rules that send
// every operation to the full path; one only for the other feature (CAD stays fast).
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
    arbitrary: fc.record({ op: fc.constant('jump' as const), ms: fc.constantFrom(1_000, 25_000, 70_000, 130_000) }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('options' as const), doc: fc.nat(DOCS.length - 1) }) },
);

/** Drop undefined members, order leases and holds by id: states compare by value. */
const normal = (s: PoolState) =>
  JSON.parse(
    JSON.stringify({
      seats: s.seats,
      leases: [...s.leases].sort((a, b) => a.leaseId.localeCompare(b.leaseId)),
      queue: s.queue,
      holds: [...s.holds].sort((a, b) => a.entryId.localeCompare(b.entryId)),
    }),
  );

forEachEngine('floating fast path', (engine) => {
  let t: TestApp;
  let tenant: Tenant;
  let fastDone = 0;
  const original = floatingRepository.fastBatch;
  before(async () => {
    // Its own app without the sweeper: the pool changes only through the operations under test.
    const database = await openTestDatabase(engine);
    const { app, ctx } = await buildApp({ database, webRoot: null, floatingSweepMs: 0 });
    const { operatorToken } = await bootstrap(ctx, {
      bootstrapToken: null,
      demo: false,
      issueOperatorToken: true,
    });
    t = { engine, app, ctx, database, operatorToken: operatorToken! };
    tenant = await newTenant(t);
    floatingRepository.fastBatch = async (db, ops) => {
      const answers = await original(db, ops);
      fastDone += answers.filter((a) => a.decided).length;
      return answers;
    };
  });
  after(async () => {
    floatingRepository.fastBatch = original;
    await t?.app.close();
    await t?.database.close();
  });

  const db = () => t.database.db;

  async function poolRow(f: FloatingFixture) {
    return db()
      .selectFrom('floating_pools')
      .selectAll()
      .where('license_id', '=', f.licenseId)
      .where('feature', '=', FEATURE)
      .executeTakeFirst();
  }

  /** The pool's state as the core sees it under `doc`, and the ids of the events written so far. */
  async function observe(f: FloatingFixture, doc: FloatingOptionsDocument) {
    const config = poolConfigOf(TERMS, doc, FEATURE);
    const row = await poolRow(f);
    const state = row
      ? toPoolState(config, await floatingRepository.loadPool(db(), { ...row, ...ids(row) }))
      : { ...config, leases: [], queue: [], holds: [] };
    const events = await db()
      .selectFrom('floating_events')
      .selectAll()
      .where('license_id', '=', f.licenseId)
      .execute();
    return { row, state, events };
  }

  const ids = (row: { account_id: string; organization_id: string; license_id: string; next_due_at: Date | null }) => ({
    accountId: row.account_id,
    organizationId: row.organization_id,
    licenseId: row.license_id,
    nextDueAt: row.next_due_at,
  });

  /** Every time in the pool moves `ms` into the past: the same as the database clock jumping ahead. */
  async function jump(poolId: string, ms: number) {
    const d = sql`(${ms}::int * interval '1 millisecond')`;
    await sql`UPDATE floating_leases SET started_at = started_at - ${d}, expires_at = expires_at - ${d},
      last_active_at = last_active_at - ${d}, borrowed_until = borrowed_until - ${d},
      linger_until = linger_until - ${d} WHERE pool_id = ${poolId}`.execute(db());
    await sql`UPDATE floating_queue SET enqueued_at = enqueued_at - ${d},
      last_heartbeat_at = last_heartbeat_at - ${d}, granted_at = granted_at - ${d},
      held_until = held_until - ${d} WHERE pool_id = ${poolId}`.execute(db());
    await sql`UPDATE floating_pools SET next_due_at = next_due_at - ${d} WHERE id = ${poolId}`.execute(db());
  }

  async function checkInvariants(f: FloatingFixture, state: PoolState) {
    const row = (await poolRow(f))!;
    assert.ok(occupiedSeats(state) <= state.seats, 'never more seats out than the pool has');
    assert.equal(row.in_use, occupiedSeats(state), 'pool summary: in use');
    assert.equal(row.queued, state.queue.length, 'pool summary: queued');
    const slots = await db()
      .selectFrom('floating_slots')
      .select(['slot_no', 'occupant_id'])
      .where('pool_id', '=', row.id)
      .execute();
    const held = new Map<string, number>();
    for (const s of slots) if (s.occupant_id) held.set(s.occupant_id, (held.get(s.occupant_id) ?? 0) + 1);
    const occupants = new Map([
      ...state.leases.map((l) => [l.leaseId, l.count] as const),
      ...state.holds.map((h) => [h.entryId, h.request.count] as const),
    ]);
    assert.deepEqual(held, occupants, 'every lease and hold holds exactly its slot keys');
  }

  it('decides every operation as the core does, on the fast path whenever it applies', async () => {
    let fastChecked = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 4, maxLength: 22 }), async (ops) => {
        const f = await floatingLicense(t, tenant, SEATS);
        let doc: FloatingOptionsDocument = { groups: {}, hostGroups: {}, features: {} };
        for (const op of ops) {
          const before = await observe(f, doc);
          const known = [
            ...before.state.leases.map((l) => l.leaseId),
            ...before.state.queue.map((q) => q.entryId),
            ...before.state.holds.map((h) => h.entryId),
            'lease_00000000000000000000000000',
          ];
          const options = featureOptionsOf(TERMS, doc, FEATURE);
          const fastBefore = fastDone;
          let expected: { state: PoolState; events: PoolEvent[] } | undefined;
          let now: number | undefined;
          if (op.op === 'out') {
            const user = USERS[op.user]!;
            const borrowUntil = op.borrow ? Date.now() + 3_600_000 : undefined;
            const body = {
              feature: FEATURE,
              user,
              host: `ws-${user}`,
              count: op.count,
              wait: op.wait,
              ...(op.key ? { idempotencyKey: op.key } : {}),
              ...(borrowUntil ? { borrowUntil: new Date(borrowUntil).toISOString() } : {}),
            };
            const res = await floating(t, f, 'checkout', body);
            assert.equal(res.status, 200, res.body);
            now = Date.parse(res.json.meta.ts);
            const after = await observe(f, doc);
            const fresh = after.events.filter((e) => !before.events.some((b) => b.id === e.id));
            const id =
              res.json.lease?.id ??
              res.json.queue?.entryId ??
              fresh.find((e) => e.kind === 'DENIED')?.lease_id ??
              'lease_00000000000000000000000000';
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
            expected = { state: d.state, events: d.events };
          } else if (op.op === 'in') {
            const leaseId = known[op.pick % known.length]!;
            const res = await floating(t, f, 'checkin', { leaseId, reason: op.reason });
            assert.equal(res.status, 200, res.body);
            now = Date.parse(res.json.meta.ts);
            if (!known.slice(0, -1).includes(leaseId)) {
              expected = { state: before.state, events: [] };
            } else {
              const swept = expire(before.state, options, now);
              const lease = swept.state.leases.find((l) => l.leaseId === leaseId);
              assert.equal(res.json.checkedIn, lease !== undefined, res.body);
              if (!lease) expected = swept;
              else {
                const why = lease.borrowedUntil !== undefined ? 'BORROW_RETURNED' : op.reason;
                const r = coreCheckin(swept.state, leaseId, why, options, now);
                expected = { state: r.state, events: [...swept.events, ...r.events] };
              }
            }
          } else if (op.op === 'beat') {
            const leaseId = known[op.pick % known.length]!;
            await floating(t, f, 'heartbeat', { leaseId });
          } else if (op.op === 'jump') {
            if (before.row) await jump(before.row.id, op.ms);
          } else {
            const next = DOCS[op.doc]!;
            await putOptions(t, f, next);
            doc = { groups: {}, hostGroups: {}, features: {}, ...(next as Partial<FloatingOptionsDocument>) };
          }
          const after = await observe(f, doc);
          if (expected && now !== undefined) {
            const fast = fastDone > fastBefore;
            const label = `${JSON.stringify(op)} (${fast ? 'fast' : 'full'} path)`;
            assert.deepEqual(normal(after.state), normal(expected.state), `state after ${label}`);
            const fresh = after.events.filter((e) => !before.events.some((b) => b.id === e.id));
            const rows = floatingEventsOf(before.state, expected.state, expected.events);
            const key = (e: { kind: string; leaseId: string; reason?: string | null }) =>
              `${e.kind}/${e.leaseId}/${e.reason ?? ''}`;
            assert.deepEqual(
              fresh
                .map((e) => ({
                  kind: e.kind,
                  leaseId: e.lease_id!,
                  count: e.count,
                  user: e.user_name,
                  reason: e.reason,
                  at: e.occurred_at.getTime(),
                  inUseAfter: e.in_use_after,
                  waitMs: e.wait_ms,
                }))
                .sort((a, b) => key(a).localeCompare(key(b))),
              rows
                .map((e) => ({
                  kind: e.kind,
                  leaseId: e.leaseId,
                  count: e.count,
                  user: e.user,
                  reason: e.reason ?? null,
                  at: e.at,
                  inUseAfter: e.inUseAfter,
                  waitMs: e.waitMs ?? null,
                }))
                .sort((a, b) => key(a).localeCompare(key(b))),
              `events of ${label}`,
            );
            if (fast) {
              fastChecked++;
              const due = nextDeadline(after.state, options);
              assert.equal(after.row!.next_due_at?.getTime() ?? null, due ?? null, `next deadline after ${label}`);
              assert.equal(after.row!.borrowed, after.state.leases.reduce((n, l) => n + (l.borrowedUntil ? l.count : 0), 0));
            }
          }
          if (after.row) await checkInvariants(f, after.state);
        }
      }),
      { numRuns: engine === 'pglite' ? 12 : 15 },
    );
    assert.ok(fastChecked >= 20, `only ${fastChecked} operations took the fast path`);
  });
});
