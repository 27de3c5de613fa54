// Fingerprints: HMAC-SHA256 per app, never the raw machine id.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { AppError } from '../errors/app-error.ts';
import { deriveFingerprint, isFingerprint } from './fingerprint.ts';

describe('deriveFingerprint', () => {
  it('matches the RFC 4231 test case 2 (key "Jefe")', () => {
    assert.equal(
      deriveFingerprint('Jefe', 'what do ya want for nothing?'),
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });
  it('differs per app on the same machine and never contains the machine id', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9a-f]{16,40}$/),
        fc.string({ minLength: 1 }),
        fc.string({ minLength: 1 }),
        (id, a, b) => {
          fc.pre(a.trim() !== '' && b.trim() !== '' && a !== b && id.trim() !== '');
          const fa = deriveFingerprint(id, a);
          return isFingerprint(fa) && fa !== deriveFingerprint(id, b) && !fa.includes(id.toLowerCase());
        },
      ),
    );
  });
  it('ignores surrounding whitespace of the machine id as read from the OS', () => {
    assert.equal(deriveFingerprint('abc\n', 'app'), createHmac('sha256', 'abc').update('app').digest('hex'));
  });
  it('refuses empty inputs as INVALID_FIELD', () => {
    for (const [id, app] of [
      ['', 'app'],
      ['id', ' '],
    ]) {
      assert.throws(
        () => deriveFingerprint(id!, app!),
        (e) => e instanceof AppError && e.code === 'INVALID_FIELD',
      );
    }
  });
});
