// `licentia verify` — offline verification through the SDK: a valid token or license file exits 0,
// any changed byte, another machine's fingerprint or an unknown key exits 1 with a clear code.
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, it } from 'node:test';
import { forEachEngine } from '../../db/test/test-databases.ts';
import { call, newTenant } from '../../server/test/harness.ts';
import { seedPolicy, seedProduct } from '../../server/test/licensing-fixtures.ts';
import { runCli, useServedTestApp } from './cli-harness.ts';

const FINGERPRINT = 'cd'.repeat(32);
const OTHER_MACHINE = 'ef'.repeat(32);

/** `text` with the character at `index` replaced by a different base64url character. */
function changeAt(text: string, index: number): string {
  const replacement = text[index] === 'A' ? 'B' : 'A';
  return `${text.slice(0, index)}${replacement}${text.slice(index + 1)}`;
}

/** About `count` positions spread over `text`, always including the first and the last. */
function positions(text: string, count: number, allowed: (c: string) => boolean = () => true): number[] {
  const all = [...text].map((c, i) => (allowed(c) ? i : -1)).filter((i) => i >= 0);
  const step = Math.max(1, Math.floor(all.length / count));
  return [...new Set([...all.filter((_, k) => k % step === 0), all.at(-1)!])];
}

forEachEngine('licentia verify', (engine) => {
  const served = useServedTestApp(engine);
  const dir = mkdtempSync(join(tmpdir(), 'licentia-verify-'));
  const jwksFile = join(dir, 'jwks.json');
  let jwksUrl = '';
  let token = '';
  let licenseId = '';
  let file = '';
  let nodeLockedToken = '';

  before(async () => {
    const s = served();
    const tenant = await newTenant(s.t);
    const product = await seedProduct(s.t, tenant.accountId);
    const admin = { token: tenant.tokens.admin };
    const issue = async (model: 'SUBSCRIPTION' | 'NODE_LOCKED', extra: object = {}) => {
      const policy = await seedPolicy(s.t, tenant.accountId, product.id, {
        name: model,
        model,
        durationIso: 'P1Y',
        maxMachines: 1,
      });
      const r = await call(s.t, 'POST', `/v1/accounts/${tenant.accountId}/licenses`, {
        ...admin,
        body: { policyId: policy.id, organizationId: tenant.organizationId, ...extra },
      });
      assert.equal(r.status, 201, r.body);
      return r.json as { license: { id: string }; token: string };
    };
    const subscription = await issue('SUBSCRIPTION');
    ({ token } = subscription);
    licenseId = subscription.license.id;
    nodeLockedToken = (await issue('NODE_LOCKED', { boundFingerprints: [FINGERPRINT] })).token;
    const lic = await call(
      s.t,
      'POST',
      `/v1/accounts/${tenant.accountId}/licenses/${licenseId}/license-file`,
      {
        ...admin,
        body: { fingerprint: FINGERPRINT },
      },
    );
    assert.equal(lic.status, 200, lic.body);
    file = lic.json.file;
    jwksUrl = `${s.url}/v1/accounts/${tenant.accountId}/jwks.json`;
    writeFileSync(jwksFile, (await call(s.t, 'GET', `/v1/accounts/${tenant.accountId}/jwks.json`)).body);
  });

  it('accepts a valid token given inline, exit 0, printing the code and the claims', async () => {
    const r = await runCli(['verify', token, '--jwks', jwksFile]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^VALID license token: VALID$/m);
    assert.match(r.stdout, new RegExp(`^license\\s+${licenseId}$`, 'm'));
    assert.match(r.stdout, /^model\s+SUBSCRIPTION$/m);
  });

  it('accepts a token file against the JWKS URL and prints JSON with --json', async () => {
    const path = join(dir, 'token.jwt');
    writeFileSync(path, `${token}\n`);
    const r = await runCli(['verify', path, '--jwks', jwksUrl, '--json']);
    assert.equal(r.code, 0, r.stderr);
    const verdict = r.json();
    assert.deepEqual([verdict.valid, verdict.code, verdict.kind], [true, 'VALID', 'token']);
    assert.equal(verdict.claims.sub, licenseId);
  });

  it('refuses the token with any changed byte (header, payload or signature): exit 1', async () => {
    const changed = positions(token, 16, (c) => c !== '.');
    const results = await Promise.all(
      changed.map((i) => runCli(['verify', changeAt(token, i), '--jwks', jwksFile, '--json'])),
    );
    results.forEach((r, k) => {
      assert.equal(r.code, 1, `byte ${changed[k]} changed: ${r.stdout}${r.stderr}`);
      assert.equal(r.json().valid, false);
      assert.notEqual(r.json().code, 'VALID');
    });
  });

  it('accepts an armoured license file on the machine it is bound to', async () => {
    const path = join(dir, 'bound.lic');
    writeFileSync(path, file);
    const r = await runCli(['verify', path, '--jwks', jwksFile, '--fingerprint', FINGERPRINT]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^VALID license file: VALID$/m);
  });

  it('refuses the license file on another machine: FINGERPRINT_MISMATCH, exit 1', async () => {
    const path = join(dir, 'bound.lic');
    writeFileSync(path, file);
    const r = await runCli(['verify', path, '--jwks', jwksFile, '--fingerprint', OTHER_MACHINE, '--json']);
    assert.equal(r.code, 1);
    assert.equal(r.json().code, 'FINGERPRINT_MISMATCH');
  });

  it('refuses the license file with any changed byte: exit 1', async () => {
    const changed = positions(file, 16, (c) => /[A-Za-z0-9_-]/.test(c) && c !== '\n');
    const results = await Promise.all(
      changed.map((i, k) => {
        const path = join(dir, `changed-${k}.lic`);
        writeFileSync(path, changeAt(file, i));
        return runCli(['verify', path, '--jwks', jwksFile, '--fingerprint', FINGERPRINT, '--json']);
      }),
    );
    results.forEach((r, k) => {
      assert.equal(r.code, 1, `byte ${changed[k]} changed: ${r.stdout}${r.stderr}`);
      assert.equal(r.json().valid, false);
    });
    assert.equal(readFileSync(join(dir, 'changed-0.lic'), 'utf8').length, file.length);
  });

  it('refuses a node-locked token for a machine it is not bound to', async () => {
    const ok = await runCli(['verify', nodeLockedToken, '--jwks', jwksFile, '--fingerprint', FINGERPRINT]);
    assert.equal(ok.code, 0, ok.stderr);
    const r = await runCli([
      'verify',
      nodeLockedToken,
      '--jwks',
      jwksFile,
      '--fingerprint',
      OTHER_MACHINE,
      '--json',
    ]);
    assert.equal(r.code, 1);
    assert.equal(r.json().code, 'FINGERPRINT_MISMATCH');
  });

  it('names an unknown key id clearly: UNKNOWN_KEY, exit 1', async () => {
    const { publicKey } = generateKeyPairSync('ed25519');
    const stranger = {
      ...publicKey.export({ format: 'jwk' }),
      kid: 'key_someoneelse',
      alg: 'EdDSA',
      use: 'sig',
    };
    const path = join(dir, 'stranger-jwks.json');
    writeFileSync(path, JSON.stringify({ keys: [stranger] }));
    const r = await runCli(['verify', token, '--jwks', path]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^INVALID license token: UNKNOWN_KEY$/m);
  });

  it('is a usage error (exit 2) when --jwks is missing or names no file', async () => {
    assert.equal((await runCli(['verify', token])).code, 2);
    const r = await runCli(['verify', token, '--jwks', join(dir, 'nope.json')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--jwks: no such file/);
  });
});
