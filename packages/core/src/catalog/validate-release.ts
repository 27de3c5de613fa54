// Checks a release input: a strict semantic version and a real release date.
import { DateTime } from 'luxon';
import semver from 'semver';
import type { ReleaseInput } from './catalog-types.ts';
import { fieldErrors, type Validated } from './field-errors.ts';

/** A release input after validation: the date parsed. */
export interface ValidReleaseInput {
  version: string;
  releasedAt: Date;
}

/**
 * True when `version` is a strict semantic version exactly as written (no `v` prefix, no spaces,
 * no loose forms such as `1.2`), so stored versions compare and match ranges without surprises.
 * @example isStrictSemver('1.2.3-rc.1') // true
 * @example isStrictSemver('v1.2.3') // false
 */
export function isStrictSemver(version: unknown): version is string {
  // semver.valid also accepts `v1.2.3` and ` 1.2.3` (and drops build metadata), hence the extra checks.
  return (
    typeof version === 'string' &&
    version.length <= 256 &&
    /^\d[^\s]*$/.test(version) &&
    semver.valid(version) !== null
  );
}

/**
 * Validate a release input; `releasedAt` may be a Date or an ISO 8601 string with a time zone.
 * @example
 * validateReleaseInput({ version: '2.0.0', releasedAt: '2025-03-01T00:00:00Z' });
 * // → { ok: true, value: { version: '2.0.0', releasedAt: new Date('2025-03-01T00:00:00Z') } }
 */
export function validateReleaseInput(input: ReleaseInput): Validated<ValidReleaseInput> {
  const errors = fieldErrors();
  if (!isStrictSemver(input.version)) {
    errors.add(
      'version',
      'INVALID_FORMAT',
      'version must be a semantic version such as 1.4.0 (no "v" prefix)',
    );
  }
  const releasedAt = parseInstant(input.releasedAt);
  if (releasedAt === null) {
    errors.add('releasedAt', 'INVALID_FORMAT', 'releasedAt must be an ISO 8601 date-time with a time zone');
  }
  return errors.result(() => ({ version: input.version, releasedAt: releasedAt as Date }));
}

// Strings must carry a zone (Z or ±hh:mm): a zone-less time would be read in the server's zone.
const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function parseInstant(value: unknown): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value !== 'string' || !INSTANT_PATTERN.test(value)) return null;
  // luxon, unlike Date, refuses impossible calendar dates such as 2025-02-30.
  const parsed = DateTime.fromISO(value, { setZone: true });
  return parsed.isValid ? parsed.toJSDate() : null;
}
