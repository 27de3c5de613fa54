// The published test vectors stay true: re-signing the fixed inputs with the fixed key reproduces
// docs/license-format-vectors.json byte for byte, and the vectors verify with their public key.
import assert from 'node:assert/strict';
import { createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { dearmorLicenseFile } from './license-file-armor.ts';
import { buildTestVectors, RESPONSE_SIGNATURE_PREFIX } from './test-vectors-build.ts';

const published = JSON.parse(
  readFileSync(new URL('../../../../docs/license-format-vectors.json', import.meta.url), 'utf8'),
);
const rebuilt = buildTestVectors();

describe('license format test vectors', () => {
  it('re-signs the license token byte for byte', () =>
    assert.equal(rebuilt.licenseToken.token, published.licenseToken.token));
  it('re-signs the license file byte for byte', () =>
    assert.equal(rebuilt.licenseFile.armored, published.licenseFile.armored));
  it('re-signs the validation response signature', () =>
    assert.equal(rebuilt.responseSignature.header, published.responseSignature.header));
  it('publishes exactly what the builder derives (no stale member)', () =>
    assert.deepEqual(JSON.parse(JSON.stringify(rebuilt)), published));

  it('verifies the published token and file with jose and the published public JWK', async () => {
    const jwks = createLocalJWKSet({ keys: [published.key.publicJwk] });
    const token = await jwtVerify(published.licenseToken.token, jwks, {
      typ: 'license+jwt',
      currentDate: new Date('2025-06-01T00:00:00Z'),
    });
    assert.equal(token.payload.sub, 'lic_01jd0000000000000000000000');
    const file = await jwtVerify(dearmorLicenseFile(published.licenseFile.armored)!, jwks, {
      typ: 'machine-file+jwt',
      currentDate: new Date('2025-01-15T00:00:00Z'),
    });
    assert.ok(file.payload['https://licentia.dev/machine']);
  });

  it('verifies the published response signature over the prefix and the body bytes', () => {
    const sig = /sig="([^"]+)"/.exec(published.responseSignature.header)![1]!;
    const key = createPublicKey({ key: published.key.publicJwk, format: 'jwk' });
    const data = Buffer.from(RESPONSE_SIGNATURE_PREFIX + published.responseSignature.body);
    assert.ok(verify(null, data, key, Buffer.from(sig, 'base64url')));
  });
});
