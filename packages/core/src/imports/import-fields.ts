// Field rules shared by the import formats: required text with a length limit, usernames, e-mail
// addresses, enumerations, and name lookups that ignore case (names are unique case-insensitively).
import type { ImportRowError } from './import-formats.ts';

/** The same e-mail shape the HTTP routes accept (JSON schema format "email"). */
const EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/** Collects the errors of one row; every violated rule is reported, not only the first. */
export class RowCheck {
  readonly errors: ImportRowError[] = [];
  constructor(
    readonly line: number,
    private readonly values: Readonly<Record<string, string>>,
  ) {}

  fail(field: string | undefined, reason: string): void {
    this.errors.push(field === undefined ? { line: this.line, reason } : { line: this.line, field, reason });
  }

  /** The trimmed value of an optional column ('' when the column is absent or empty). */
  optional(field: string): string {
    return this.values[field] ?? '';
  }

  /** A non-empty value of at most `max` characters. */
  text(field: string, max: number): string {
    const value = this.optional(field);
    if (value === '') this.fail(field, `${field} is required`);
    else if (value.length > max) this.fail(field, `${field} is longer than ${max} characters`);
    return value;
  }

  username(field = 'username', max = 100): string {
    const value = this.text(field, max);
    if (/\s/.test(value)) this.fail(field, `${field} "${value}" contains spaces`);
    return value;
  }

  email(field = 'email', max = 254): string {
    const value = this.optional(field);
    if (value === '') this.fail(field, `${field} is required`);
    else if (value.length > max || !EMAIL.test(value)) this.fail(field, `invalid email "${value}"`);
    return value;
  }

  /** One of `allowed`, any case; '' when empty and `emptyAllowed`. */
  oneOf<T extends string>(field: string, allowed: readonly T[], emptyAllowed: boolean): T | '' {
    const value = this.optional(field).toUpperCase();
    if (value === '' && emptyAllowed) return '';
    if ((allowed as readonly string[]).includes(value)) return value as T;
    this.fail(
      field,
      `${field} must be ${allowed.join(', ')}${value === '' ? '' : `, not "${this.optional(field)}"`}`,
    );
    return '';
  }

  get ok(): boolean {
    return this.errors.length === 0;
  }
}

/** Finds records by name regardless of case. */
export function byLowerName<T>(items: readonly T[], nameOf: (item: T) => string): Map<string, T> {
  return new Map(items.map((item) => [nameOf(item).toLowerCase(), item]));
}

/**
 * Remembers the first line of each key and reports a later row with the same key.
 * @example
 * const seen = duplicateTracker(); seen('ann', 2); // undefined
 * seen('ANN'.toLowerCase(), 7); // 2
 */
export function duplicateTracker(): (key: string, line: number) => number | undefined {
  const first = new Map<string, number>();
  return (key, line) => {
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, line);
    return earlier;
  };
}
