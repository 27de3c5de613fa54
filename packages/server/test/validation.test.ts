// POST /v1/licenses/validate end to end through HTTP, on both engines: every validation code from
// real rows, all violations at once, signed answers, nonce echo, and NOT_FOUND without a leak.
import assert from 'node:assert/strict';
import { createPublicKey } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { forEachEngine } from '../../db/test/test-databases.ts';
import { verifyResponse } from '../src/licensing/response-signature.ts';
import { call, newTenant, type Tenant, useTestApp } from './harness.ts';
import { seedRelease } from './licensing-fixtures.ts';
import { daysAgo, insertMachines, licenseFixture, productToken, validate } from './validation-helpers.ts';

const FP = 'a'.repeat(64);
const OTHER_FP = 'b'.repeat(64);

forEachEngine('license validation', (engine) => {
  const getApp = useTestApp(engine);
  let tenant: Tenant;
  before(async () => {
    tenant = await newTenant(getApp());
  });

  describe('answers each validation code from real rows', () => {
    const sub = { model: 'SUBSCRIPTION' as const, durationIso: 'P1Y' };
    const cases: {
      name: string;
      arrange: () => Promise<{ key: string; scope?: Record<string, unknown> }>;
      code: string;
      valid: boolean;
      violations?: string[];
    }[] = [
      {
        name: 'a current subscription is VALID',
        code: 'VALID',
        valid: true,
        arrange: async () => licenseFixture(getApp(), tenant, sub),
      },
      {
        name: 'a license past its expiry is EXPIRED',
        code: 'EXPIRED',
        valid: false,
        arrange: () => licenseFixture(getApp(), tenant, sub, { expiresAt: daysAgo(1) }),
      },
      {
        name: 'a suspended license is SUSPENDED',
        code: 'SUSPENDED',
        valid: false,
        arrange: () => licenseFixture(getApp(), tenant, sub, { status: 'SUSPENDED' }),
      },
      {
        name: 'a license starting tomorrow is NOT_YET_VALID',
        code: 'NOT_YET_VALID',
        valid: false,
        arrange: async () => {
          const f = await licenseFixture(getApp(), tenant, sub);
          await getApp()
            .database.db.updateTable('licenses')
            .set({ starts_at: new Date(Date.now() + 86_400_000) })
            .where('id', '=', f.licenseId)
            .execute();
          return f;
        },
      },
      {
        name: 'a node-locked license without a fingerprint is FINGERPRINT_REQUIRED',
        code: 'FINGERPRINT_REQUIRED',
        valid: false,
        arrange: () => licenseFixture(getApp(), tenant, { model: 'NODE_LOCKED', maxMachines: 1 }),
      },
      {
        name: 'a node-locked license on another machine is FINGERPRINT_MISMATCH',
        code: 'FINGERPRINT_MISMATCH',
        valid: false,
        arrange: async () => ({
          ...(await licenseFixture(
            getApp(),
            tenant,
            { model: 'NODE_LOCKED', maxMachines: 1 },
            { boundFingerprints: [FP] },
          )),
          scope: { fingerprint: OTHER_FP },
        }),
      },
      {
        name: 'more machines than allowed is TOO_MANY_MACHINES',
        code: 'TOO_MANY_MACHINES',
        valid: false,
        arrange: async () => {
          const f = await licenseFixture(getApp(), tenant, { ...sub, maxMachines: 1, overage: 'NO' });
          await insertMachines(getApp(), tenant.accountId, f.licenseId, 2);
          return f;
        },
      },
      {
        name: 'a perpetual license does not cover a release dated after its maintenance ended',
        code: 'VERSION_NOT_COVERED',
        valid: false,
        arrange: async () => {
          const f = await licenseFixture(
            getApp(),
            tenant,
            { model: 'PERPETUAL', maintenanceDurationIso: 'P1Y' },
            { issuedAt: daysAgo(730) },
          );
          await seedRelease(getApp(), tenant.accountId, f.productId, '2.0.0', daysAgo(180));
          return { ...f, scope: { version: '2.0.0' } };
        },
      },
      {
        name: 'the same perpetual license covers a release dated during maintenance',
        code: 'VALID',
        valid: true,
        arrange: async () => {
          const f = await licenseFixture(
            getApp(),
            tenant,
            { model: 'PERPETUAL', maintenanceDurationIso: 'P1Y' },
            { issuedAt: daysAgo(730) },
          );
          await seedRelease(getApp(), tenant.accountId, f.productId, '1.4.0', daysAgo(500));
          return { ...f, scope: { version: '1.4.0' } };
        },
      },
      {
        name: 'a feature outside the entitlements is FEATURE_NOT_ENTITLED',
        code: 'FEATURE_NOT_ENTITLED',
        valid: false,
        arrange: async () => ({
          ...(await licenseFixture(getApp(), tenant, { ...sub, entitlements: [{ code: 'EXPORT' }] })),
          scope: { feature: 'PRINT' },
        }),
      },
      {
        name: 'a country outside the allow-list is COUNTRY_NOT_ALLOWED',
        code: 'COUNTRY_NOT_ALLOWED',
        valid: false,
        arrange: async () => ({
          ...(await licenseFixture(getApp(), tenant, { ...sub, allowedCountries: ['DE'] })),
          scope: { country: 'US' },
        }),
      },
      {
        name: 'an expired, over-limit, wrong-version license reports all three violations',
        code: 'EXPIRED',
        valid: false,
        violations: ['EXPIRED', 'TOO_MANY_MACHINES', 'VERSION_NOT_COVERED'],
        arrange: async () => {
          const f = await licenseFixture(
            getApp(),
            tenant,
            { ...sub, maxMachines: 1, overage: 'NO', versionRange: '>=1.0.0 <2.0.0' },
            { expiresAt: daysAgo(3) },
          );
          await insertMachines(getApp(), tenant.accountId, f.licenseId, 2);
          return { ...f, scope: { version: '2.1.0' } };
        },
      },
    ];
    for (const c of cases) {
      it(c.name, async () => {
        const { key, scope } = await c.arrange();
        const res = await validate(getApp(), { key, ...(scope ? { scope } : {}) });
        assert.equal(res.status, 200, res.body);
        assert.equal(res.json.code, c.code, res.body);
        assert.equal(res.json.valid, c.valid);
        if (c.violations)
          assert.deepEqual(
            res.json.violations.map((v: { code: string }) => v.code),
            c.violations,
          );
        if (!c.valid) assert.equal(res.json.violations[0].code, c.code);
      });
    }
  });

  it('signs the exact body with the account key of the JWKS; one changed byte fails', async () => {
    const t = getApp();
    const f = await licenseFixture(t, tenant, { model: 'SUBSCRIPTION', durationIso: 'P1Y' });
    const res = await validate(t, { key: f.key, scope: { nonce: 'n-123' } });
    const header = String(res.headers['licentia-signature']);
    const kid = /keyid="([^"]+)"/.exec(header)?.[1];
    const jwks = (await call(t, 'GET', `/v1/accounts/${tenant.accountId}/jwks.json`)).json;
    const jwk = jwks.keys.find((k: { kid: string }) => k.kid === kid);
    assert.ok(jwk, 'the signing key is published in the JWKS');
    const publicKey = createPublicKey({ key: jwk, format: 'jwk' });
    const bytes = Buffer.from(res.body, 'utf8');
    assert.equal(verifyResponse(bytes, header, publicKey), true);
    for (const index of [0, Math.floor(bytes.length / 2), bytes.length - 1]) {
      const tampered = Buffer.from(bytes);
      tampered[index] = tampered[index]! ^ 0x01;
      assert.equal(verifyResponse(tampered, header, publicKey), false, `byte ${index} changed`);
    }
    assert.equal(res.json.meta.nonce, 'n-123');
    assert.equal(res.json.meta.requestId, res.headers['x-request-id']);
    assert.ok(Math.abs(Date.parse(res.json.meta.ts) - Date.now()) < 60_000);
  });

  it('answers an unknown or malformed key with NOT_FOUND data, not an error', async () => {
    const t = getApp();
    for (const key of ['00000-00000-00000-00000-00000', 'not a key']) {
      const res = await validate(t, { key, scope: { nonce: 'x' } });
      assert.equal(res.status, 200);
      assert.equal(res.json.code, 'NOT_FOUND');
      assert.equal(res.json.license, null);
      assert.equal(res.json.meta.nonce, 'x');
    }
  });

  it("lets a product token validate its own product's licenses by id, and no other product's", async () => {
    const t = getApp();
    const mine = await licenseFixture(t, tenant, { model: 'SUBSCRIPTION', durationIso: 'P1Y' });
    const theirs = await licenseFixture(t, tenant, { model: 'SUBSCRIPTION', durationIso: 'P1Y' });
    const token = await productToken(t, tenant, mine.productId);
    assert.equal((await validate(t, { licenseId: mine.licenseId }, token)).json.code, 'VALID');
    const foreignById = await validate(t, { licenseId: theirs.licenseId }, token);
    const foreignByKey = await validate(t, { key: theirs.key }, token);
    const missing = await validate(t, { licenseId: t.ctx.newId('license') }, token);
    for (const res of [foreignById, foreignByKey, missing]) {
      assert.equal(res.status, 200);
      assert.equal(res.json.code, 'NOT_FOUND');
      assert.equal(res.json.license, null);
    }
  });

  it('refuses a licenseId without a product token (401) and a body naming no license (400)', async () => {
    const t = getApp();
    const f = await licenseFixture(t, tenant, { model: 'SUBSCRIPTION', durationIso: 'P1Y' });
    const anonymous = await validate(t, { licenseId: f.licenseId });
    assert.equal(anonymous.status, 401);
    assert.equal((await validate(t, { scope: {} })).status, 400);
    const vendor = await validate(t, { key: f.key }, tenant.tokens.admin);
    assert.equal(vendor.status, 403, 'vendor tokens use the vendor routes');
  });
});
