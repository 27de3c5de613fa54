// Checks a product input field by field and fills in defaults (BASE, generation 1, rank 0, EXTERNAL).
import {
  PRODUCT_AUDIENCES,
  PRODUCT_CODE_PATTERN,
  PRODUCT_KINDS,
  type ProductAudience,
  type ProductInput,
  type ProductKind,
} from './catalog-types.ts';
import { fieldErrors, isIntIn, isNonBlank, type Validated } from './field-errors.ts';

/** A product input after validation: every member present. */
export type ValidProductInput = Required<ProductInput>;

/**
 * Validate a product input; returns every field error, not only the first.
 * Rules: code is a lowercase slug; name 1–200 characters; an ADD_ON requires at least one base
 * product and a BASE requires none; generation ≥ 1 and rank ≥ 0 are integers.
 * @example
 * validateProductInput({ code: 'cad-ai', name: 'CAD AI', kind: 'ADD_ON', requiresProductIds: ['prod_1'] });
 * // → { ok: true, value: { …, generation: 1, rank: 0, audience: 'EXTERNAL' } }
 */
export function validateProductInput(input: ProductInput): Validated<ValidProductInput> {
  const errors = fieldErrors();
  const kind: ProductKind = input.kind ?? 'BASE';
  const requires = input.requiresProductIds ?? [];
  const generation = input.generation ?? 1;
  const rank = input.rank ?? 0;
  const audience: ProductAudience = input.audience ?? 'EXTERNAL';

  if (typeof input.code !== 'string' || !PRODUCT_CODE_PATTERN.test(input.code)) {
    errors.add(
      'code',
      'INVALID_FORMAT',
      'code must be a lowercase slug of 1–64 characters (a-z, 0-9, . _ -)',
    );
  }
  if (!isNonBlank(input.name)) errors.add('name', 'REQUIRED', 'name must be 1–200 characters');
  if (!PRODUCT_KINDS.includes(kind))
    errors.add('kind', 'NOT_ALLOWED', `kind must be ${PRODUCT_KINDS.join(' or ')}`);
  if (!Array.isArray(requires) || !requires.every((id) => isNonBlank(id, 100))) {
    errors.add('requiresProductIds', 'INVALID_FORMAT', 'requiresProductIds must be a list of product ids');
  } else if (kind === 'ADD_ON' && requires.length === 0) {
    errors.add('requiresProductIds', 'REQUIRED', 'an add-on must require at least one base product');
  } else if (kind === 'BASE' && requires.length > 0) {
    errors.add('requiresProductIds', 'INCONSISTENT', 'a base product cannot require other products');
  } else if (new Set(requires).size !== requires.length) {
    errors.add('requiresProductIds', 'INCONSISTENT', 'requiresProductIds lists a product twice');
  }
  if (!isIntIn(generation, 1, 1000))
    errors.add('generation', 'OUT_OF_RANGE', 'generation must be an integer 1–1000');
  if (!isIntIn(rank, 0, 1_000_000)) errors.add('rank', 'OUT_OF_RANGE', 'rank must be an integer 0–1000000');
  if (!PRODUCT_AUDIENCES.includes(audience)) {
    errors.add('audience', 'NOT_ALLOWED', `audience must be ${PRODUCT_AUDIENCES.join(' or ')}`);
  }
  return errors.result(() => ({
    code: input.code,
    name: input.name.trim(),
    kind,
    requiresProductIds: [...requires],
    generation,
    rank,
    audience,
  }));
}
