// Feature input validation: SCREAMING_SNAKE codes and typed values only.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FeatureInput } from './catalog-types.ts';
import { isFeatureValue, validateFeatureInput } from './validate-feature.ts';

describe('validateFeatureInput', () => {
  const valid: FeatureInput[] = [
    { code: 'EXPORT_PDF', name: 'PDF export' },
    { code: 'MAX_PROJECTS', name: 'Projects', value: 25 },
    { code: 'TIER', name: 'Tier', value: 'gold' },
    { code: 'A', name: 'A', value: false },
  ];
  for (const input of valid) {
    it(`accepts ${input.code} with value ${String(input.value)}`, () => {
      assert.deepEqual(validateFeatureInput(input), { ok: true, value: input });
    });
  }
  const invalid: [string, FeatureInput, string[]][] = [
    ['a lowercase code', { code: 'export', name: 'x' }, ['code']],
    ['a code starting with a digit', { code: '1X', name: 'x' }, ['code']],
    ['a 65-character code', { code: `A${'B'.repeat(64)}`, name: 'x' }, ['code']],
    ['a NaN value', { code: 'X', name: 'x', value: Number.NaN }, ['value']],
    ['an object value', { code: 'X', name: 'x', value: {} as never }, ['value']],
    ['a blank name and bad code', { code: '', name: ' ' }, ['code', 'name']],
  ];
  for (const [what, input, fields] of invalid) {
    it(`rejects ${what}`, () => {
      const result = validateFeatureInput(input);
      assert.equal(result.ok, false);
      if (!result.ok)
        assert.deepEqual(
          result.errors.map((e) => e.field),
          fields,
        );
    });
  }
  it('isFeatureValue refuses infinities and long strings', () => {
    assert.equal(isFeatureValue(Number.POSITIVE_INFINITY), false);
    assert.equal(isFeatureValue('x'.repeat(201)), false);
    assert.equal(isFeatureValue(0), true);
  });
});
