// The incremental allocation index: everyone's effective licenses, kept current change by change.
// A change to a group re-resolves only the assignment classes of the groups at or below it (the
// people it reaches), reusing memoized decisions; a change to one person moves only that person.
// `build` is the full recompute; after any sequence of changes the index equals a fresh build
// (property-tested in allocation-index.property.test.ts).

import { ClassRegistry } from './assignment-classes.ts';
import type { AssignmentGraph, AssignmentResult, GroupKind } from './assignment-graph.ts';
import { DecisionCache, sameDecision } from './decision-cache.ts';
import type { EffectiveLicenseDecision } from './effective-license.ts';
import { expandGroups } from './expand-groups.ts';
import {
  cycleIfNested,
  type ExpansionStore,
  type GroupStore,
  refreshExpansion,
  sortedDistinct,
  storeOf,
  subtreeOf,
} from './group-store.ts';
import type { LicenseProductRef } from './license-product.ts';
import { changedProductIds } from './product-changes.ts';
import { indexPersonGroups } from './resolve-assignments.ts';

/**
 * People whose decision changed, from what to what. For a group change `personIds` is the live
 * member set of an assignment class (no copy, so a change reaching 20,000 people allocates nothing
 * per person): read it before the next change.
 */
export interface AllocationChange {
  personIds: ReadonlySet<string> | readonly string[];
  before: EffectiveLicenseDecision;
  after: EffectiveLicenseDecision;
}

/** What a change cost and what it changed. */
export interface RecomputeOutcome {
  /** People re-resolved: everyone the change reaches, changed or not. */
  reached: number;
  changes: AllocationChange[];
}

/** A member of a group: a person or a nested group. */
export type AllocationGroupMember = { personId: string } | { groupId: string };

const NONE: readonly string[] = Object.freeze([]);

export class AllocationIndex {
  private cache: DecisionCache;
  private readonly expansion: ExpansionStore;
  private readonly classes: ClassRegistry;
  private refreshes = 0;

  private constructor(
    products: Iterable<LicenseProductRef>,
    private readonly groups: GroupStore,
    expansion: ExpansionStore,
  ) {
    this.cache = new DecisionCache(products);
    this.expansion = expansion;
    this.classes = new ClassRegistry(expansion, () => this.cache);
  }

  /**
   * Full recompute: resolve and decide everyone of the graph, or report a group cycle.
   * @example AllocationIndex.build(graph, catalog).value.decisionOf('per_ann').effective
   */
  static build(
    graph: AssignmentGraph,
    products: Iterable<LicenseProductRef>,
  ): AssignmentResult<AllocationIndex> {
    const expanded = expandGroups(graph);
    if (!expanded.ok) return expanded;
    const index = new AllocationIndex(products, storeOf(graph.groups), new Map(expanded.value));
    for (const [personId, groupIds] of indexPersonGroups(graph)) {
      const direct = sortedDistinct(graph.directLicenses.get(personId) ?? NONE);
      index.classes.place(personId, index.classes.classFor(groupIds, direct));
    }
    return { ok: true, value: index };
  }

  /** The decision for one person; someone the index does not know holds nothing. */
  decisionOf(personId: string): EffectiveLicenseDecision {
    return this.classes.byPerson.get(personId)?.decision ?? this.cache.decide(NONE);
  }

  /** Sorted product ids a person holds by any route. */
  licensesOf(personId: string): readonly string[] {
    const found = this.classes.byPerson.get(personId);
    return found ? this.classes.licensesOf(found) : NONE;
  }

  /** Everyone's decision (a snapshot). */
  decisions(): Map<string, EffectiveLicenseDecision> {
    const out = new Map<string, EffectiveLicenseDecision>();
    for (const [personId, found] of this.classes.byPerson) out.set(personId, found.decision);
    return out;
  }

  /** Distinct assignment classes and memoized decisions (for benchmarks). */
  stats(): { people: number; classes: number; decisions: number } {
    const c = this.classes;
    return { people: c.byPerson.size, classes: c.byKey.size, decisions: this.cache.size };
  }

  /** Replace a group's own licenses; re-resolves the people at or below it. */
  setGroupLicenses(groupId: string, licenseIds: readonly string[]): RecomputeOutcome {
    this.group(groupId).licenses = sortedDistinct(licenseIds);
    return this.refreshBelow([groupId]);
  }

  /** Replace a person's direct licenses; only that person is re-resolved. */
  setDirectLicenses(personId: string, licenseIds: readonly string[]): RecomputeOutcome {
    const current = this.classes.byPerson.get(personId);
    return this.move(personId, current?.groupIds ?? NONE, sortedDistinct(licenseIds));
  }

  /** Create an empty group (no-op when it exists). */
  addGroup(groupId: string, kind: GroupKind): void {
    if (!this.groups.has(groupId)) {
      const group = { id: groupId, kind, people: new Set<string>(), groups: new Set<string>() };
      this.groups.set(groupId, { ...group, parents: new Set(), licenses: NONE });
      this.expansion.set(groupId, NONE);
    }
  }

  /**
   * Add a person or a nested group; a nesting that would close a cycle is refused and nothing changes.
   * @example index.addMember('grp_lic', { groupId: 'grp_eng' }) // { ok: true, value: { reached, changes } }
   */
  addMember(groupId: string, member: AllocationGroupMember): AssignmentResult<RecomputeOutcome> {
    const group = this.group(groupId);
    if ('personId' in member) {
      group.people.add(member.personId);
      return { ok: true, value: this.regroup(member.personId, { joined: groupId }) };
    }
    const cycle = cycleIfNested(this.groups, groupId, member.groupId);
    if (cycle) {
      const message = `group membership forms a cycle: ${cycle.join(' contains ')}`;
      return { ok: false, error: { code: 'GROUP_CYCLE', cycle, message } };
    }
    group.groups.add(member.groupId);
    this.group(member.groupId).parents.add(groupId);
    return { ok: true, value: this.refreshBelow([member.groupId]) };
  }

  /** Remove a person or a nested group from a group. */
  removeMember(groupId: string, member: AllocationGroupMember): RecomputeOutcome {
    const group = this.group(groupId);
    if ('personId' in member) {
      group.people.delete(member.personId);
      return this.regroup(member.personId, { left: groupId });
    }
    group.groups.delete(member.groupId);
    this.groups.get(member.groupId)?.parents.delete(groupId);
    return this.refreshBelow([member.groupId]);
  }

  /** Delete a group: its people leave it, its nested groups lose what it passed on. */
  removeGroup(groupId: string): RecomputeOutcome {
    const group = this.group(groupId);
    for (const parent of group.parents) this.groups.get(parent)?.groups.delete(groupId);
    for (const child of group.groups) this.groups.get(child)?.parents.delete(groupId);
    group.licenses = NONE;
    group.parents.clear();
    const below = [...group.groups];
    group.groups.clear();
    // Its own classes empty out as its people move; only the nested groups' classes are refreshed.
    const outcome = this.refreshBelow(below, groupId);
    // Moving its people below changes live member sets: freeze what was reported so far.
    for (const c of outcome.changes) c.personIds = [...c.personIds];
    for (const personId of group.people) merge(outcome, this.regroup(personId, { left: groupId }));
    this.groups.delete(groupId);
    this.expansion.delete(groupId);
    this.classes.byGroup.delete(groupId);
    return outcome;
  }

  /** Forget a person entirely (they hold nothing afterwards). */
  removePerson(personId: string): RecomputeOutcome {
    const current = this.classes.byPerson.get(personId);
    for (const id of current?.groupIds ?? NONE) this.groups.get(id)?.people.delete(personId);
    this.classes.place(personId, null);
    const after = this.cache.decide(NONE);
    const changes =
      current && !sameDecision(current.decision, after) ? [change([personId], current.decision, after)] : [];
    return { reached: current ? 1 : 0, changes };
  }

  /**
   * Replace the catalog (a license file imported, licenses refreshed from the vendor). Only people
   * holding a product that was added, removed or altered are re-decided.
   */
  setProducts(products: Iterable<LicenseProductRef>): RecomputeOutcome {
    const next = new DecisionCache(products);
    const changed = changedProductIds(this.cache.products, next.products);
    this.cache = next;
    const outcome: RecomputeOutcome = { reached: 0, changes: [] };
    // Set keys depend on the catalog, so every class is re-keyed; only holders are re-decided.
    this.classes.rekey(changed, (found, before) => {
      outcome.reached += found.members.size;
      if (!sameDecision(before, found.decision))
        outcome.changes.push(change(found.members, before, found.decision));
    });
    return outcome;
  }

  private group(groupId: string) {
    const group = this.groups.get(groupId);
    if (!group) throw new Error(`unknown group ${groupId}`);
    return group;
  }

  /** Refresh expansions at or below `roots` and re-resolve their classes (skipping `leaving`'s). */
  private refreshBelow(roots: readonly string[], leaving?: string): RecomputeOutcome {
    const below = subtreeOf(this.groups, roots);
    refreshExpansion(this.groups, this.expansion, below);
    this.classes.forgetUnions();
    // A class in several groups below is refreshed once: stamped with this refresh's number.
    const stamp = ++this.refreshes;
    const outcome: RecomputeOutcome = { reached: 0, changes: [] };
    for (const id of below) {
      for (const found of this.classes.byGroup.get(id) ?? []) {
        if (found.stamp === stamp || (leaving !== undefined && found.groupIds.includes(leaving))) continue;
        found.stamp = stamp;
        outcome.reached += found.members.size;
        const before = this.classes.refresh(found);
        if (!sameDecision(before, found.decision))
          outcome.changes.push(change(found.members, before, found.decision));
      }
    }
    return outcome;
  }

  /** Move a person to the class of their direct groups after joining `joined` or leaving `left`. */
  private regroup(personId: string, edit: { joined?: string; left?: string }): RecomputeOutcome {
    const current = this.classes.byPerson.get(personId);
    const groupIds = new Set(current?.groupIds ?? NONE);
    if (edit.joined !== undefined) groupIds.add(edit.joined);
    if (edit.left !== undefined) groupIds.delete(edit.left);
    return this.move(personId, [...groupIds].sort(), current?.direct ?? NONE);
  }

  private move(personId: string, groupIds: readonly string[], direct: readonly string[]): RecomputeOutcome {
    const before = this.decisionOf(personId);
    const target = this.classes.classFor(groupIds, direct);
    this.classes.place(personId, target);
    const changes = sameDecision(before, target.decision)
      ? []
      : [change([personId], before, target.decision)];
    return { reached: 1, changes };
  }
}

function change(
  personIds: AllocationChange['personIds'],
  before: EffectiveLicenseDecision,
  after: EffectiveLicenseDecision,
) {
  return { personIds, before, after };
}

function merge(into: RecomputeOutcome, from: RecomputeOutcome): void {
  into.reached += from.reached;
  into.changes.push(...from.changes);
}
