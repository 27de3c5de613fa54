// Holding floating seats beyond a plain check-out, through HTTP on both engines: the queue served
// strictly in order (polls and long polls), borrowing within the policy limit and the BORROW_LOWWATER
// reserve, and lingering seats kept for the same user and host after check-in.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { decodeJws } from '@licentia/core';
import { forEachEngine } from '../../db/test/test-databases.ts';
import { checkout, floating, floatingEvents, putOptions, useFloatingTenant } from './floating-helpers.ts';
import { useTestApp } from './harness.ts';

const HOUR = 3_600_000;

forEachEngine('floating licenses', (engine) => {
  const getApp = useTestApp(engine);
  const { license } = useFloatingTenant(getApp);

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
    const kinds = (await floatingEvents(t, f)).map((e) => e.kind);
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
    const ev = await floatingEvents(t, f);
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
});
