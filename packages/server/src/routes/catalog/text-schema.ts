// Strings that reach storage: PostgreSQL refuses U+0000 in text and jsonb, so such input must be a
// 400 at the schema, never a storage error (a 500).
import { type TString, Type } from 'typebox';

const NO_NUL = '^[^\\u0000]*$';

/** A string without U+0000, with the given bounds and description. */
export function Text(options: { maxLength: number; description?: string }): TString {
  return Type.String({ ...options, pattern: NO_NUL });
}
