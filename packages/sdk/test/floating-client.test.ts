// The floating client against a signing fake: requests carry the license and a nonce, answers must
// be signed, `acquire` waits in the queue reporting positions, and borrowed seats work offline.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import {
  ExitReleaser,
  FloatingClient,
  keysFromJwks,
  LicentiaResponseError,
  loadBorrowed,
} from '../src/index.ts';
import { DAY, licenseClaims, newVendor, signToken } from './fixtures.ts';
import {
  FakeProcess,
  type Handler,
  leaseClaims,
  leaseOf,
  signedFetch,
  signLease,
} from './floating-fixtures.ts';

const vendor = newVendor();
const keys = keysFromJwks(vendor.jwks);
const dir = mkdtempSync(join(tmpdir(), 'licentia-borrow-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function client(handler: Handler, fetchVendor = vendor, licenseToken?: string) {
  const fake = signedFetch(fetchVendor, handler);
  const floating = new FloatingClient({
    url: 'http://licentia.test/',
    keys,
    license: { key: 'KEY-1' },
    fetch: fake.fetch,
    exitReleaser: new ExitReleaser(new FakeProcess()),
    ...(licenseToken ? { licenseToken } : {}),
  });
  return { floating, fake };
}

const request = { feature: 'solver', user: 'ann', host: 'ws-1' };

describe('FloatingClient', () => {
  it('sends the license, the request and a nonce, and returns a denial as data', async () => {
    const { floating, fake } = client(() => ({
      granted: false,
      queued: false,
      code: 'NO_SEATS',
      detail: 'all 2 seats are in use',
    }));
    const answer = await floating.checkout({
      ...request,
      count: 2,
      borrowUntil: new Date('2030-06-02T00:00:00Z'),
    });
    assert.deepEqual([answer.granted, !answer.granted && !answer.queued && answer.code], [false, 'NO_SEATS']);
    const sent = fake.calls[0]!;
    assert.equal(sent.path, '/v1/floating/checkout');
    assert.equal(sent.body.key, 'KEY-1');
    assert.equal(sent.body.count, 2);
    assert.equal(sent.body.borrowUntil, '2030-06-02T00:00:00.000Z');
    assert.match(String(sent.body.nonce), /^[A-Za-z0-9_-]{24}$/);
    const denied = await floating.acquire(request);
    assert.deepEqual(denied, { granted: false, code: 'NO_SEATS', detail: 'all 2 seats are in use' });
  });

  it('refuses an answer signed by another key', async () => {
    const { floating } = client(() => ({ checkedIn: true }), newVendor());
    await assert.rejects(
      floating.checkin('lease_1'),
      (e: unknown) => e instanceof LicentiaResponseError && e.code === 'BAD_SIGNATURE',
    );
  });

  it('waits in the queue, reporting each new position, until granted', async () => {
    const positions = [3, 3, 2, 1];
    const { floating, fake } = client((path) => {
      if (path.endsWith('/checkout'))
        return {
          granted: false,
          queued: true,
          queue: { entryId: 'lease_q', position: 3, pollAfterSeconds: 0.1, expiresAt: '' },
        };
      const position = positions.shift();
      if (position !== undefined) return { state: 'WAITING', position, pollAfterSeconds: 0.01 };
      return { state: 'GRANTED', lease: leaseOf('lease_q', new Date()), leaseToken: 'tok' };
    });
    const seen: number[] = [];
    const result = await floating.acquire({
      ...request,
      wait: true,
      heartbeat: false,
      onQueued: (p) => seen.push(p),
    });
    assert.ok(result.granted);
    assert.equal(result.held.lease.id, 'lease_q');
    assert.deepEqual(seen, [3, 2, 1]);
    assert.ok(
      fake.calls.filter((c) => c.path.endsWith('/queue/poll')).every((c) => c.body.entryId === 'lease_q'),
    );
    await result.held.release();
  });

  it('leaves the queue when the wait is aborted', async () => {
    const controller = new AbortController();
    const { floating, fake } = client((path) => {
      if (path.endsWith('/checkout'))
        return {
          granted: false,
          queued: true,
          queue: { entryId: 'lease_q', position: 1, pollAfterSeconds: 5, expiresAt: '' },
        };
      if (path.endsWith('/queue/leave')) return { left: true };
      controller.abort(new Error('gave up'));
      return { state: 'WAITING', position: 1, pollAfterSeconds: 5 };
    });
    await assert.rejects(floating.acquire({ ...request, wait: true, signal: controller.signal }), /gave up/);
    assert.equal(fake.calls.at(-1)?.path, '/v1/floating/queue/leave');
  });

  it('reports an expired queue entry as a denial', async () => {
    const { floating } = client((path) =>
      path.endsWith('/checkout')
        ? {
            granted: false,
            queued: true,
            queue: { entryId: 'lease_q', position: 1, pollAfterSeconds: 1, expiresAt: '' },
          }
        : { state: 'EXPIRED' },
    );
    const result = await floating.acquire({ ...request, wait: true });
    assert.deepEqual([result.granted, !result.granted && result.code], [false, 'QUEUE_EXPIRED']);
  });
});

describe('borrowing to a file', () => {
  const now = new Date();
  const s = Math.floor(now.getTime() / 1000);
  const licenseToken = signToken(vendor, licenseClaims({ iat: s - 60, nbf: s - 60, exp: s + 30 * DAY }));

  function borrowing(days: number) {
    const until = new Date(now.getTime() + days * 86_400_000);
    const claims = leaseClaims(now, days * 86_400, { brw: true });
    return client(
      (path) =>
        path.endsWith('/checkout')
          ? {
              granted: true,
              lease: leaseOf('lease_test', now, { borrowedUntil: until.toISOString() }),
              leaseToken: signLease(vendor, claims),
            }
          : { checkedIn: true },
      vendor,
      licenseToken,
    );
  }

  it('writes the lease and license tokens (owner-only) and loads them offline as VALID', async () => {
    const file = join(dir, 'nested', 'borrow.json');
    const { floating, fake } = borrowing(3);
    const answer = await floating.borrow({
      ...request,
      until: new Date(now.getTime() + 3 * 86_400_000),
      file,
    });
    assert.equal(answer.granted, true);
    assert.ok(fake.calls[0]?.body.borrowUntil);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    assert.deepEqual([saved.format, saved.licenseToken], ['licentia-borrow/1', licenseToken]);
    const offline = await loadBorrowed(file, { keys });
    assert.equal(offline.code, 'VALID', offline.detail);
    assert.deepEqual([offline.lease?.feat, offline.license?.sub], ['solver', 'lic_test']);
  });

  it('refuses a borrowed seat once it has ended', async () => {
    const file = join(dir, 'ended.json');
    await borrowing(1).floating.borrow({ ...request, until: new Date(now.getTime() + 86_400_000), file });
    const twoDaysLater = new Date(now.getTime() + 2 * 86_400_000);
    const offline = await loadBorrowed(file, { keys, now: twoDaysLater });
    assert.deepEqual([offline.valid, offline.code], [false, 'EXPIRED']);
  });

  it('refuses a missing, foreign or tampered file without throwing', async () => {
    assert.equal((await loadBorrowed(join(dir, 'none.json'), { keys })).code, 'MISSING');
    const junk = join(dir, 'junk.json');
    writeFileSync(junk, '{"hello": 1}');
    assert.equal((await loadBorrowed(junk, { keys })).code, 'MALFORMED');
    const file = join(dir, 'tampered.json');
    await borrowing(2).floating.borrow({ ...request, until: new Date(now.getTime() + 2 * 86_400_000), file });
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    const stranger = newVendor();
    writeFileSync(
      file,
      JSON.stringify({ ...saved, leaseToken: signLease(stranger, leaseClaims(now, 99 * 86_400)) }),
    );
    assert.equal((await loadBorrowed(file, { keys })).code, 'UNKNOWN_KEY');
    writeFileSync(file, JSON.stringify({ ...saved, licenseToken: `${saved.licenseToken}x` }));
    assert.equal((await loadBorrowed(file, { keys })).code, 'LICENSE_MALFORMED');
  });

  it('returns a borrowed seat early and deletes the file', async () => {
    const file = join(dir, 'returned.json');
    const { floating, fake } = borrowing(2);
    await floating.borrow({ ...request, until: new Date(now.getTime() + 2 * 86_400_000), file });
    assert.equal((await floating.returnBorrowed(file)).checkedIn, true);
    assert.equal(fake.calls.at(-1)?.body.leaseId, 'lease_test');
    assert.equal((await loadBorrowed(file, { keys })).code, 'MISSING');
  });
});
