// Floating licenses through HTTP on both engines: grants with signed lease tokens, denials, the queue
// (polls and long polls), borrowing, linger, idempotent acquire, heartbeat, check-in, admin removal,
// options precedence and the usage events every change writes.
import assert from 'node:assert/strict';
import { createPublicKey } from 'node:crypto';
import { before, it } from 'node:test';
import { decodeJws, verifyDecodedJws } from '@licentia/core';
import { forEachEngine } from '../../db/test/test-databases.ts';
import {
  checkout,
  type FloatingFixture,
  floating,
  floatingLicense,
  licensePath,
  pool,
  putOptions,
} from './floating-helpers.ts';
import { call, newTenant, type Tenant, useTestApp } from './harness.ts';
import { productToken } from './validation-helpers.ts';

const HOUR = 3_600_000;

forEachEngine('floating licenses', (engine) => {
  const getApp = useTestApp(engine);
  let tenant: Tenant;
  before(async () => {
    tenant = await newTenant(getApp());
  });
  const license = (seats: number, policy = {}) => floatingLicense(getApp(), tenant, seats, policy);
  const events = (f: FloatingFixture) =>
    getApp()
      .database.db.selectFrom('floating_events')
      .select(['kind', 'reason', 'in_use_after as inUseAfter', 'user_name as user'])
      .where('license_id', '=', f.licenseId)
      .orderBy('occurred_at')
      .orderBy('id')
      .execute();

  it('grants a seat with a lease expiring at interval × tolerance and a lease token signed by the account key', async () => {
    const t = getApp();
    const f = await license(3);
    const res = await checkout(t, f, { fingerprint: 'fp-1', nonce: 'n-1' });
    assert.equal(res.status, 200, res.body);
    assert.equal(res.json.granted, true);
    const lease = res.json.lease;
    assert.match(lease.id, /^lease_/);
    assert.equal(Date.parse(lease.expiresAt) - Date.parse(lease.startedAt), 120_000);
    assert.equal(lease.heartbeatIntervalSeconds, 60);
    assert.ok(res.headers['licentia-signature'], 'the answer is signed');
    assert.equal(res.json.meta.nonce, 'n-1');
    const decoded = decodeJws<Record<string, unknown>>(res.json.leaseToken)!;
    assert.equal(decoded.header.typ, 'lease+jwt');
    assert.deepEqual(
      [
        decoded.payload.sub,
        decoded.payload.lic,
        decoded.payload.feat,
        decoded.payload.fp,
        decoded.payload.exp,
      ],
      [lease.id, f.licenseId, 'CAD', 'fp-1', Math.floor(Date.parse(lease.expiresAt) / 1000)],
    );
    const jwks = (await call(t, 'GET', `/v1/accounts/${tenant.accountId}/jwks.json`)).json;
    const jwk = jwks.keys.find((k: { kid: string }) => k.kid === decoded.header.kid);
    assert.ok(verifyDecodedJws(decoded, createPublicKey({ key: jwk, format: 'jwk' })));
  });

  it('refuses a check-out when the last seat is taken, with every violation', async () => {
    const t = getApp();
    const f = await license(2);
    assert.equal((await checkout(t, f, { user: 'u1' })).json.granted, true);
    assert.equal((await checkout(t, f, { user: 'u2' })).json.granted, true);
    const denied = await checkout(t, f, { user: 'u3' });
    assert.deepEqual([denied.json.granted, denied.json.queued, denied.json.code], [false, false, 'NO_SEATS']);
    assert.equal(denied.json.violations[0].code, 'NO_SEATS');
    assert.equal((await pool(t, f)).inUse, 2);
  });

  it('refuses a feature the license is not entitled to, and any check-out on a suspended license', async () => {
    const t = getApp();
    const f = await license(2);
    assert.equal((await checkout(t, f, { feature: 'SIM' })).json.code, 'FEATURE_NOT_ENTITLED');
    await t.database.db
      .updateTable('licenses')
      .set({ status: 'SUSPENDED' })
      .where('id', '=', f.licenseId)
      .execute();
    t.ctx.licensing?.cache.invalidate(f.licenseId);
    const res = await checkout(t, f, {});
    assert.equal(res.json.code, 'LICENSE_INVALID');
    assert.equal(res.json.violations[0].code, 'SUSPENDED');
    const unknown = await call(t, 'POST', '/v1/floating/checkout', {
      body: { key: 'AAAAA-AAAAA-AAAAA-AAAAA-AAAAA', feature: 'CAD', user: 'x', host: 'y' },
    });
    assert.equal(unknown.json.code, 'LICENSE_INVALID');
  });

  it('floats the product itself when the license has no features and the product defines none', async () => {
    const t = getApp();
    const f = await license(1, { entitlements: [] });
    const { code } = await t.database.db
      .selectFrom('products')
      .select('code')
      .where('id', '=', f.productId)
      .executeTakeFirstOrThrow();
    assert.equal((await checkout(t, f, { feature: code })).json.granted, true);
    assert.equal((await checkout(t, f, { feature: 'CAD' })).json.code, 'FEATURE_NOT_ENTITLED');
  });

  it('returns the same lease for a retried check-out with the same idempotency key', async () => {
    const t = getApp();
    const f = await license(3);
    const first = await checkout(t, f, { idempotencyKey: 'retry-1' });
    const again = await checkout(t, f, { idempotencyKey: 'retry-1' });
    assert.equal(again.json.lease.id, first.json.lease.id);
    assert.equal((await pool(t, f)).inUse, 1);
    const other = await checkout(t, f, { user: 'mallory', idempotencyKey: 'retry-1' });
    assert.equal(other.json.code, 'INVALID_REQUEST', "another holder never reaches someone else's lease");
  });

  it('renews a lease on heartbeat and frees the seat on check-in', async () => {
    const t = getApp();
    const f = await license(1);
    const { lease } = (await checkout(t, f, {})).json;
    const hb = await floating(t, f, 'heartbeat', { leaseId: lease.id });
    assert.equal(hb.json.renewed, true, hb.body);
    assert.ok(Date.parse(hb.json.lease.expiresAt) >= Date.parse(lease.expiresAt));
    assert.ok(hb.json.leaseToken);
    const ci = await floating(t, f, 'checkin', { leaseId: lease.id, reason: 'EXIT' });
    assert.equal(ci.json.checkedIn, true);
    assert.equal((await pool(t, f)).inUse, 0);
    assert.equal((await floating(t, f, 'heartbeat', { leaseId: lease.id })).json.code, 'LEASE_NOT_FOUND');
    assert.equal((await floating(t, f, 'checkin', { leaseId: lease.id })).json.checkedIn, false);
    assert.equal((await checkout(t, f, { user: 'bob' })).json.granted, true);
  });

  it('queues waiting clients and serves them strictly in order as seats free', async () => {
    const t = getApp();
    const f = await license(1);
    const holder = (await checkout(t, f, { user: 'a' })).json.lease;
    const b = await checkout(t, f, { user: 'b', wait: true });
    const c = await checkout(t, f, { user: 'c', wait: true });
    assert.deepEqual([b.json.queued, b.json.queue.position, c.json.queue.position], [true, 1, 2]);
    assert.ok(b.json.queue.pollAfterSeconds >= 1);
    const d = await checkout(t, f, { user: 'd' });
    assert.equal(d.json.code, 'NO_SEATS', 'a client that does not wait is denied');
    const cPoll = await floating(t, f, 'queue/poll', { entryId: c.json.queue.entryId });
    assert.deepEqual([cPoll.json.state, cPoll.json.position], ['WAITING', 2]);
    await floating(t, f, 'checkin', { leaseId: holder.id });
    const cAgain = await floating(t, f, 'queue/poll', { entryId: c.json.queue.entryId });
    assert.equal(cAgain.json.state, 'WAITING', 'the seat is held for the head of the queue');
    const bPoll = await floating(t, f, 'queue/poll', { entryId: b.json.queue.entryId });
    assert.equal(bPoll.json.state, 'GRANTED', bPoll.body);
    assert.equal(bPoll.json.lease.user, 'b');
    assert.equal(bPoll.json.lease.id, b.json.queue.entryId);
    const left = await floating(t, f, 'queue/leave', { entryId: c.json.queue.entryId });
    assert.equal(left.json.left, true);
    assert.equal(
      (await floating(t, f, 'queue/poll', { entryId: c.json.queue.entryId })).json.state,
      'EXPIRED',
    );
    const kinds = (await events(f)).map((e) => e.kind);
    assert.ok(kinds.includes('QUEUED') && kinds.includes('DEQUEUED') && kinds.includes('DENIED'));
  });

  it('answers a long poll as soon as a seat frees, well before the wait ends', async () => {
    const t = getApp();
    const f = await license(1);
    const holder = (await checkout(t, f, { user: 'a' })).json.lease;
    const queued = (await checkout(t, f, { user: 'b', wait: true })).json.queue;
    const started = Date.now();
    const polling = floating(t, f, 'queue/poll', { entryId: queued.entryId, waitSeconds: 20 });
    await new Promise((resolve) => setImmediate(resolve));
    await floating(t, f, 'checkin', { leaseId: holder.id });
    const res = await polling;
    assert.equal(res.json.state, 'GRANTED', res.body);
    assert.ok(Date.now() - started < 15_000, `answered after ${Date.now() - started} ms`);
  });

  it('borrows up to the policy limit, refuses longer borrows and the BORROW_LOWWATER seats, returns early', async () => {
    const t = getApp();
    const f = await license(3);
    await putOptions(t, f, { features: { CAD: { borrowLowwater: 2 } } });
    const until = new Date(Date.now() + 24 * HOUR).toISOString();
    const borrowed = await checkout(t, f, { borrowUntil: until });
    assert.equal(borrowed.json.granted, true, borrowed.body);
    assert.equal(borrowed.json.lease.borrowedUntil, borrowed.json.lease.expiresAt);
    assert.equal(decodeJws<{ brw?: boolean }>(borrowed.json.leaseToken)!.payload.brw, true);
    const tooLong = await checkout(t, f, {
      user: 'b',
      borrowUntil: new Date(Date.now() + 100 * HOUR).toISOString(),
    });
    assert.equal(tooLong.json.code, 'BORROW_LIMIT', 'the most severe violation leads');
    assert.ok(tooLong.json.violations.some((v: { code: string }) => v.code === 'BORROW_LOWWATER'));
    const ci = await floating(t, f, 'checkin', { leaseId: borrowed.json.lease.id });
    assert.equal(ci.json.checkedIn, true);
    const ev = await events(f);
    assert.deepEqual(
      ev.filter((e) => e.kind !== 'DENIED').map((e) => [e.kind, e.reason]),
      [
        ['BORROW', null],
        ['IN', 'BORROW_RETURNED'],
      ],
    );
    const noBorrow = await license(2, { maxBorrowHours: null });
    assert.equal((await checkout(t, noBorrow, { borrowUntil: until })).json.code, 'BORROW_NOT_ALLOWED');
  });

  it('keeps a lingering seat after check-in and gives it back to the same user and host', async () => {
    const t = getApp();
    const f = await license(1);
    await putOptions(t, f, { features: { CAD: { lingerSeconds: 600 } } });
    const { lease } = (await checkout(t, f, {})).json;
    const ci = await floating(t, f, 'checkin', { leaseId: lease.id });
    assert.ok(Date.parse(ci.json.lingerUntil) > Date.now() + 500_000);
    assert.equal((await checkout(t, f, { user: 'bob', host: 'ws-bob' })).json.code, 'NO_SEATS');
    const back = await checkout(t, f, {});
    assert.equal(back.json.lease.id, lease.id);
  });

  it('lets an administrator force a lease off: the seat frees, the next heartbeat answers LEASE_REVOKED, audited', async () => {
    const t = getApp();
    const f = await license(1);
    const { lease } = (await checkout(t, f, {})).json;
    const listed = await call(t, 'GET', `${licensePath(f)}/leases`, { token: tenant.tokens.orgRead });
    assert.deepEqual(
      listed.json.data.map((l: { id: string }) => l.id),
      [lease.id],
    );
    const removed = await call(t, 'DELETE', `${licensePath(f)}/leases/${lease.id}`, {
      token: tenant.tokens.orgAdmin,
    });
    assert.equal(removed.status, 200, removed.body);
    assert.equal(removed.json.id, lease.id);
    assert.equal((await pool(t, f)).inUse, 0);
    assert.equal((await floating(t, f, 'heartbeat', { leaseId: lease.id })).json.code, 'LEASE_REVOKED');
    const again = await call(t, 'DELETE', `${licensePath(f)}/leases/${lease.id}`, {
      token: tenant.tokens.admin,
    });
    assert.equal(again.status, 404);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('target_id', '=', lease.id)
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['floating.lease.removed'],
    );
    assert.deepEqual((await events(f)).at(-1), {
      kind: 'IN',
      reason: 'ADMIN_REMOVED',
      inUseAfter: 0,
      user: 'alice',
    });
  });

  it('applies options in precedence: EXCLUDE, then RESERVE, then MAX, then INCLUDE', async () => {
    const t = getApp();
    const f = await license(4);
    const user = (name: string) => ({ kind: 'USER', name });
    await putOptions(t, f, {
      features: {
        CAD: {
          exclude: [user('eve')],
          reserve: [
            { count: 1, subject: user('eve') },
            { count: 1, subject: user('bob') },
          ],
          max: [
            { count: 1, subject: user('alice') },
            { count: 0, subject: user('bob') },
          ],
          include: [user('alice')],
        },
      },
    });
    assert.equal(
      (await checkout(t, f, { user: 'eve' })).json.code,
      'EXCLUDED',
      'EXCLUDE beats a reservation',
    );
    assert.equal(
      (await checkout(t, f, { user: 'bob' })).json.granted,
      true,
      'a reservation skips MAX and INCLUDE',
    );
    assert.equal((await checkout(t, f, { user: 'carol' })).json.code, 'NOT_INCLUDED');
    assert.equal((await checkout(t, f, { user: 'alice' })).json.granted, true);
    assert.equal((await checkout(t, f, { user: 'alice', host: 'ws-2' })).json.code, 'MAX_REACHED');
  });

  it('serves a licensed app with a product token and a license id', async () => {
    const t = getApp();
    const f = await license(1);
    const token = await productToken(t, tenant, f.productId);
    const res = await call(t, 'POST', '/v1/floating/checkout', {
      token,
      body: { licenseId: f.licenseId, feature: 'CAM', user: 'u', host: 'h' },
    });
    assert.equal(res.json.granted, true, res.body);
    const other = await newTenant(t);
    const foreign = await call(t, 'POST', '/v1/floating/checkout', {
      token: await productToken(t, other, (await floatingLicense(t, other, 1)).productId),
      body: { licenseId: f.licenseId, feature: 'CAM', user: 'u', host: 'h' },
    });
    assert.equal(foreign.json.code, 'LICENSE_INVALID', "another tenant's license is unknown");
  });

  it('reports pools and an lmstat-like status', async () => {
    const t = getApp();
    const f = await license(3);
    await checkout(t, f, { user: 'alice', host: 'ws1', display: ':0', count: 2 });
    const pools = await call(t, 'GET', `${licensePath(f)}/pools`, { token: tenant.tokens.readOnly });
    assert.deepEqual(
      pools.json.data.map((p: { feature: string; seats: number; inUse: number }) => [
        p.feature,
        p.seats,
        p.inUse,
      ]),
      [
        ['CAD', 3, 2],
        ['CAM', 3, 0],
      ],
    );
    const status = await call(
      t,
      'GET',
      `/v1/accounts/${tenant.accountId}/floating/status?licenseId=${f.licenseId}`,
      {
        token: tenant.tokens.orgRead,
      },
    );
    assert.equal(status.status, 200, status.body);
    assert.match(
      status.json.text,
      /Users of CAD: {2}\(Total of 3 licenses issued; {2}Total of 2 licenses in use\)/,
    );
    assert.match(status.json.text, /alice ws1 :0 \(v1\.0\).*2 licenses/);
    assert.equal(status.json.data[0].holders[0].user, 'alice');
  });
});
