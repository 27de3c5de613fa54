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
    arbitrary: fc.record({
      op: fc.constant('jump' as const),
      ms: fc.constantFrom(1_000, 25_000, 70_000, 130_000),
    }),
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
      largestBatch = Math.max(largestBatch, ops.length);
      return answers;
    };
  });
  let largestBatch = 0;
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
      ? toPoolState(
          config,
          await floatingRepository.loadPool(db(), {
            id: row.id,
            accountId: row.account_id,
            organizationId: row.organization_id,
            licenseId: row.license_id,
            feature: row.feature,
            seats: row.seats,
            nextDueAt: row.next_due_at,
            version: Number(row.version),
          }),
        )
      : { ...config, leases: [], queue: [], holds: [] };
    const events = await db()
      .selectFrom('floating_events')
      .selectAll()
      .where('license_id', '=', f.licenseId)
      .execute();
    return { row, state, events };
  }

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
            // As stored (normalized), which is what the server decides on.
            const stored = await db()
              .selectFrom('floating_options')
              .select('options')
              .where('license_id', '=', f.licenseId)
              .executeTakeFirstOrThrow();
            doc = stored.options as FloatingOptionsDocument;
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
              assert.equal(
                after.row!.next_due_at?.getTime() ?? null,
                due ?? null,
                `next deadline after ${label}`,
              );
              assert.equal(
                after.row!.borrowed,
                after.state.leases.reduce((n, l) => n + (l.borrowedUntil ? l.count : 0), 0),
              );
            }
          }
          // A grant never takes the pool beyond its seats (a lowered `seats` option may leave it above).
          for (const e of after.events.filter((x) => !before.events.some((b) => b.id === x.id))) {
            if (e.kind === 'OUT' || e.kind === 'BORROW')
              assert.ok(e.in_use_after <= after.state.seats, 'oversold');
          }
          if (after.row) await checkInvariants(f, after.state);
        }
      }),
      { numRuns: 25 },
    );
    assert.ok(fastChecked >= 20, `only ${fastChecked} operations took the fast path`);
  });

  it('batches concurrent requests of a license across its pools without overselling or losing a seat', async () => {
    const f = await floatingLicense(t, tenant, 4);
    const out = (feature: string, user: string, extra = {}) =>
      floating(t, f, 'checkout', { feature, user, host: `ws-${user}`, ...extra });
    // Pools are created by the full path on first use.
    for (const feature of ['CAD', 'CAM']) {
      const first = await out(feature, 'first');
      await floating(t, f, 'checkin', { leaseId: first.json.lease.id });
    }
    const before = largestBatch;
    largestBatch = 0;
    const answers = await Promise.all([
      ...Array.from({ length: 10 }, (_, i) => out('CAD', `u${i}`)),
      ...Array.from({ length: 6 }, (_, i) => out('CAM', `v${i}`, { count: 1 + (i % 2) })),
      out('CAD', 'retry', { idempotencyKey: 'same' }),
      out('CAD', 'retry', { idempotencyKey: 'same' }),
    ]);
    // PGlite answers a statement before the next request reaches the batcher: batches form on PostgreSQL.
    if (engine === 'postgres') assert.ok(largestBatch > 1, 'concurrent requests were batched');
    largestBatch = Math.max(before, largestBatch);
    for (const a of answers) assert.equal(a.status, 200, a.body);
    const granted = answers.filter((a) => a.json.granted).map((a) => a.json.lease);
    const seatsOf = (feature: string) =>
      granted.filter((l) => l.feature === feature).reduce((n, l) => n + (l.count as number), 0);
    const retried = answers.slice(-2).filter((a) => a.json.granted);
    if (retried.length === 2) assert.equal(retried[0]!.json.lease.id, retried[1]!.json.lease.id);
    const distinct = new Map(granted.map((l) => [l.id, l]));
    const held = (feature: string) =>
      [...distinct.values()]
        .filter((l) => l.feature === feature)
        .reduce((n, l) => n + (l.count as number), 0);
    assert.equal(held('CAD'), 4, 'the CAD pool is exactly full');
    assert.ok(held('CAM') <= 4 && held('CAM') >= 3, `CAM holds ${held('CAM')}`);
    assert.ok(seatsOf('CAD') >= held('CAD'));
    const pools = await db()
      .selectFrom('floating_pools')
      .select(['id', 'feature', 'in_use', 'next_due_at'])
      .where('license_id', '=', f.licenseId)
      .execute();
    for (const p of pools) assert.equal(p.in_use, held(p.feature));
    const peak = await db()
      .selectFrom('floating_events')
      .select((eb) => eb.fn.max('in_use_after').as('peak'))
      .where('license_id', '=', f.licenseId)
      .executeTakeFirstOrThrow();
    assert.ok(Number(peak.peak) <= 4);

    const back = await Promise.all([
      ...[...distinct.keys()].map((leaseId) => floating(t, f, 'checkin', { leaseId })),
      floating(t, f, 'checkin', { leaseId: 'lease_00000000000000000000000000' }),
    ]);
    assert.deepEqual(
      back.map((a) => a.json.checkedIn),
      [...[...distinct.keys()].map(() => true), false],
    );
    const empty = await db()
      .selectFrom('floating_pools')
      .select(['in_use', 'next_due_at'])
      .where('license_id', '=', f.licenseId)
      .execute();
    assert.deepEqual(empty, [
      { in_use: 0, next_due_at: null },
      { in_use: 0, next_due_at: null },
    ]);
    const occupied = await db()
      .selectFrom('floating_slots')
      .select('occupant_id')
      .where(
        'pool_id',
        'in',
        pools.map((p) => p.id),
      )
      .where('occupant_id', 'is not', null)
      .execute();
    assert.deepEqual(occupied, []);
  });

  it('decides a mixed batch in one statement as if its operations came one by one', async () => {
    const f = await floatingLicense(t, tenant, 2);
    for (const feature of ['CAD', 'CAM']) {
      const first = await floating(t, f, 'checkout', { feature, user: 'first', host: 'h' });
      await floating(t, f, 'checkin', { leaseId: first.json.lease.id });
    }
    const held = (await floating(t, f, 'checkout', { feature: 'CAD', user: 'u0', host: 'h' })).json.lease.id;
    const base = { accountId: tenant.accountId, licenseId: f.licenseId, licenseSeats: 2 };
    const leases = Array.from({ length: 6 }, () => t.ctx.newId('lease'));
    const outOp = (
      i: number,
      feature: string,
      user: string,
      extra: { count?: number; key?: string } = {},
    ) => ({
      ...base,
      kind: 'out' as const,
      feature,
      heartbeatIntervalSeconds: 60,
      heartbeatTolerance: 2,
      leaseId: leases[i]!,
      eventId: t.ctx.newId('floatingEvent'),
      count: extra.count ?? 1,
      user,
      host: 'h',
      group: null,
      department: null,
      ip: null,
      display: null,
      fingerprint: null,
      idempotencyKey: extra.key ?? null,
    });
    const inOp = (leaseId: string) => ({
      ...base,
      kind: 'in' as const,
      leaseId,
      reason: 'NORMAL' as const,
      eventId: t.ctx.newId('floatingEvent'),
    });
    const answers = await floatingRepository.fastBatch(db(), [
      outOp(0, 'CAD', 'u1'), // CAD: 2 of 2
      outOp(1, 'CAM', 'u2', { count: 2 }), // another pool of the license
      outOp(2, 'CAD', 'u3'), // full: declined (the full path denies it)
      inOp(held), // CAD: 1 of 2
      outOp(4, 'CAD', 'u5', { key: 'k' }), // CAD: 2 of 2
      outOp(5, 'CAD', 'u5', { key: 'k' }), // the key is taken: declined (the full path resumes it)
      inOp('lease_00000000000000000000000000'),
    ]);
    assert.deepEqual(
      answers.map((a) => a.decided),
      [true, true, false, true, true, false, false],
    );
    const events = await db()
      .selectFrom('floating_events as e')
      .innerJoin('floating_pools as p', (j) =>
        j.onRef('p.license_id', '=', 'e.license_id').onRef('p.feature', '=', 'e.feature'),
      )
      .select(['e.feature', 'e.kind', 'e.lease_id', 'e.in_use_after', 'p.in_use'])
      .where('e.license_id', '=', f.licenseId)
      .where('e.lease_id', 'in', [...leases, held])
      .execute();
    // Events of one batch may share a millisecond: compared as a set, each with its own in-use after.
    const cad = events.filter((e) => e.feature === 'CAD');
    const byKey = (a: unknown[], b: unknown[]) => `${a[0]}${a[1]}`.localeCompare(`${b[0]}${b[1]}`);
    assert.deepEqual(
      cad.map((e) => [e.kind, e.lease_id, e.in_use_after]).sort(byKey),
      [
        ['OUT', held, 1],
        ['OUT', leases[0], 2],
        ['IN', held, 1],
        ['OUT', leases[4], 2],
      ].sort(byKey),
    );
    assert.deepEqual(
      events.filter((e) => e.feature === 'CAM').map((e) => [e.kind, e.lease_id, e.in_use_after, e.in_use]),
      [['OUT', leases[1], 2, 2]],
    );
    assert.equal(cad[0]!.in_use, 2);
  });
});
