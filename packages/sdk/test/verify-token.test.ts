// verifyLicenseToken: one case per code, and any changed byte of a token is refused.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { signJws } from '@licentia/core';
import { keysFromJwks, verifyLicenseToken } from '../src/index.ts';
import { changeAt, DAY, licenseClaims, NOW, newVendor, seconds, signToken } from './fixtures.ts';

const vendor = newVendor();
const keys = keysFromJwks(vendor.jwks);
const verify = (token: string, extra: { now?: Date; audience?: string } = {}) =>
  verifyLicenseToken(token, { keys, now: NOW, ...extra });

describe('verifyLicenseToken', () => {
  it('accepts a token signed by a known key and returns its claims', async () => {
    const result = await verify(signToken(vendor));
    assert.equal(result.code, 'VALID');
    assert.equal(result.valid, true);
    assert.equal(result.claims?.sub, 'lic_test');
    assert.deepEqual(result.claims?.['https://licentia.dev/license'].entitlements[0], { code: 'export' });
  });

  it('accepts a perpetual token without exp', async () => {
    const { exp: _exp, ...perpetual } = licenseClaims();
    assert.equal((await verify(signToken(vendor, perpetual))).code, 'VALID');
  });

  it('answers UNKNOWN_KEY for a kid the key set does not hold', async () => {
    const other = newVendor();
    const result = await verify(signToken(other));
    assert.deepEqual([result.valid, result.code, result.claims], [false, 'UNKNOWN_KEY', null]);
  });

  it('answers BAD_SIGNATURE for a token signed by another key under a known kid', async () => {
    const impostor = { ...newVendor(), kid: vendor.kid };
    assert.equal((await verify(signToken(impostor))).code, 'BAD_SIGNATURE');
  });

  it('answers BAD_SIGNATURE for an algorithm other than EdDSA', async () => {
    const [, payload, sig] = signToken(vendor).split('.');
    const header = Buffer.from(JSON.stringify({ alg: 'none', kid: vendor.kid, typ: 'license+jwt' })).toString(
      'base64url',
    );
    assert.equal((await verify(`${header}.${payload}.${sig}`)).code, 'BAD_SIGNATURE');
  });

  it('answers WRONG_TYPE for a machine file or lease token presented as a license token', async () => {
    for (const typ of ['machine-file+jwt', 'lease+jwt', 'JWT'])
      assert.equal((await verify(signToken(vendor, licenseClaims(), typ))).code, 'WRONG_TYPE', typ);
  });

  it('answers NOT_YET_VALID before nbf (beyond the leeway) and accepts within it', async () => {
    const future = signToken(vendor, licenseClaims({ nbf: seconds(NOW) + 3600 }));
    assert.equal((await verify(future)).code, 'NOT_YET_VALID');
    const soon = signToken(vendor, licenseClaims({ nbf: seconds(NOW) + 30 }));
    assert.equal((await verify(soon)).code, 'VALID');
  });

  it('answers EXPIRED after exp (beyond the leeway), still returning the verified claims', async () => {
    const expired = await verify(signToken(vendor, licenseClaims({ exp: seconds(NOW) - DAY })));
    assert.equal(expired.code, 'EXPIRED');
    assert.equal(expired.claims?.sub, 'lic_test');
    const justNow = signToken(vendor, licenseClaims({ exp: seconds(NOW) - 30 }));
    assert.equal((await verify(justNow)).code, 'VALID');
  });

  it('answers MALFORMED for non-JWS input, a missing kid, or claims of the wrong shape', async () => {
    for (const bad of ['', 'abc', 'a.b.c', `${signToken(vendor)}.x`])
      assert.equal((await verify(bad)).code, 'MALFORMED', bad);
    const noKid = signJws({ alg: 'EdDSA', kid: '', typ: 'license+jwt' }, licenseClaims(), vendor.privateKey);
    assert.equal((await verify(noKid)).code, 'MALFORMED');
    assert.equal((await verify(signToken(vendor, { sub: 'lic_x' }))).code, 'MALFORMED');
  });

  it('answers WRONG_AUDIENCE when the token was issued for another product', async () => {
    assert.equal((await verify(signToken(vendor), { audience: 'prod_other' })).code, 'WRONG_AUDIENCE');
    assert.equal((await verify(signToken(vendor), { audience: 'prod_test' })).code, 'VALID');
  });

  it('refuses the token when any single character changes', async () => {
    const token = signToken(vendor);
    for (let i = 0; i < token.length; i++) {
      const result = await verify(changeAt(token, i));
      assert.equal(result.valid, false, `position ${i} (${token[i]})`);
    }
  });
});
