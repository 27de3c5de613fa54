// The SDK's floating client against the real server in-process, over real HTTP, on both engines:
// check-out, heartbeat, check-in with signed answers; the lease token verified offline with the
// served JWKS; the queue with positions; a borrowed seat saved, loaded offline and returned.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { forEachEngine } from '../../db/test/test-databases.ts';
import { call, newTenant, startTestApp, type Tenant, type TestApp } from '../../server/test/harness.ts';
import { seedLicense, seedPolicy, seedProduct } from '../../server/test/licensing-fixtures.ts';
import {
  ExitReleaser,
  FloatingClient,
  keysFromJwksUrl,
  loadBorrowed,
  verifyLeaseToken,
} from '../src/index.ts';
import { FakeProcess } from './floating-fixtures.ts';

forEachEngine('SDK floating client against the server', (engine) => {
  let t: TestApp;
  let base: string;
  let tenant: Tenant;
  const dir = mkdtempSync(join(tmpdir(), 'licentia-sdk-floating-'));
  before(async () => {
    t = await startTestApp(engine);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    tenant = await newTenant(t);
  });
  after(async () => {
    await t?.app.close();
    await t?.database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function floatingLicense(seats: number) {
    const product = await seedProduct(t, tenant.accountId);
    const policy = await seedPolicy(t, tenant.accountId, product.id, {
      name: 'floating',
      model: 'FLOATING',
      durationIso: 'P1Y',
      maxMachines: seats,
      maxBorrowHours: 72,
    });
    const license = await seedLicense(t, { ...tenant, productId: product.id, policyId: policy.id });
    return { ...license, feature: product.code };
  }

  const jwksUrl = () => `${base}/v1/accounts/${tenant.accountId}/jwks.json`;
  const client = (key: string, licenseToken?: string) =>
    new FloatingClient({
      url: base,
      keys: jwksUrl(),
      license: { key },
      exitReleaser: new ExitReleaser(new FakeProcess()),
      ...(licenseToken ? { licenseToken } : {}),
    });
  const who = (user: string) => ({ user, host: `${user}-ws` });

  it('checks a seat out, heartbeats and checks it in, each answer signed; the lease token verifies offline', async () => {
    const { key, id, feature } = await floatingLicense(2);
    const floating = client(key);
    const out = await floating.checkout({ feature, ...who('ann') });
    assert.ok(out.granted, JSON.stringify(out));
    assert.deepEqual([out.lease.licenseId, out.lease.feature, out.lease.count], [id, feature, 1]);
    const offline = await verifyLeaseToken(out.leaseToken, {
      keys: keysFromJwksUrl(jwksUrl()),
      licenseId: id,
    });
    assert.deepEqual(
      [offline.code, offline.claims?.sub, offline.claims?.feat],
      ['VALID', out.lease.id, feature],
    );
    const beat = await floating.heartbeat(out.lease.id);
    assert.ok(beat.renewed, JSON.stringify(beat));
    assert.ok(Date.parse(beat.lease.expiresAt) >= Date.parse(out.lease.expiresAt));
    assert.equal((await floating.checkin(out.lease.id)).checkedIn, true);
    const gone = await floating.heartbeat(out.lease.id);
    assert.deepEqual([gone.renewed, !gone.renewed && gone.code], [false, 'LEASE_NOT_FOUND']);
  });

  it('denies a check-out beyond the seats as data, and holds a seat with acquire until released', async () => {
    const { key, feature } = await floatingLicense(1);
    const floating = client(key);
    const first = await floating.acquire({ feature, ...who('ann') });
    assert.ok(first.granted);
    const denied = await floating.acquire({ feature, ...who('bob') });
    assert.deepEqual([denied.granted, !denied.granted && denied.code], [false, 'NO_SEATS']);
    await first.held.release();
    const again = await floating.acquire({ feature, ...who('bob') });
    assert.ok(again.granted);
    await again.held.release();
  });

  it('waits in the queue reporting its position, and gets the seat when the holder checks in', async () => {
    const { key, feature } = await floatingLicense(1);
    const floating = client(key);
    const holder = await floating.acquire({ feature, ...who('ann') });
    assert.ok(holder.granted);
    const positions: number[] = [];
    let reportQueued: () => void = () => undefined;
    const queued = new Promise<void>((resolve) => {
      reportQueued = resolve;
    });
    const waiting = floating.acquire({
      feature,
      ...who('bob'),
      wait: true,
      onQueued: (position) => {
        positions.push(position);
        reportQueued();
      },
    });
    await queued;
    await holder.held.release();
    const granted = await waiting;
    assert.ok(granted.granted, granted.granted ? '' : `${granted.code}: ${granted.detail}`);
    assert.equal(granted.held.lease.user, 'bob');
    assert.deepEqual(positions, [1]);
    await granted.held.release();
  });

  it('borrows a seat to a file that verifies offline with the license token, then returns it early', async () => {
    const { key, id, feature } = await floatingLicense(2);
    const token = await call(t, 'GET', `/v1/accounts/${tenant.accountId}/licenses/${id}/token`, {
      token: tenant.tokens.admin,
    });
    assert.equal(token.status, 200, token.body);
    const floating = client(key, token.json.token);
    const file = join(dir, `${id}.json`);
    const until = new Date(Date.now() + 24 * 3_600_000);
    const answer = await floating.borrow({ feature, ...who('ann'), until, file });
    assert.ok(answer.granted, JSON.stringify(answer));
    const keys = keysFromJwksUrl(jwksUrl());
    const seat = await loadBorrowed(file, { keys });
    assert.equal(seat.code, 'VALID', seat.detail);
    assert.deepEqual([seat.lease?.brw, seat.license?.sub], [true, id]);
    const later = new Date(until.getTime() + 3_600_000);
    assert.equal((await loadBorrowed(file, { keys, now: later })).code, 'EXPIRED');
    assert.equal((await floating.returnBorrowed(file)).checkedIn, true);
    assert.equal((await loadBorrowed(file, { keys })).code, 'MISSING');
  });
});
