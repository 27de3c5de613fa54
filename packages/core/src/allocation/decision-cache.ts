// Memoizes effective-license decisions by the set of products a person holds. Many people share the
// same set (a department, a role), and the decision is a pure function of that set and the catalog,
// so one decision object serves all of them and an unchanged set costs a map lookup, not a decision.
import {
  decideEffectiveLicenses,
  decideInPrecedenceOrder,
  type EffectiveLicenseDecision,
} from './effective-license.ts';
import { comparePrecedence, type LicenseProductRef } from './license-product.ts';

/** Beyond this many distinct sets the memo starts over, so a long-lived index cannot grow unbounded. */
const DEFAULT_MAX_ENTRIES = 200_000;

/**
 * The canonical text of a decision: equal texts mean the same effective set, the same releases for
 * the same rules in favour of the same licenses. Storage compares it to skip unchanged rows.
 * @example decisionKey(decide(['b'])) // 'b|'
 */
export function decisionKey(decision: EffectiveLicenseDecision): string {
  const known = keys.get(decision);
  if (known !== undefined) return known;
  const effective = decision.effective.map((l) => l.id).join(',');
  const released = decision.released
    .map((r) => `${r.license.id}:${r.rule}:${r.inFavourOf?.id ?? ''}`)
    .join(',');
  const key = `${effective}|${released}`;
  keys.set(decision, key);
  return key;
}

// Decisions are immutable and shared, so each one's key is computed once.
const keys = new WeakMap<EffectiveLicenseDecision, string>();

/** True when both decisions say the same thing (same object, or the same canonical text). */
export function sameDecision(
  a: EffectiveLicenseDecision | null,
  b: EffectiveLicenseDecision | null,
): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return decisionKey(a) === decisionKey(b);
}

/**
 * A set of held products as a map key: a bitmask of the catalog's products when the catalog has at
 * most 30 (the common case: unions are one OR and lookups hash a small integer), otherwise the
 * sorted ids joined. Products outside the catalog are left out: they cannot change a decision.
 */
export type LicenseSetKey = number | string;

const MAX_MASK_BITS = 30;

/** Decisions for one catalog, memoized by the set of held products. */
export class DecisionCache {
  private readonly decisions = new Map<LicenseSetKey, EffectiveLicenseDecision>();
  readonly products: ReadonlyMap<string, LicenseProductRef>;
  /** Product id → bit, in id order; null when the catalog is too large for a mask. */
  private readonly bits: Map<string, number> | null;
  private readonly byBit: LicenseProductRef[];

  /**
   * Ids absent from `products` are ignored when deciding: a license the organization does not hold
   * grants nothing, and is not consumed either.
   * @example new DecisionCache(new Map([[b.id, b]])).decide(['b']).loginAllowed // true
   */
  constructor(
    products: ReadonlyMap<string, LicenseProductRef> | Iterable<LicenseProductRef>,
    private readonly maxEntries = DEFAULT_MAX_ENTRIES,
  ) {
    this.products =
      products instanceof Map
        ? (products as ReadonlyMap<string, LicenseProductRef>)
        : new Map([...(products as Iterable<LicenseProductRef>)].map((p) => [p.id, p]));
    // Bits in precedence order, so a mask's products come out distinct and ready for the rules.
    this.byBit = [...this.products.values()].sort(comparePrecedence);
    this.bits = this.byBit.length <= MAX_MASK_BITS ? new Map(this.byBit.map((p, i) => [p.id, i])) : null;
  }

  /** The key of a sorted, distinct list of product ids. */
  keyOf(sortedIds: readonly string[]): LicenseSetKey {
    if (this.bits) {
      let mask = 0;
      for (const id of sortedIds) {
        const bit = this.bits.get(id);
        if (bit !== undefined) mask |= 1 << bit;
      }
      return mask;
    }
    let key = '';
    for (const id of sortedIds) if (this.products.has(id)) key = key === '' ? id : `${key}\n${id}`;
    return key;
  }

  /** The key of the union of two sets. */
  union(a: LicenseSetKey, b: LicenseSetKey): LicenseSetKey {
    if (typeof a === 'number' && typeof b === 'number') return a | b;
    if (a === '' || a === b) return b;
    if (b === '') return a;
    return [...new Set([...String(a).split('\n'), ...String(b).split('\n')])].sort().join('\n');
  }

  /** Decide for a key; the same key returns the same decision object. */
  decideKey(key: LicenseSetKey): EffectiveLicenseDecision {
    const known = this.decisions.get(key);
    if (known) return known;
    const refs: LicenseProductRef[] = [];
    let decision: EffectiveLicenseDecision;
    if (typeof key === 'number') {
      for (let bit = 0; bit < this.byBit.length; bit++) if (key & (1 << bit)) refs.push(this.byBit[bit]!);
      decision = decideInPrecedenceOrder(refs);
    } else {
      if (key !== '') for (const id of key.split('\n')) refs.push(this.products.get(id)!);
      decision = decideEffectiveLicenses(refs);
    }
    if (this.decisions.size >= this.maxEntries) this.decisions.clear();
    this.decisions.set(key, decision);
    return decision;
  }

  /** Decide for a sorted, distinct list of product ids; the same set returns the same object. */
  decide(sortedIds: readonly string[]): EffectiveLicenseDecision {
    return this.decideKey(this.keyOf(sortedIds));
  }

  /** Distinct sets decided so far (for benchmarks and tests). */
  get size(): number {
    return this.decisions.size;
  }
}
