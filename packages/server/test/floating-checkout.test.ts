// Check-out, heartbeat and check-in of floating licenses through HTTP on both engines: grants with
// lease tokens signed by the account key, denials carrying every violation (last seat, feature not
// entitled, suspended or unknown license), the product itself floating when no feature is defined,
// idempotent retries, renewal and release of a seat, and licensed apps calling with a product token.
import assert from 'node:assert/strict';
import { createPublicKey } from 'node:crypto';
import { it } from 'node:test';
import { decodeJws, verifyDecodedJws } from '@licentia/core';
import { forEachEngine } from '../../db/test/test-databases.ts';
import { checkout, floating, floatingLicense, pool, useFloatingTenant } from './floating-helpers.ts';
import { call, newTenant, useTestApp } from './harness.ts';
import { productToken } from './validation-helpers.ts';

forEachEngine('floating licenses', (engine) => {
  const getApp = useTestApp(engine);
  const { tenant, license } = useFloatingTenant(getApp);

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
    const jwks = (await call(t, 'GET', `/v1/accounts/${tenant().accountId}/jwks.json`)).json;
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

  it('serves a licensed app with a product token and a license id', async () => {
    const t = getApp();
    const f = await license(1);
    const token = await productToken(t, tenant(), f.productId);
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
});
