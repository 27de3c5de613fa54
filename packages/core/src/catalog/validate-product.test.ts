// Product input validation: defaults, add-on/base consistency, every field error at once.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ProductInput } from './catalog-types.ts';
import { validateProductInput } from './validate-product.ts';

const base: ProductInput = { code: 'cad-studio', name: 'CAD Studio' };

describe('validateProductInput', () => {
  it('fills defaults: BASE, no requirements, generation 1, rank 0, EXTERNAL', () => {
    assert.deepEqual(validateProductInput(base), {
      ok: true,
      value: {
        code: 'cad-studio',
        name: 'CAD Studio',
        kind: 'BASE',
        requiresProductIds: [],
        generation: 1,
        rank: 0,
        audience: 'EXTERNAL',
      },
    });
  });

  it('accepts an add-on that requires a base product', () => {
    const result = validateProductInput({ ...base, kind: 'ADD_ON', requiresProductIds: ['prod_1'], rank: 5 });
    assert.equal(result.ok, true);
  });

  const rejections: [string, Record<string, unknown>, string, string][] = [
    ['an uppercase code', { code: 'CAD' }, 'code', 'INVALID_FORMAT'],
    ['a code over 64 characters', { code: 'a'.repeat(65) }, 'code', 'INVALID_FORMAT'],
    ['a blank name', { name: '   ' }, 'name', 'REQUIRED'],
    ['an unknown kind', { kind: 'BUNDLE' }, 'kind', 'NOT_ALLOWED'],
    ['an add-on without a base', { kind: 'ADD_ON' }, 'requiresProductIds', 'REQUIRED'],
    [
      'a base that requires products',
      { requiresProductIds: ['prod_1'] },
      'requiresProductIds',
      'INCONSISTENT',
    ],
    [
      'an add-on requiring a product twice',
      { kind: 'ADD_ON', requiresProductIds: ['p', 'p'] },
      'requiresProductIds',
      'INCONSISTENT',
    ],
    ['generation 0', { generation: 0 }, 'generation', 'OUT_OF_RANGE'],
    ['a fractional rank', { rank: 1.5 }, 'rank', 'OUT_OF_RANGE'],
    ['a negative rank', { rank: -1 }, 'rank', 'OUT_OF_RANGE'],
    ['an unknown audience', { audience: 'PARTNER' }, 'audience', 'NOT_ALLOWED'],
  ];
  for (const [what, patch, field, reason] of rejections) {
    it(`rejects ${what} on field ${field}`, () => {
      const result = validateProductInput({ ...base, ...patch } as ProductInput);
      assert.equal(result.ok, false);
      if (!result.ok)
        assert.deepEqual(
          result.errors.map((e) => [e.field, e.reason]),
          [[field, reason]],
        );
    });
  }

  it('reports every bad field, not only the first', () => {
    const result = validateProductInput({ code: 'X', name: '', generation: -1, rank: -1 } as ProductInput);
    assert.equal(result.ok, false);
    if (!result.ok)
      assert.deepEqual(
        result.errors.map((e) => e.field),
        ['code', 'name', 'generation', 'rank'],
      );
  });
});
