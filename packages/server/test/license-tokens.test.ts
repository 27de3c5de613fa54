// Acceptance: license tokens issued through the API verify with third-party code only — jose against
// the served JWKS, and openssl over the JWS signing input — any changed byte is refused, and key
// rotation keeps old tokens verifying until their key is retired.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createPublicKey } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { createLocalJWKSet, type JSONWebKeySet, jwtVerify } from 'jose';
import { forEachEngine } from '../../db/test/test-databases.ts';
import { call, newTenant, type Tenant, type TestApp, useTestApp } from './harness.ts';
import { seedPolicies } from './security-routes/licenses.ts';

const hasOpenssl = spawnSync('openssl', ['version']).status === 0;

async function issueToken(
  t: TestApp,
  x: Tenant,
): Promise<{ token: string; licenseId: string; productId: string }> {
  const f = await seedPolicies(t, x);
  const r = await call(t, 'POST', `/v1/accounts/${x.accountId}/licenses`, {
    token: x.tokens.admin,
    body: { policyId: f.policyId, organizationId: x.organizationId },
  });
  assert.equal(r.status, 201, r.body);
  return { token: r.json.token, licenseId: r.json.license.id, productId: f.productId };
}

async function jwks(t: TestApp, x: Tenant): Promise<JSONWebKeySet> {
  return (await call(t, 'GET', `/v1/accounts/${x.accountId}/jwks.json`)).json;
}

/** Verify with jose only: EdDSA, typ license+jwt, issuer and audience. */
async function joseVerify(token: string, set: JSONWebKeySet, x: Tenant, audience: string) {
  return jwtVerify(token, createLocalJWKSet(set), {
    algorithms: ['EdDSA'],
    typ: 'license+jwt',
    issuer: x.accountId,
    audience,
  });
}

forEachEngine('license tokens', (engine) => {
  const getApp = useTestApp(engine);

  it('verifies an issued token with jose against the served JWKS, with no project code', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const { token, licenseId, productId } = await issueToken(t, x);
    const { payload, protectedHeader } = await joseVerify(token, await jwks(t, x), x, productId);
    assert.equal(payload.sub, licenseId);
    assert.equal(protectedHeader.alg, 'EdDSA');
    const fresh = await call(t, 'GET', `/v1/accounts/${x.accountId}/licenses/${licenseId}/token`, {
      token: x.tokens.orgRead,
    });
    assert.equal(
      (await joseVerify(fresh.json.token, await jwks(t, x), x, productId)).protectedHeader.kid,
      fresh.json.kid,
    );
  });

  it('verifies the same token with openssl pkeyutl -rawin over the JWS signing input', {
    skip: !hasOpenssl && 'openssl is not installed',
  }, async () => {
    const t = getApp();
    const x = await newTenant(t);
    const { token } = await issueToken(t, x);
    const [h, p, s] = token.split('.') as [string, string, string];
    const kid = JSON.parse(Buffer.from(h, 'base64url').toString()).kid;
    const jwk = (await jwks(t, x)).keys.find((k) => k.kid === kid)!;
    const pem = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x! }, format: 'jwk' }).export({
      type: 'spki',
      format: 'pem',
    });
    const dir = mkdtempSync(join(tmpdir(), 'licentia-openssl-'));
    try {
      writeFileSync(join(dir, 'key.pem'), pem);
      writeFileSync(join(dir, 'input'), `${h}.${p}`);
      writeFileSync(join(dir, 'sig'), Buffer.from(s, 'base64url'));
      const verify = (input: string) =>
        spawnSync(
          'openssl',
          ['pkeyutl', '-verify', '-pubin', '-inkey', 'key.pem', '-rawin', '-in', input, '-sigfile', 'sig'],
          {
            cwd: dir,
            encoding: 'utf8',
          },
        );
      const good = verify('input');
      assert.equal(good.status, 0, good.stderr + good.stdout);
      assert.match(good.stdout, /Signature Verified Successfully/);
      writeFileSync(join(dir, 'forged'), `${h}.${p.slice(0, -2)}AA`);
      assert.notEqual(verify('forged').status, 0, 'openssl refuses a changed signing input');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // Each character is replaced by one whose top bit (of 6) differs, so the decoded bytes change.
  // (jose decodes base64url leniently: altering only the 4 unused low bits of the signature's last
  // character decodes to the same 64 bytes and verifies; the project's decodeJws refuses that.)
  it('refuses the token with any single byte changed', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const { token, productId } = await issueToken(t, x);
    const set = await jwks(t, x);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    let refused = 0;
    for (let i = 0; i < token.length; i++) {
      const c = token[i]!;
      const replacement = c === '.' ? 'x' : alphabet[alphabet.indexOf(c) ^ 0b100000]!;
      const tampered = `${token.slice(0, i)}${replacement}${token.slice(i + 1)}`;
      await assert.rejects(joseVerify(tampered, set, x, productId), `byte ${i} changed must be refused`);
      refused++;
    }
    assert.equal(refused, token.length);
  });

  it('keeps verifying a pre-rotation token until its key is retired, then jose finds no matching key', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const { token, productId } = await issueToken(t, x);
    const oldKid = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()).kid;
    const rotated = await call(t, 'POST', `/v1/accounts/${x.accountId}/signing-keys/rotate`, {
      token: x.tokens.admin,
    });
    assert.equal(rotated.status, 201);
    await joseVerify(token, await jwks(t, x), x, productId);
    const after = await issueToken(t, x);
    assert.equal(
      JSON.parse(Buffer.from(after.token.split('.')[0]!, 'base64url').toString()).kid,
      rotated.json.kid,
    );
    const retired = await call(t, 'POST', `/v1/accounts/${x.accountId}/signing-keys/${oldKid}/retire`, {
      token: x.tokens.admin,
    });
    assert.equal(retired.status, 200);
    await assert.rejects(joseVerify(token, await jwks(t, x), x, productId), {
      code: 'ERR_JWKS_NO_MATCHING_KEY',
    });
    await joseVerify(after.token, await jwks(t, x), x, after.productId);
  });
});
