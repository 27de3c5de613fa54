// Semantic-version ordering of releases, so every list and coverage check sorts versions the same way.
import semver from 'semver';

/**
 * Compare two strict semantic versions by precedence (1.10.0 after 1.9.0, 2.0.0-rc.1 before
 * 2.0.0); versions of equal precedence (differing only in build metadata) fall back to text order
 * so the result is a total order. Non-semver strings sort after every valid version.
 * @example ['1.10.0', '1.9.0', '2.0.0-rc.1'].sort(compareVersions) // ['1.9.0', '1.10.0', '2.0.0-rc.1']
 */
export function compareVersions(a: string, b: string): number {
  const va = semver.valid(a) !== null;
  const vb = semver.valid(b) !== null;
  if (va !== vb) return va ? -1 : 1;
  const byPrecedence = va ? semver.compare(a, b) : 0;
  if (byPrecedence !== 0) return byPrecedence;
  return a < b ? -1 : a > b ? 1 : 0;
}
