// The SDK against the real server in-process, over real HTTP, on both engines: activate, validate
// (signed answers checked with the served JWKS), deactivate, offline verification of the server's
// token and license file, and the example licensed app run as a child process.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, it } from 'node:test';
import { forEachEngine } from '../../db/test/test-databases.ts';
import { call, newTenant, startTestApp, type Tenant, type TestApp } from '../../server/test/harness.ts';
import { seedLicense, seedPolicy, seedProduct } from '../../server/test/licensing-fixtures.ts';
import {
  createClockGuard,
  keysFromJwksUrl,
  LicentiaClient,
  LicentiaResponseError,
  machineFingerprint,
  memoryClockStore,
  verifyLicenseFile,
  verifyLicenseToken,
} from '../src/index.ts';
import { runExample } from './run-example.ts';

forEachEngine('SDK against the server', (engine) => {
  let t: TestApp;
  let base: string;
  let tenant: Tenant;
  before(async () => {
    t = await startTestApp(engine);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    tenant = await newTenant(t);
  });
  after(async () => {
    await t.app.close();
    await t.database.close();
  });

  async function license(maxMachines = 2) {
    const product = await seedProduct(t, tenant.accountId);
    const policy = await seedPolicy(t, tenant.accountId, product.id, {
      name: 'pro',
      model: 'SUBSCRIPTION',
      durationIso: 'P1Y',
      maxMachines,
      overage: 'NO',
      entitlements: [{ code: 'EXPORT' }],
    });
    const seeded = await seedLicense(t, { ...tenant, productId: product.id, policyId: policy.id });
    return { ...seeded, productId: product.id };
  }

  const jwksUrl = () => `${base}/v1/accounts/${tenant.accountId}/jwks.json`;
  const client = () => new LicentiaClient({ url: base, keys: jwksUrl() });
  const fingerprint = (machine: string) =>
    machineFingerprint('com.acme.sdk-test', { machineIdSource: () => machine });

  it('activates, then validates with scope, believing only answers signed by the served keys', async () => {
    const { key, id } = await license();
    const fp = await fingerprint('machine-1');
    const activation = await client().activate({ key, fingerprint: fp, hostname: 'ws-1', platform: 'linux' });
    assert.equal(activation.activated, true, JSON.stringify(activation));
    assert.equal(activation.machine?.fingerprint, fp);
    const again = await client().activate({ key, fingerprint: fp });
    assert.equal(again.activated, true);
    const answer = await client().validate({
      key,
      scope: { fingerprint: fp, version: '1.2.0', feature: 'EXPORT' },
    });
    assert.deepEqual([answer.valid, answer.code, answer.license?.id], [true, 'VALID', id]);
    const notEntitled = await client().validate({ key, scope: { fingerprint: fp, feature: 'PRINT' } });
    assert.deepEqual([notEntitled.valid, notEntitled.code], [false, 'FEATURE_NOT_ENTITLED']);
  });

  it('reports a refused activation as data with its code', async () => {
    const { key } = await license(1);
    assert.equal((await client().activate({ key, fingerprint: await fingerprint('a') })).activated, true);
    const refused = await client().activate({ key, fingerprint: await fingerprint('b') });
    assert.deepEqual([refused.activated, refused.code], [false, 'TOO_MANY_MACHINES']);
  });

  it('deactivates a machine, freeing its seat', async () => {
    const { key } = await license(1);
    const fp = await fingerprint('c');
    await client().activate({ key, fingerprint: fp });
    assert.equal((await client().deactivate({ key, fingerprint: fp })).deactivated, true);
    assert.equal((await client().activate({ key, fingerprint: await fingerprint('d') })).activated, true);
  });

  it('refuses the server’s genuine answers when it trusts other keys', async () => {
    const { key } = await license();
    const stranger = new LicentiaClient({
      url: base,
      keys: `${base}/v1/accounts/${(await newTenant(t)).accountId}/jwks.json`,
    });
    await assert.rejects(
      stranger.validate({ key }),
      (e: unknown) => e instanceof LicentiaResponseError && e.code === 'BAD_SIGNATURE',
    );
  });

  it('verifies the server’s license token and license file offline with the served JWKS', async () => {
    const { id, productId } = await license();
    const admin = { token: tenant.tokens.admin };
    const keys = keysFromJwksUrl(jwksUrl());
    const token = await call(t, 'GET', `/v1/accounts/${tenant.accountId}/licenses/${id}/token`, admin);
    assert.equal(token.status, 200, token.body);
    const verified = await verifyLicenseToken(token.json.token, { keys, audience: productId });
    assert.deepEqual([verified.code, verified.claims?.sub], ['VALID', id]);
    const fp = await fingerprint('offline-1');
    const file = await call(t, 'POST', `/v1/accounts/${tenant.accountId}/licenses/${id}/license-file`, {
      ...admin,
      body: { fingerprint: fp, ttlSeconds: 3600 },
    });
    assert.equal(file.status, 200, file.body);
    const clock = createClockGuard({ store: memoryClockStore() });
    const offline = await verifyLicenseFile(file.json.file, {
      keys,
      fingerprint: fp,
      clock,
      audience: productId,
    });
    assert.equal(offline.code, 'VALID');
    const elsewhere = await verifyLicenseFile(file.json.file, {
      keys,
      fingerprint: await fingerprint('x'),
      clock,
    });
    assert.equal(elsewhere.code, 'FINGERPRINT_MISMATCH');
  });

  it('refuses the unsigned answer to an unknown key (the server has no account to sign with)', async () => {
    await assert.rejects(
      client().validate({ key: 'AAAAA-AAAAA-AAAAA-AAAAA-AAAAA' }),
      (e: unknown) => e instanceof LicentiaResponseError && e.code === 'UNSIGNED_RESPONSE',
    );
  });

  it('runs the example licensed app: exit 0 when licensed, 3 with the code when not', async () => {
    const { key } = await license();
    const env = {
      ...process.env,
      LICENTIA_URL: base,
      LICENSE_KEY: key,
      LICENTIA_JWKS_URL: jwksUrl(),
      LICENSED_APP_ID: 'com.acme.example',
      MACHINE_ID: 'example-machine',
      APP_VERSION: '1.0.0',
    };
    const licensed = await runExample({ ...env, APP_FEATURES: 'EXPORT' });
    assert.equal(licensed.code, 0, licensed.stderr);
    assert.deepEqual([licensed.json.licensed, licensed.json.code], [true, 'VALID']);
    const refused = await runExample({ ...env, APP_FEATURES: 'EXPORT,PRINT' });
    assert.equal(refused.code, 3, refused.stderr);
    assert.equal(refused.json.code, 'FEATURE_NOT_ENTITLED');
  });
});
