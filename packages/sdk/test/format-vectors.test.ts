// The SDK verifies the normative test vectors of docs/license-format.md byte for byte: the license
// token, the license file, and the validation response signature.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  createClockGuard,
  keysFromJwks,
  LicentiaResponseError,
  memoryClockStore,
  verifyLicenseFile,
  verifyLicenseToken,
  verifySignedAnswer,
} from '../src/index.ts';

const vectors = JSON.parse(
  readFileSync(new URL('../../../docs/license-format-vectors.json', import.meta.url), 'utf8'),
);
const keys = keysFromJwks({ keys: [vectors.key.publicJwk] });
const at = (seconds: number) => new Date(seconds * 1000);

describe('license-format test vectors', () => {
  it('verifies the license token vector for its product and returns its claims', async () => {
    const { token, claims } = vectors.licenseToken;
    const result = await verifyLicenseToken(token, { keys, now: at(claims.iat + 60), audience: claims.aud });
    assert.equal(result.code, 'VALID');
    assert.deepEqual(result.claims, claims);
    const late = await verifyLicenseToken(token, { keys, now: at(claims.exp + 3600) });
    assert.equal(late.code, 'EXPIRED');
  });

  it('verifies the license file vector on its machine, and refuses it as a token', async () => {
    const { armored, claims, jws } = vectors.licenseFile;
    const fingerprint = claims['https://licentia.dev/machine'].fingerprint;
    const clock = createClockGuard({ store: memoryClockStore() });
    const result = await verifyLicenseFile(armored, { keys, fingerprint, clock, now: at(claims.iat + 60) });
    assert.equal(result.code, 'VALID');
    assert.equal(result.expiresAt?.getTime(), claims.exp * 1000);
    assert.equal((await verifyLicenseToken(jws, { keys, now: at(claims.iat + 60) })).code, 'WRONG_TYPE');
  });

  it('verifies the response signature vector over the exact body bytes, and refuses one changed byte', async () => {
    const { body, header } = vectors.responseSignature;
    const value = header.replace(/^licentia-signature:\s*/, '');
    const meta = JSON.parse(body).meta;
    const expect = { keys, nonce: meta.nonce, now: new Date(meta.ts) };
    const answer = await verifySignedAnswer(Buffer.from(body, 'utf8'), value, expect);
    assert.equal(answer.code, 'VALID');
    const changed = Buffer.from(body.replace('"valid":true', '"valid":true '), 'utf8');
    await assert.rejects(verifySignedAnswer(changed, value, expect), LicentiaResponseError);
  });
});
