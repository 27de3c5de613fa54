// Offline lease-token verification: only a lease+jwt signed by a known key, well-formed and within
// its window, is valid — and every refusal says why.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { keysFromJwks, LEASE_TOKEN_TYPE, verifyLeaseToken } from '../src/index.ts';
import { changeAt, NOW, newVendor, signToken } from './fixtures.ts';
import { leaseClaims, signLease } from './floating-fixtures.ts';

const vendor = newVendor();
const keys = keysFromJwks(vendor.jwks);

describe('verifyLeaseToken', () => {
  it('accepts a lease token signed by a known key within its window, with its claims', async () => {
    const token = signLease(vendor, leaseClaims(NOW, 120, { brw: true, fp: 'f'.repeat(64) }));
    const result = await verifyLeaseToken(token, { keys, now: NOW });
    assert.equal(result.code, 'VALID');
    assert.equal(result.valid, true);
    assert.deepEqual(
      [result.claims?.sub, result.claims?.feat, result.claims?.brw],
      ['lease_test', 'solver', true],
    );
  });

  it('refuses an expired lease, still reporting its claims', async () => {
    const token = signLease(vendor, leaseClaims(new Date(NOW.getTime() - 3_600_000), 600));
    const result = await verifyLeaseToken(token, { keys, now: NOW });
    assert.deepEqual([result.valid, result.code, result.claims?.sub], [false, 'EXPIRED', 'lease_test']);
  });

  it('tolerates clock skew up to the leeway and no further', async () => {
    const token = signLease(vendor, leaseClaims(NOW, 30));
    const later = (s: number) => new Date(NOW.getTime() + s * 1000);
    assert.equal((await verifyLeaseToken(token, { keys, now: later(80) })).code, 'VALID');
    assert.equal((await verifyLeaseToken(token, { keys, now: later(91) })).code, 'EXPIRED');
    assert.equal((await verifyLeaseToken(token, { keys, now: later(31), leewaySeconds: 0 })).code, 'EXPIRED');
    assert.equal((await verifyLeaseToken(token, { keys, now: later(-61) })).code, 'NOT_YET_VALID');
  });

  it('refuses a license token presented as a lease token (WRONG_TYPE)', async () => {
    const licenseToken = signToken(vendor);
    assert.equal((await verifyLeaseToken(licenseToken, { keys, now: NOW })).code, 'WRONG_TYPE');
    assert.equal(LEASE_TOKEN_TYPE, 'lease+jwt');
  });

  it('refuses a token whose signature or payload was altered', async () => {
    const token = signLease(vendor, leaseClaims(NOW, 120));
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const forgedPayload = Buffer.from(JSON.stringify(leaseClaims(NOW, 99_999))).toString('base64url');
    const forged = `${header}.${forgedPayload}.${signature}`;
    assert.equal((await verifyLeaseToken(forged, { keys, now: NOW })).code, 'BAD_SIGNATURE');
    const flipped = changeAt(token, header.length + payload.length + 5);
    assert.equal((await verifyLeaseToken(flipped, { keys, now: NOW })).code, 'BAD_SIGNATURE');
  });

  it('refuses a token signed by a key it does not know (UNKNOWN_KEY)', async () => {
    const stranger = newVendor();
    const token = signLease(stranger, leaseClaims(NOW, 120));
    assert.equal((await verifyLeaseToken(token, { keys, now: NOW })).code, 'UNKNOWN_KEY');
  });

  it('refuses malformed input and payloads that are not leases', async () => {
    for (const bad of ['', 'a.b', 'not a token', 42 as unknown as string])
      assert.equal((await verifyLeaseToken(bad, { keys, now: NOW })).code, 'MALFORMED');
    const noCount = { ...leaseClaims(NOW, 120), cnt: 0 };
    assert.equal((await verifyLeaseToken(signLease(vendor, noCount), { keys, now: NOW })).code, 'MALFORMED');
    const badExp = { ...leaseClaims(NOW, 120), exp: '2030' };
    assert.equal((await verifyLeaseToken(signLease(vendor, badExp), { keys, now: NOW })).code, 'MALFORMED');
  });

  it('refuses a lease on another license when the license id is given (WRONG_LICENSE)', async () => {
    const token = signLease(vendor, leaseClaims(NOW, 120, { lic: 'lic_other' }));
    const result = await verifyLeaseToken(token, { keys, now: NOW, licenseId: 'lic_test' });
    assert.deepEqual([result.valid, result.code], [false, 'WRONG_LICENSE']);
  });
});
