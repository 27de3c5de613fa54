// Release input validation: strict semantic versions and zoned release dates only.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isStrictSemver, validateReleaseInput } from './validate-release.ts';

describe('isStrictSemver', () => {
  const cases: [string, boolean][] = [
    ['1.0.0', true],
    ['10.20.30-rc.1+build.5', true],
    ['v1.0.0', false],
    ['1.0', false],
    [' 1.0.0', false],
    ['01.0.0', false],
    ['', false],
  ];
  for (const [version, expected] of cases) {
    it(`${expected ? 'accepts' : 'rejects'} "${version}"`, () =>
      assert.equal(isStrictSemver(version), expected));
  }
});

describe('validateReleaseInput', () => {
  it('parses a zoned ISO date-time into a Date', () => {
    assert.deepEqual(validateReleaseInput({ version: '2.1.0', releasedAt: '2025-03-01T12:00:00+02:00' }), {
      ok: true,
      value: { version: '2.1.0', releasedAt: new Date('2025-03-01T10:00:00Z') },
    });
  });
  it('accepts a Date as is', () => {
    const releasedAt = new Date('2024-01-01T00:00:00Z');
    assert.deepEqual(validateReleaseInput({ version: '1.0.0', releasedAt }), {
      ok: true,
      value: { version: '1.0.0', releasedAt },
    });
  });
  const bad: [string, string | Date][] = [
    ['a zone-less date-time', '2025-03-01T12:00:00'],
    ['a bare date', '2025-03-01'],
    ['an impossible date', '2025-02-30T00:00:00Z'],
    ['an invalid Date', new Date(Number.NaN)],
  ];
  for (const [what, releasedAt] of bad) {
    it(`rejects ${what} as releasedAt`, () => {
      const result = validateReleaseInput({ version: '1.0.0', releasedAt });
      assert.equal(result.ok, false);
      if (!result.ok)
        assert.deepEqual(
          result.errors.map((e) => e.field),
          ['releasedAt'],
        );
    });
  }
  it('reports both a bad version and a bad date', () => {
    const result = validateReleaseInput({ version: 'latest', releasedAt: 'yesterday' });
    assert.equal(result.ok, false);
    if (!result.ok)
      assert.deepEqual(
        result.errors.map((e) => e.field),
        ['version', 'releasedAt'],
      );
  });
});
