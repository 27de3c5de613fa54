// Concurrency on PostgreSQL (PGlite is one connection, so it cannot race): two app instances with their
// own connection pools — as two server processes — never put more seats out than the pool owns, and the
// slot keys refuse a write that would take an occupied seat even if the decision above them were wrong.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { floatingRepository } from '@licentia/db';
import { openTestDatabase, testEngines } from '../../db/test/test-databases.ts';
import { buildApp } from '../src/app.ts';
import { bootstrap } from '../src/bootstrap/bootstrap.ts';
import { checkout, floating, floatingLicense } from './floating-helpers.ts';
import { newTenant, type Tenant, type TestApp } from './harness.ts';

const SEATS = 3;

const suite = testEngines().includes('postgres') ? describe : describe.skip;

suite('floating concurrency [postgres]', () => {
  let t: TestApp;
  let second: TestApp;
  let tenant: Tenant;
  before(async () => {
    // Two instances sharing the master key, as server processes of one deployment do.
    const masterKey = new Uint8Array(randomBytes(32));
    const open = async () => {
      const database = await openTestDatabase('postgres');
      const { app, ctx } = await buildApp({ database, webRoot: null, masterKey });
      return { engine: 'postgres' as const, app, ctx, database, operatorToken: '' };
    };
    t = await open();
    second = await open();
    t.operatorToken = (
      await bootstrap(t.ctx, { bootstrapToken: null, demo: false, issueOperatorToken: true })
    ).operatorToken!;
    tenant = await newTenant(t);
  });
  after(async () => {
    for (const x of [second, t]) {
      await x?.app.close();
      await x?.database.close();
    }
  });

  const maxInUse = async (licenseId: string) =>
    (
      await t.database.db
        .selectFrom('floating_events')
        .select((eb) => eb.fn.max('in_use_after').as('peak'))
        .where('license_id', '=', licenseId)
        .executeTakeFirstOrThrow()
    ).peak;

  it('grants exactly 3 of 60 simultaneous check-outs on a 3-seat pool, across two app instances', async () => {
    const f = await floatingLicense(t, tenant, SEATS);
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) => checkout(i % 2 ? t : second, f, { user: `u${i}`, host: `h${i}` })),
    );
    for (const a of answers) assert.equal(a.status, 200, a.body);
    const granted = answers.filter((a) => a.json.granted);
    assert.equal(granted.length, SEATS);
    assert.ok(answers.filter((a) => !a.json.granted).every((a) => a.json.code === 'NO_SEATS'));
    assert.equal(await maxInUse(f.licenseId), SEATS);
    const slots = await t.database.db
      .selectFrom('floating_slots as s')
      .innerJoin('floating_pools as p', 'p.id', 's.pool_id')
      .select(['s.slot_no', 's.occupant_id'])
      .where('p.license_id', '=', f.licenseId)
      .execute();
    assert.equal(slots.length, SEATS);
    assert.deepEqual(new Set(slots.map((s) => s.occupant_id)), new Set(granted.map((a) => a.json.lease.id)));
  });

  it('never has more than 3 seats out while 30 clients check out and in concurrently', async () => {
    const f = await floatingLicense(t, tenant, SEATS);
    let grants = 0;
    await Promise.all(
      Array.from({ length: 30 }, async (_, i) => {
        const app = i % 2 ? t : second;
        for (let round = 0; round < 4; round++) {
          const res = await checkout(app, f, {
            user: `c${i}`,
            host: `h${i}`,
            idempotencyKey: `k${i}-${round}`,
          });
          if (!res.json.granted) continue;
          grants++;
          const ci = await floating(app, f, 'checkin', { leaseId: res.json.lease.id });
          assert.equal(ci.json.checkedIn, true);
        }
      }),
    );
    assert.ok(grants >= SEATS, `${grants} grants`);
    assert.ok((await maxInUse(f.licenseId))! <= SEATS);
    const pool = await t.database.db
      .selectFrom('floating_pools')
      .select(['in_use'])
      .where('license_id', '=', f.licenseId)
      .executeTakeFirstOrThrow();
    assert.equal(pool.in_use, 0);
  });

  it('refuses, by its slot keys, a write that would take an occupied seat', async () => {
    const f = await floatingLicense(t, tenant, 1);
    const held = (await checkout(t, f, {})).json.lease;
    await assert.rejects(
      t.database.db.transaction().execute(async (trx) => {
        const { pool, loaded } = (await floatingRepository.lockPool(
          trx,
          tenant.accountId,
          f.licenseId,
          'CAD',
        ))!;
        // A faulty decision: a second lease on the only seat, as if it were free.
        await floatingRepository.savePool(trx, {
          pool: { ...pool, seats: 1, inUse: 2, borrowed: 0, queued: 0, nextDueAt: null },
          now: loaded.now,
          deletedLeaseIds: [],
          leases: [],
          deletedQueueIds: [],
          queue: [],
          slots: {
            updates: [{ slotNo: 1, occupantId: 'lease_intruder', previous: null }],
            inserts: [],
            deletes: [],
          },
          events: [],
        });
      }),
      /slot keys/,
    );
    const slot = await t.database.db
      .selectFrom('floating_slots as s')
      .innerJoin('floating_pools as p', 'p.id', 's.pool_id')
      .select('s.occupant_id')
      .where('p.license_id', '=', f.licenseId)
      .executeTakeFirstOrThrow();
    assert.equal(slot.occupant_id, held.id);
  });
});
