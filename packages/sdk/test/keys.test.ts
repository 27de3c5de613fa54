// Key sources: JWKS objects, PEM/JWK, and a JWKS URL cached with at most one refetch per minute.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  keysFromJwks,
  keysFromJwksUrl,
  keysFromPublicKey,
  loadKeys,
  verifyLicenseToken,
} from '../src/index.ts';
import { NOW, newVendor, signToken } from './fixtures.ts';

function fakeJwksServer(initial: object) {
  const state = { jwks: initial, calls: 0, fail: false };
  const fetch = (async () => {
    state.calls++;
    if (state.fail) return new Response('down', { status: 503 });
    return Response.json(state.jwks);
  }) as typeof globalThis.fetch;
  return { state, fetch };
}

describe('key sources', () => {
  it('finds keys of a JWKS by kid, skipping keys that are not Ed25519', async () => {
    const a = newVendor();
    const b = newVendor();
    const keys = keysFromJwks({
      keys: [...a.jwks.keys, { kty: 'RSA', kid: 'rsa', use: 'sig' }, ...b.jwks.keys],
    });
    assert.ok(await keys.get(a.kid));
    assert.ok(await keys.get(b.kid));
    assert.equal(await keys.get('rsa'), undefined);
    // Rotation overlap: tokens of the old and the new key both verify.
    for (const v of [a, b])
      assert.equal((await verifyLicenseToken(signToken(v), { keys, now: NOW })).code, 'VALID');
  });

  it('uses a PEM for any kid, a JWK with a kid only for its kid', async () => {
    const v = newVendor();
    const pem = v.publicKey.export({ format: 'pem', type: 'spki' }).toString();
    assert.ok(await keysFromPublicKey(pem).get('anything'));
    const jwk = v.jwks.keys[0]!;
    assert.ok(await keysFromPublicKey(jwk).get(v.kid));
    assert.equal(await keysFromPublicKey(jwk).get('other'), undefined);
    assert.equal((await verifyLicenseToken(signToken(v), { keys: loadKeys(pem), now: NOW })).code, 'VALID');
  });

  it('refuses a public key that is not Ed25519', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    assert.throws(
      () => keysFromPublicKey(publicKey.export({ format: 'pem', type: 'spki' }).toString()),
      TypeError,
    );
  });

  it('fetches a JWKS URL once and serves known kids from the cache', async () => {
    const v = newVendor();
    const server = fakeJwksServer(v.jwks);
    const keys = keysFromJwksUrl('https://example.test/jwks.json', { fetch: server.fetch });
    for (let i = 0; i < 5; i++) assert.ok(await keys.get(v.kid));
    assert.equal(server.state.calls, 1);
  });

  it('refetches on an unknown kid at most once per minute, and finds a key rotated in', async () => {
    const old = newVendor();
    const rotated = newVendor();
    const server = fakeJwksServer(old.jwks);
    let now = 1_000_000;
    const keys = keysFromJwksUrl('https://example.test/jwks.json', { fetch: server.fetch, nowMs: () => now });
    assert.ok(await keys.get(old.kid));
    for (let i = 0; i < 10; i++) assert.equal(await keys.get('made-up'), undefined);
    assert.equal(server.state.calls, 1, 'unknown kids within the minute cause no fetch');
    server.state.jwks = { keys: [...old.jwks.keys, ...rotated.jwks.keys] };
    now += 60_000;
    assert.ok(await keys.get(rotated.kid));
    assert.equal(server.state.calls, 2);
  });

  it('keeps the cached keys when a refetch fails, and reports a first fetch that fails', async () => {
    const v = newVendor();
    const server = fakeJwksServer(v.jwks);
    let now = 0;
    const keys = keysFromJwksUrl('https://example.test/jwks.json', { fetch: server.fetch, nowMs: () => now });
    assert.ok(await keys.get(v.kid));
    server.state.fail = true;
    now += 120_000;
    assert.equal(await keys.get('unknown'), undefined);
    assert.ok(await keys.get(v.kid));
    const cold = keysFromJwksUrl('https://example.test/jwks.json', { fetch: server.fetch });
    await assert.rejects(cold.get(v.kid), /503/);
  });
});
