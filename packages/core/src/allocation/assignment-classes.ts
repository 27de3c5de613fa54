// People grouped by what they are assigned: the same direct groups and the same direct licenses.
// Everyone in one class holds the same licenses and so has the same decision, which is why an
// incremental recompute works per class (hundreds) rather than per person (tens of thousands). A
// class keeps its held set as a LicenseSetKey (a bitmask for usual catalogs), so re-resolving it
// after a group change is an OR, a comparison and, when the set changed, one memo lookup.
import type { DecisionCache, LicenseSetKey } from './decision-cache.ts';
import type { EffectiveLicenseDecision } from './effective-license.ts';
import { type ExpansionStore, mergeSorted } from './group-store.ts';

/** People sharing direct groups and direct licenses, with what they hold and what is effective. */
export interface AssignmentClass {
  key: string;
  /** Sorted ids of the groups that contain these people directly, and the same joined. */
  groupIds: readonly string[];
  groupKey: string;
  /** Sorted, distinct licenses assigned to these people directly, and their set key. */
  direct: readonly string[];
  directKey: LicenseSetKey;
  members: Set<string>;
  /** The set held by every route. */
  setKey: LicenseSetKey;
  /** Sorted ids held by every route; computed when asked, forgotten when the groups change. */
  licenses: readonly string[] | null;
  decision: EffectiveLicenseDecision;
  /** The last refresh that visited this class (see AllocationIndex.refreshBelow). */
  stamp: number;
}

/** The classes of one index, looked up by key, by direct group and by person. */
export class ClassRegistry {
  readonly byKey = new Map<string, AssignmentClass>();
  readonly byGroup = new Map<string, Set<AssignmentClass>>();
  readonly byPerson = new Map<string, AssignmentClass>();
  /** Memos per group list; valid until the expansion changes (then call `forgetUnions`). */
  private unionKeys = new Map<string, LicenseSetKey>();
  private unions = new Map<string, readonly string[]>();

  constructor(
    private readonly expansion: ExpansionStore,
    private readonly cache: () => DecisionCache,
  ) {}

  forgetUnions(): void {
    this.unionKeys = new Map();
    this.unions = new Map();
  }

  /** The set key of the licenses reaching someone in exactly these direct groups. */
  private unionKeyOf(groupIds: readonly string[], groupKey: string): LicenseSetKey {
    let key = this.unionKeys.get(groupKey);
    if (key === undefined) {
      const cache = this.cache();
      key = cache.keyOf([]);
      for (const id of groupIds) key = cache.union(key, cache.keyOf(this.expansion.get(id) ?? []));
      this.unionKeys.set(groupKey, key);
    }
    return key;
  }

  /** Sorted ids reaching someone in exactly these direct groups. */
  private unionOf(groupIds: readonly string[], groupKey: string): readonly string[] {
    let union = this.unions.get(groupKey);
    if (!union) {
      union = [];
      for (const id of groupIds) union = mergeSorted(union, this.expansion.get(id) ?? []);
      this.unions.set(groupKey, union);
    }
    return union;
  }

  /** Everything a class holds, by product id (sorted). */
  licensesOf(found: AssignmentClass): readonly string[] {
    found.licenses ??= mergeSorted(this.unionOf(found.groupIds, found.groupKey), found.direct);
    return found.licenses;
  }

  /** The class for this assignment, created (and decided) on first use. */
  classFor(groupIds: readonly string[], direct: readonly string[]): AssignmentClass {
    const groupKey = groupIds.join('\n');
    const key = `${groupKey}\u0001${direct.join('\n')}`;
    let found = this.byKey.get(key);
    if (found) return found;
    const cache = this.cache();
    const directKey = cache.keyOf(direct);
    const setKey = cache.union(this.unionKeyOf(groupIds, groupKey), directKey);
    const decision = cache.decideKey(setKey);
    found = {
      key,
      groupIds,
      groupKey,
      direct,
      directKey,
      members: new Set(),
      setKey,
      licenses: null,
      decision,
      stamp: 0,
    };
    this.byKey.set(key, found);
    for (const id of groupIds) {
      let set = this.byGroup.get(id);
      if (!set) {
        set = new Set();
        this.byGroup.set(id, set);
      }
      set.add(found);
    }
    return found;
  }

  /** Put a person in a class, leaving their previous one (dropped when it empties). */
  place(personId: string, target: AssignmentClass | null): void {
    const previous = this.byPerson.get(personId);
    if (previous === target) return;
    if (previous) {
      previous.members.delete(personId);
      if (previous.members.size === 0) this.drop(previous);
    }
    if (target) {
      target.members.add(personId);
      this.byPerson.set(personId, target);
    } else this.byPerson.delete(personId);
  }

  /** Re-resolve a class after its groups' expansion changed; returns the previous decision. */
  refresh(found: AssignmentClass): EffectiveLicenseDecision {
    const before = found.decision;
    const cache = this.cache();
    const setKey = cache.union(this.unionKeyOf(found.groupIds, found.groupKey), found.directKey);
    found.licenses = null;
    if (setKey !== found.setKey) {
      found.setKey = setKey;
      found.decision = cache.decideKey(setKey);
    }
    return before;
  }

  /**
   * After the catalog changed: recompute every class's keys under the new cache, re-deciding those
   * holding a changed product (`onHolder` is told before/after); the others keep their decision.
   */
  rekey(
    changed: ReadonlySet<string>,
    onHolder: (found: AssignmentClass, before: EffectiveLicenseDecision) => void,
  ) {
    this.forgetUnions();
    const cache = this.cache();
    for (const found of this.byKey.values()) {
      found.directKey = cache.keyOf(found.direct);
      found.setKey = cache.union(this.unionKeyOf(found.groupIds, found.groupKey), found.directKey);
      if (!this.licensesOf(found).some((id) => changed.has(id))) continue;
      const before = found.decision;
      found.decision = cache.decideKey(found.setKey);
      onHolder(found, before);
    }
  }

  private drop(found: AssignmentClass): void {
    this.byKey.delete(found.key);
    for (const id of found.groupIds) this.byGroup.get(id)?.delete(found);
  }
}
