// verifyLicenseFile: every code, the clock guard wired in, and any changed byte of the body refused.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { armorLicenseFile, dearmorLicenseFile } from '@licentia/core';
import { createClockGuard, keysFromJwks, memoryClockStore, verifyLicenseFile } from '../src/index.ts';
import {
  changeAt,
  DAY,
  FINGERPRINT,
  licenseClaims,
  NOW,
  newVendor,
  seconds,
  signFile,
  signToken,
} from './fixtures.ts';

const vendor = newVendor();
const keys = keysFromJwks(vendor.jwks);
const freshClock = () => createClockGuard({ store: memoryClockStore() });
const verify = (text: string, extra: { now?: Date; fingerprint?: string; latestSeenMs?: number } = {}) =>
  verifyLicenseFile(text, {
    keys,
    now: extra.now ?? NOW,
    fingerprint: extra.fingerprint ?? FINGERPRINT,
    clock: createClockGuard({ store: memoryClockStore(extra.latestSeenMs ?? null) }),
  });

describe('verifyLicenseFile', () => {
  it('accepts a file bound to this machine inside its window, with its expiry', async () => {
    const result = await verify(signFile(vendor));
    assert.equal(result.code, 'VALID');
    assert.equal(result.valid, true);
    assert.equal(result.expiresAt?.getTime(), (seconds(NOW) + 30 * DAY) * 1000);
    assert.equal(result.claims?.sub, 'lic_test');
  });

  it('accepts CRLF line ends and surrounding whitespace (files pass through mail and editors)', async () => {
    const file = `\n  ${signFile(vendor).replace(/\n/g, '\r\n')}\n\n`;
    assert.equal((await verify(file)).code, 'VALID');
  });

  it('answers FINGERPRINT_MISMATCH on another machine', async () => {
    const result = await verify(signFile(vendor), { fingerprint: 'b'.repeat(64) });
    assert.equal(result.code, 'FINGERPRINT_MISMATCH');
    assert.equal(result.valid, false);
  });

  it('answers WRONG_TYPE for a license token armoured as a file', async () => {
    const token = signToken(vendor, {
      ...licenseClaims(),
      'https://licentia.dev/machine': { fingerprint: FINGERPRINT },
    });
    assert.equal((await verify(armorLicenseFile(token))).code, 'WRONG_TYPE');
  });

  it('answers UNKNOWN_KEY and BAD_SIGNATURE for other signers', async () => {
    assert.equal((await verify(signFile(newVendor()))).code, 'UNKNOWN_KEY');
    assert.equal((await verify(signFile({ ...newVendor(), kid: vendor.kid }))).code, 'BAD_SIGNATURE');
  });

  it('answers EXPIRED and NOT_YET_VALID outside the window', async () => {
    const expired = signFile(vendor, { claims: { exp: seconds(NOW) - DAY } });
    assert.equal((await verify(expired)).code, 'EXPIRED');
    const early = signFile(vendor, { claims: { nbf: seconds(NOW) + DAY } });
    assert.equal((await verify(early)).code, 'NOT_YET_VALID');
  });

  it('answers MALFORMED for text that is not an armoured file, or a file without binding or exp', async () => {
    for (const bad of ['', 'hello', signToken(vendor), signFile(vendor).replace('BEGIN', 'BEGIM')])
      assert.equal((await verify(bad)).code, 'MALFORMED');
    const { exp: _exp, ...noExp } = licenseClaims();
    const unbound = armorLicenseFile(signToken(vendor, noExp, 'machine-file+jwt'));
    assert.equal((await verify(unbound)).code, 'MALFORMED');
  });

  it('answers CLOCK_ROLLBACK when the clock is behind a time already seen by more than the tolerance', async () => {
    const file = signFile(vendor);
    const rolledBack = await verify(file, { latestSeenMs: NOW.getTime() + 10 * 60_000 });
    assert.equal(rolledBack.code, 'CLOCK_ROLLBACK');
    const jitter = await verify(file, { latestSeenMs: NOW.getTime() + 60_000 });
    assert.equal(jitter.code, 'VALID');
  });

  it('refuses an expired file even after the clock is set back into its window', async () => {
    const file = signFile(vendor, { claims: { exp: seconds(NOW) + DAY } });
    const clock = freshClock();
    const at = (now: Date) => verifyLicenseFile(file, { keys, now, fingerprint: FINGERPRINT, clock });
    assert.equal((await at(new Date(NOW.getTime() + 2 * DAY * 1000))).code, 'EXPIRED');
    assert.equal((await at(NOW)).code, 'CLOCK_ROLLBACK');
  });

  it('does not let a forged file move the clock guard', async () => {
    const store = memoryClockStore();
    const clock = createClockGuard({ store });
    const forged = signFile(newVendor());
    await verifyLicenseFile(forged, { keys, now: new Date('2099-01-01'), fingerprint: FINGERPRINT, clock });
    assert.equal(await store.read(), null);
  });

  it('refuses the file when any single character of its body changes', async () => {
    const file = signFile(vendor);
    const lines = file.split('\n');
    const bodyStart = lines[0]!.length + 1;
    const bodyEnd = file.length - lines.at(-2)!.length - 2;
    assert.ok(dearmorLicenseFile(file));
    for (let i = bodyStart; i < bodyEnd; i++) {
      if (file[i] === '\n') continue;
      const result = await verify(changeAt(file, i));
      assert.equal(result.valid, false, `position ${i} (${file[i]})`);
    }
  });
});
