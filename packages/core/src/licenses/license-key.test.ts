// Human keys: 120 random bits, forgiving input, and a check character that catches typos.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  CROCKFORD_ALPHABET,
  formatLicenseKey,
  isValidLicenseKey,
  LICENSE_KEY_RANDOM_BYTES,
  normalizeLicenseKey,
} from './license-key.ts';

const bytes = fc.uint8Array({ minLength: LICENSE_KEY_RANDOM_BYTES, maxLength: LICENSE_KEY_RANDOM_BYTES });
const KEY_SHAPE = /^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){4}$/;

describe('license keys', () => {
  it('formats 5 groups of 5 Crockford symbols with a valid check character', () => {
    fc.assert(
      fc.property(bytes, (b) => {
        const key = formatLicenseKey(b);
        return KEY_SHAPE.test(key) && isValidLicenseKey(key);
      }),
    );
  });

  it('carries all 120 random bits: distinct bytes give distinct keys', () => {
    fc.assert(
      fc.property(
        bytes,
        bytes,
        (a, b) => Buffer.from(a).equals(Buffer.from(b)) || formatLicenseKey(a) !== formatLicenseKey(b),
      ),
    );
  });

  it('matches the test vectors (bytes 00 11 22 … EE, checked by an independent implementation)', () => {
    const vector = Uint8Array.from({ length: 15 }, (_, i) => i * 17);
    assert.equal(formatLicenseKey(vector), '008J4-CT4AN-K7F24-SNAXW-SQFE3');
    assert.equal(formatLicenseKey(new Uint8Array(15)), '00000-00000-00000-00000-00000');
  });

  it('normalizes case, spaces, hyphens and the I/L/O look-alikes to the canonical key', () => {
    fc.assert(
      fc.property(bytes, (b) => {
        const key = formatLicenseKey(b);
        const typed = ` ${key.toLowerCase().replace(/-/g, ' ').replace(/1/g, 'l').replace(/0/g, 'o')} `;
        return normalizeLicenseKey(typed) === key && isValidLicenseKey(typed);
      }),
    );
  });

  const malformed: [string, string][] = [
    ['too short', '00000-00000-00000-00000-0000'],
    ['too long', '00000-00000-00000-00000-000000'],
    ['with a U', '00000-00000-00000-00000-0000U'],
    ['with punctuation', '00000-00000-00000-00000-0000*'],
    ['empty', ''],
  ];
  for (const [what, input] of malformed) {
    it(`refuses a key that is ${what}`, () => {
      assert.equal(normalizeLicenseKey(input), null);
      assert.equal(isValidLicenseKey(input), false);
    });
  }

  it('catches every single-character substitution', () => {
    fc.assert(
      fc.property(
        bytes,
        fc.integer({ min: 0, max: 24 }),
        fc.integer({ min: 1, max: 31 }),
        (b, pos, shift) => {
          const compact = formatLicenseKey(b).replace(/-/g, '');
          const i = CROCKFORD_ALPHABET.indexOf(compact[pos]!);
          const typo = compact.slice(0, pos) + CROCKFORD_ALPHABET[(i + shift) % 32] + compact.slice(pos + 1);
          return !isValidLicenseKey(typo);
        },
      ),
    );
  });

  it('refuses a wrong number of random bytes', () => {
    assert.throws(() => formatLicenseKey(new Uint8Array(12)), RangeError);
  });
});
