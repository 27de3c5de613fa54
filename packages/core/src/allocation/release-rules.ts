// The closed list of reasons a license can be released, and the sentence each one explains itself with.
// Kept as data so the login check, the consumption report and the CSV export say the same thing.
import type { LicenseProductRef } from './license-product.ts';

/** Why a license assigned to a person is not effective (seed 004's scenario table, plus generations). */
export const RELEASE_RULES = {
  OLDER_GENERATION: 'a later generation of licenses supersedes it',
  INTERNAL_EXTERNAL: 'internal and external licenses exclude each other; the higher-ranked audience wins',
  OVERLAPPING_BASE: 'overlapping base licenses; the higher-ranked one is effective',
  ADD_ON_WITHOUT_BASE: 'an add-on needs one of its base licenses to be effective',
  OVERLAPPING_ADD_ON: 'overlapping add-on licenses; the higher-ranked one is effective',
} as const;

/** One of {@link RELEASE_RULES}. */
export type ReleaseRule = keyof typeof RELEASE_RULES;

/** A license the person was assigned but does not consume, with the rule that released it. */
export interface ReleasedLicense {
  license: LicenseProductRef;
  rule: ReleaseRule;
  /** The effective license that took its place; null when none did (an add-on with no base). */
  inFavourOf: LicenseProductRef | null;
}

/**
 * The human sentence for one release, naming both licenses.
 * @example
 * describeRelease({ license: viewer, rule: 'OVERLAPPING_BASE', inFavourOf: author })
 * // 'prod_viewer released in favour of prod_author (OVERLAPPING_BASE): overlapping base licenses; …'
 */
export function describeRelease(release: ReleasedLicense): string {
  const target = release.inFavourOf ? ` in favour of ${release.inFavourOf.id}` : '';
  const prerequisite =
    release.rule === 'ADD_ON_WITHOUT_BASE'
      ? ` (requires one of: ${release.license.requiresProductIds.join(', ') || 'no base listed'})`
      : '';
  return `${release.license.id} released${target} (${release.rule}): ${RELEASE_RULES[release.rule]}${prerequisite}`;
}

/**
 * Whether an add-on's prerequisite is met by the bases that are effective.
 * @example hasEffectiveBase(pdmExtras, new Set(['prod_pdm'])) // true when it requires prod_pdm
 */
export function hasEffectiveBase(addOn: LicenseProductRef, effectiveBaseIds: ReadonlySet<string>): boolean {
  return addOn.requiresProductIds.some((id) => effectiveBaseIds.has(id));
}
