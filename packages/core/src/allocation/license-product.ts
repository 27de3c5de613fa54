// The license product as the allocation rules see it, and the one precedence order they all share.
// Every choice the rules make ("the higher-ranked one") goes through `comparePrecedence`, a total
// order, so the outcome never depends on the order in which assignments arrive.

/** BASE licenses grant login; an ADD_ON only extends a base it requires. */
export type LicenseKind = 'BASE' | 'ADD_ON';

/** Employees and partners hold different license lines; one person is one or the other. */
export type LicenseAudience = 'INTERNAL' | 'EXTERNAL';

/** What the allocation rules need to know about one license product. */
export interface LicenseProductRef {
  id: string;
  kind: LicenseKind;
  /** Two licenses overlap when these sets share at least one capability. */
  capabilities: ReadonlySet<string>;
  /** Higher wins. Only compared between licenses of the same generation (see effective-license.ts). */
  rank: number;
  /** Higher is later; a later generation supersedes every earlier one. */
  generation: number;
  audience: LicenseAudience;
  /** For add-ons: the base products it extends; any one of them suffices. Empty for bases. */
  requiresProductIds: readonly string[];
}

/**
 * Precedence: higher rank first, then later generation, then product id ascending.
 * The id step exists only so that equal rank and generation still give one answer.
 * @example [b, a].sort(comparePrecedence) // the higher-ranked license first
 */
export function comparePrecedence(a: LicenseProductRef, b: LicenseProductRef): number {
  if (a.rank !== b.rank) return b.rank - a.rank;
  if (a.generation !== b.generation) return b.generation - a.generation;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * True when the two licenses share a capability: holding both pays twice for the same thing.
 * @example overlaps(pdmAuthor, pdmViewer) // true when both grant 'pdm.read'
 */
export function overlaps(a: LicenseProductRef, b: LicenseProductRef): boolean {
  const [small, large] =
    a.capabilities.size <= b.capabilities.size
      ? [a.capabilities, b.capabilities]
      : [b.capabilities, a.capabilities];
  for (const capability of small) if (large.has(capability)) return true;
  return false;
}

/**
 * One license per product id, in precedence order. The same product reached twice (directly and
 * through a group) is one license, consumed once.
 * @example canonicalLicenses([b, a, b]) // [a, b] when a outranks b
 */
export function canonicalLicenses(assigned: readonly LicenseProductRef[]): LicenseProductRef[] {
  const byId = new Map<string, LicenseProductRef>();
  for (const ref of assigned) {
    const seen = byId.get(ref.id);
    if (!seen || comparePrecedence(ref, seen) < 0) byId.set(ref.id, ref);
  }
  return [...byId.values()].sort(comparePrecedence);
}
