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
import { describeRelease, type ReleasedLicense, type ReleaseRule } from './release-rules.ts';

/** The effective set for one person, with an explanation of every release. */
export interface EffectiveLicenseDecision {
  /** Consumed licenses, in precedence order. */
  effective: LicenseProductRef[];
  /** Every other assigned license, in precedence order, each with its rule. */
  released: ReleasedLicense[];
  /** False exactly when no base license is effective. */
  loginAllowed: boolean;
  /** One sentence per release, preceded by the login refusal when there is one. */
  readonly reasons: string[];
}

/**
 * Apply the ranking rules to one person's assigned licenses. Pure and order-independent.
 * @example
 * decideEffectiveLicenses([viewerBase, authorBase, authorAddOn])
 * // { effective: [authorBase, authorAddOn], loginAllowed: true,
 * //   released: [{ license: viewerBase, rule: 'OVERLAPPING_BASE', inFavourOf: authorBase }], … }
 */
export function decideEffectiveLicenses(assigned: readonly LicenseProductRef[]): EffectiveLicenseDecision {
  return decideInPrecedenceOrder(canonicalLicenses(assigned));
}

/**
 * The same rules for a list already distinct and in precedence order (what canonicalLicenses
 * returns); the decision cache calls it directly, its bitmasks enumerate products in that order.
 */
export function decideInPrecedenceOrder(licenses: readonly LicenseProductRef[]): EffectiveLicenseDecision {
  // One verdict per license, by position in precedence order: null while effective. Reading the
  // verdicts in that order yields both lists already in precedence order.
  const verdicts: (ReleasedLicense | null)[] = new Array(licenses.length).fill(null);
  const top = topBase(licenses);
  if (!top) {
    for (let i = 0; i < licenses.length; i++)
      verdicts[i] = releasedAs(licenses[i]!, 'ADD_ON_WITHOUT_BASE', null);
    return finish(licenses, verdicts);
  }
  // Passes 1-3 in one walk: the greedy overlap choice only looks at bases kept earlier in the order.
  const bases: LicenseProductRef[] = [];
  const addOns: number[] = [];
  for (let i = 0; i < licenses.length; i++) {
    const license = licenses[i]!;
    if (license.generation < top.generation) verdicts[i] = releasedAs(licenses[i]!, 'OLDER_GENERATION', top);
    else if (license.audience !== top.audience)
      verdicts[i] = releasedAs(licenses[i]!, 'INTERNAL_EXTERNAL', top);
    else if (license.kind === 'ADD_ON') addOns.push(i);
    else {
      const winner = bases.find((kept) => overlaps(kept, license));
      if (winner) verdicts[i] = releasedAs(licenses[i]!, 'OVERLAPPING_BASE', winner);
      else bases.push(license);
    }
  }
  // Passes 4-5: prerequisites against the final bases first, then overlaps among the supported.
  const kept: LicenseProductRef[] = [];
  for (const i of addOns) {
    const addOn = licenses[i]!;
    if (!addOn.requiresProductIds.some((id) => bases.some((b) => b.id === id))) {
      verdicts[i] = releasedAs(licenses[i]!, 'ADD_ON_WITHOUT_BASE', null);
      continue;
    }
    const winner = kept.find((k) => overlaps(k, addOn));
    if (winner) verdicts[i] = releasedAs(licenses[i]!, 'OVERLAPPING_ADD_ON', winner);
    else kept.push(addOn);
  }
  return finish(licenses, verdicts);
}

// A module-level helper, not a closure: this runs per distinct assignment set, and tsx wraps every
// named closure it creates in a property definition.
function releasedAs(license: LicenseProductRef, rule: ReleaseRule, inFavourOf: LicenseProductRef | null) {
  return { license, rule, inFavourOf };
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

/** Split the verdicts (in precedence order) into the two lists. */
function finish(
  ordered: readonly LicenseProductRef[],
  verdicts: readonly (ReleasedLicense | null)[],
): EffectiveLicenseDecision {
  const effective: LicenseProductRef[] = [];
  const released: ReleasedLicense[] = [];
  for (let i = 0; i < ordered.length; i++) {
    const verdict = verdicts[i];
    if (verdict) released.push(verdict);
    else effective.push(ordered[i]!);
  }
  return new Decision(
    effective,
    released,
    effective.some((l) => l.kind === 'BASE'),
  );
}

/**
 * A decision whose sentences are written when first read: an incremental recompute decides
 * thousands of sets and compares them, and most of their explanations are never shown.
 */
class Decision implements EffectiveLicenseDecision {
  #reasons: string[] | undefined;

  constructor(
    readonly effective: LicenseProductRef[],
    readonly released: ReleasedLicense[],
    readonly loginAllowed: boolean,
  ) {}

  get reasons(): string[] {
    if (!this.#reasons) {
      this.#reasons = this.released.map(describeRelease);
      if (!this.loginAllowed) this.#reasons.unshift('login refused: no effective base license');
    }
    return this.#reasons;
  }
}
