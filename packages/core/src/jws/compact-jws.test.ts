// Compact JWS: round trip, any changed byte is refused, and jose verifies our tokens independently.
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { compactVerify, importJWK } from 'jose';
import { decodeJws, signJws, verifyDecodedJws } from './compact-jws.ts';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const header = { alg: 'EdDSA' as const, kid: 'key_test', typ: 'license+jwt' };

describe('compact JWS', () => {
  it('round-trips header and payload and verifies', () => {
    const token = signJws(header, { sub: 'lic_1', n: 'ünï' }, privateKey);
    const decoded = decodeJws(token)!;
    assert.deepEqual(decoded.header, header);
    assert.deepEqual(decoded.payload, { sub: 'lic_1', n: 'ünï' });
    assert.equal(verifyDecodedJws(decoded, publicKey), true);
  });

  it('refuses the token when any single character changes', () => {
    const token = signJws(header, { sub: 'lic_1' }, privateKey);
    for (let i = 0; i < token.length; i++) {
      if (token[i] === '.') continue;
      const changed = token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
      const decoded = decodeJws(changed);
      assert.ok(!decoded || !verifyDecodedJws(decoded, publicKey), `position ${i}`);
    }
  });

  it('refuses other algorithms and malformed input', () => {
    const token = signJws(header, { sub: 'x' }, privateKey);
    const decoded = decodeJws(token)!;
    assert.equal(
      verifyDecodedJws({ ...decoded, header: { ...decoded.header, alg: 'none' as 'EdDSA' } }, publicKey),
      false,
    );
    for (const bad of ['', 'a.b', 'a.b.c.d', '!!.e30.x', `${token}=`])
      assert.equal(decodeJws(bad), null, bad);
  });

  it('is verified by jose with the public JWK alone', async () => {
    const token = signJws(header, { sub: 'lic_2' }, privateKey);
    const jwk = publicKey.export({ format: 'jwk' });
    const key = await importJWK({ ...jwk, alg: 'EdDSA' }, 'EdDSA');
    const { payload } = await compactVerify(token, key);
    assert.deepEqual(JSON.parse(new TextDecoder().decode(payload)), { sub: 'lic_2' });
  });
});
