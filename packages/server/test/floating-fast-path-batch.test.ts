// The fast path batches a license's concurrent operations into one statement: over HTTP, concurrent
// check-outs and check-ins on two pools of a license neither oversell nor lose a seat; and one batch,
// called directly, decides each operation as if it came alone, in order, on both engines.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { floatingRepository } from '@licentia/db';
import { forEachEngine } from '../../db/test/test-databases.ts';
import { useFastPathApp } from './floating-fast-path-fixture.ts';
import { floating, floatingLicense } from './floating-helpers.ts';

const UNKNOWN = 'lease_00000000000000000000000000';

forEachEngine('floating fast path batches', (engine) => {
  const harness = useFastPathApp(engine);

  it('batches concurrent requests of a license across its pools without overselling or losing a seat', async () => {
    const { t, tenant, stats } = harness();
    const db = t.database.db;
    const f = await floatingLicense(t, tenant, 4);
    const out = (feature: string, user: string, extra = {}) =>
      floating(t, f, 'checkout', { feature, user, host: `ws-${user}`, ...extra });
    // Pools are created by the full path on first use.
    for (const feature of ['CAD', 'CAM']) {
      const first = await out(feature, 'first');
      await floating(t, f, 'checkin', { leaseId: first.json.lease.id });
    }
    stats.largestBatch = 0;
    const answers = await Promise.all([
      ...Array.from({ length: 10 }, (_, i) => out('CAD', `u${i}`)),
      ...Array.from({ length: 6 }, (_, i) => out('CAM', `v${i}`, { count: 1 + (i % 2) })),
      out('CAD', 'retry', { idempotencyKey: 'same' }),
      out('CAD', 'retry', { idempotencyKey: 'same' }),
    ]);
    // PGlite answers a statement before the next request reaches the batcher: batches form on PostgreSQL.
    if (engine === 'postgres') assert.ok(stats.largestBatch > 1, 'concurrent requests were batched');
    for (const a of answers) assert.equal(a.status, 200, a.body);
    const retried = answers.slice(-2).filter((a) => a.json.granted);
    if (retried.length === 2) assert.equal(retried[0]!.json.lease.id, retried[1]!.json.lease.id);
    const leases = new Map(answers.filter((a) => a.json.granted).map((a) => [a.json.lease.id, a.json.lease]));
    const held = (feature: string) =>
      [...leases.values()].filter((l) => l.feature === feature).reduce((n, l) => n + (l.count as number), 0);
    assert.equal(held('CAD'), 4, 'the CAD pool is exactly full');
    assert.ok(held('CAM') >= 3 && held('CAM') <= 4, `CAM holds ${held('CAM')}`);
    const pools = await db
      .selectFrom('floating_pools')
      .select(['id', 'feature', 'in_use'])
      .where('license_id', '=', f.licenseId)
      .execute();
    for (const p of pools) assert.equal(p.in_use, held(p.feature));
    const peak = await db
      .selectFrom('floating_events')
      .select((eb) => eb.fn.max('in_use_after').as('peak'))
      .where('license_id', '=', f.licenseId)
      .executeTakeFirstOrThrow();
    assert.ok(Number(peak.peak) <= 4);

    const back = await Promise.all([
      ...[...leases.keys()].map((leaseId) => floating(t, f, 'checkin', { leaseId })),
      floating(t, f, 'checkin', { leaseId: UNKNOWN }),
    ]);
    assert.deepEqual(
      back.map((a) => a.json.checkedIn),
      [...[...leases.keys()].map(() => true), false],
    );
    const empty = await db
      .selectFrom('floating_pools')
      .select(['in_use', 'next_due_at'])
      .where('license_id', '=', f.licenseId)
      .execute();
    assert.deepEqual(empty, [
      { in_use: 0, next_due_at: null },
      { in_use: 0, next_due_at: null },
    ]);
    const occupied = await db
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
    const { t, tenant } = harness();
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
    const answers = await floatingRepository.fastBatch(t.database.db, [
      outOp(0, 'CAD', 'u1'), // CAD: 2 of 2
      outOp(1, 'CAM', 'u2', { count: 2 }), // another pool of the license
      outOp(2, 'CAD', 'u3'), // full: declined (the full path denies it)
      inOp(held), // CAD: 1 of 2
      outOp(4, 'CAD', 'u5', { key: 'k' }), // CAD: 2 of 2
      outOp(5, 'CAD', 'u5', { key: 'k' }), // the key is taken: declined (the full path resumes it)
      inOp(UNKNOWN),
    ]);
    assert.deepEqual(
      answers.map((a) => a.decided),
      [true, true, false, true, true, false, false],
    );
    const events = await t.database.db
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
    assert.equal(cad[0]!.in_use, 2);
    assert.deepEqual(
      events.filter((e) => e.feature === 'CAM').map((e) => [e.kind, e.lease_id, e.in_use_after, e.in_use]),
      [['OUT', leases[1], 2, 2]],
    );
  });
});
