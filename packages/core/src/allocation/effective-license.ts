// Decides which of a person's assigned licenses are effective and why each other one is released.
//
// Interpretation of seed 004 (Windchill license allocation), applied as five passes in this order
// over the licenses in precedence order (rank desc, generation desc, id asc — license-product.ts):
// 1. OLDER_GENERATION. Bases decide the generation: an add-on cannot grant login on its own, so it
//    cannot pull a person into a generation. The latest generation is the highest one among the
//    assigned bases; every license (base or add-on) of an earlier generation is freed in favour of
//    the single highest-ranked base of the latest generation. Rank is only compared inside one
//    generation, because a new generation renumbers the product line. Add-ons newer than that base
//    generation are kept and judged by their prerequisite alone.
// 2. INTERNAL_EXTERNAL. A person is internal or external, never both: the audience of that same
//    top base wins and every license of the other audience is released in its favour.
// 3. OVERLAPPING_BASE. Greedy in precedence order: a base is released in favour of the
//    highest-ranked effective base it overlaps. A base that overlaps only released bases stays,
//    since keeping it pays for nothing twice.
// 4. ADD_ON_WITHOUT_BASE. An add-on stays only when one of its required bases is effective, so an
//    add-on whose base was released by a later generation (or an overlap) is released too. This
//    runs before pass 5 so a base-less add-on never knocks out an overlapping add-on that is valid.
// 5. OVERLAPPING_ADD_ON. Greedy in precedence order, as in pass 3.
// With no base at all, nothing is effective, nothing is consumed and login is refused.
import { canonicalLicenses, type LicenseProductRef, overlaps } from './license-product.ts';
import {
  describeRelease,
  hasEffectiveBase,
  type ReleasedLicense,
  type ReleaseRule,
} from './release-rules.ts';

/** The effective set for one person, with an explanation of every release. */
export interface EffectiveLicenseDecision {
  /** Consumed licenses, in precedence order. */
  effective: LicenseProductRef[];
  /** Every other assigned license, in precedence order, each with its rule. */
  released: ReleasedLicense[];
  /** False exactly when no base license is effective. */
  loginAllowed: boolean;
  /** One sentence per release, preceded by the login refusal when there is one. */
  reasons: string[];
}

/**
 * Apply the ranking rules to one person's assigned licenses. Pure and order-independent.
 * @example
 * decideEffectiveLicenses([viewerBase, authorBase, authorAddOn])
 * // { effective: [authorBase, authorAddOn], loginAllowed: true,
 * //   released: [{ license: viewerBase, rule: 'OVERLAPPING_BASE', inFavourOf: authorBase }], … }
 */
export function decideEffectiveLicenses(assigned: readonly LicenseProductRef[]): EffectiveLicenseDecision {
  const licenses = canonicalLicenses(assigned);
  const released: ReleasedLicense[] = [];
  const release = (license: LicenseProductRef, rule: ReleaseRule, inFavourOf: LicenseProductRef | null) =>
    released.push({ license, rule, inFavourOf });

  const top = topBase(licenses);
  if (!top) {
    for (const license of licenses) release(license, 'ADD_ON_WITHOUT_BASE', null);
    return finish([], released, licenses);
  }
  const remaining: LicenseProductRef[] = [];
  for (const license of licenses) {
    if (license.generation < top.generation) release(license, 'OLDER_GENERATION', top);
    else if (license.audience !== top.audience) release(license, 'INTERNAL_EXTERNAL', top);
    else remaining.push(license);
  }
  const bases = keepNonOverlapping(
    remaining.filter((l) => l.kind === 'BASE'),
    'OVERLAPPING_BASE',
    release,
  );
  const baseIds = new Set(bases.map((b) => b.id));
  const supported = remaining.filter((l) => {
    if (l.kind === 'BASE') return false;
    if (hasEffectiveBase(l, baseIds)) return true;
    release(l, 'ADD_ON_WITHOUT_BASE', null);
    return false;
  });
  const addOns = keepNonOverlapping(supported, 'OVERLAPPING_ADD_ON', release);
  return finish([...bases, ...addOns], released, licenses);
}

/** The highest-ranked base of the latest base generation: the license every other one yields to. */
function topBase(licenses: readonly LicenseProductRef[]): LicenseProductRef | undefined {
  let top: LicenseProductRef | undefined;
  for (const license of licenses) {
    if (license.kind !== 'BASE') continue;
    // Precedence order means the first base met in a generation is that generation's highest.
    if (!top || license.generation > top.generation) top = license;
  }
  return top;
}

/** Greedy pass: keep each license unless an already-kept, higher-ranked one overlaps it. */
function keepNonOverlapping(
  ordered: readonly LicenseProductRef[],
  rule: ReleaseRule,
  release: (license: LicenseProductRef, rule: ReleaseRule, inFavourOf: LicenseProductRef) => void,
): LicenseProductRef[] {
  const kept: LicenseProductRef[] = [];
  for (const license of ordered) {
    const winner = kept.find((k) => overlaps(k, license));
    if (winner) release(license, rule, winner);
    else kept.push(license);
  }
  return kept;
}

/** Put both lists in precedence order (the passes emit releases pass by pass) and explain them. */
function finish(
  effective: LicenseProductRef[],
  released: ReleasedLicense[],
  ordered: readonly LicenseProductRef[],
): EffectiveLicenseDecision {
  const position = new Map(ordered.map((l, i) => [l.id, i]));
  const at = (l: LicenseProductRef) => position.get(l.id) ?? 0;
  effective.sort((a, b) => at(a) - at(b));
  released.sort((a, b) => at(a.license) - at(b.license));
  const loginAllowed = effective.some((l) => l.kind === 'BASE');
  const reasons = released.map(describeRelease);
  if (!loginAllowed) reasons.unshift('login refused: no effective base license');
  return { effective, released, loginAllowed, reasons };
}
