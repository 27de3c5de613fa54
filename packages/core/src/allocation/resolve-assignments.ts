// Resolves who holds which license products: direct assignments plus everything their groups carry,
// through any depth of nesting. Group expansion is shared (expand-groups.ts) and people in the same
// groups share one group list, so the work per person is a lookup plus merging their direct licenses.
import type { AssignmentGraph, AssignmentResult } from './assignment-graph.ts';
import { expandGroups, type GroupExpansion } from './expand-groups.ts';

/** Person id → ids of the groups that contain the person directly (not through nesting). */
export type PersonGroupIndex = ReadonlyMap<string, readonly string[]>;

/** Person id → sorted, distinct license product ids assigned to them by any route. */
export type LicensesByPerson = Map<string, readonly string[]>;

/** Memo of the licenses one group list grants, keyed by the (shared) list object. */
export type GroupListUnions = Map<readonly string[], readonly string[]>;

const NONE: readonly string[] = Object.freeze([]);

/**
 * Resolve every person of the graph, or report a group membership cycle.
 * @example
 * resolveAssignments({ directLicenses: new Map([['per_a', ['lic_x']]]), groups: [] })
 * // { ok: true, value: Map { 'per_a' => ['lic_x'] } }
 */
export function resolveAssignments(graph: AssignmentGraph): AssignmentResult<LicensesByPerson> {
  const expansion = expandGroups(graph);
  if (!expansion.ok) return expansion;
  const result: LicensesByPerson = new Map();
  const unions: GroupListUnions = new Map();
  for (const [personId, groupIds] of indexPersonGroups(graph)) {
    const direct = graph.directLicenses.get(personId) ?? NONE;
    result.set(personId, personLicenses(direct, groupIds, expansion.value, unions));
  }
  return { ok: true, value: result };
}

/**
 * One person's licenses from their direct assignments and direct groups; the building block of an
 * incremental recompute (see affected-people.ts). Pass one `unions` memo per expansion.
 * @example personLicenses(['lic_x'], ['grp_eng'], expansion) // ['lic_x', …licenses of grp_eng]
 */
export function personLicenses(
  direct: readonly string[],
  groupIds: readonly string[],
  expansion: GroupExpansion,
  unions: GroupListUnions = new Map(),
): readonly string[] {
  let fromGroups = unions.get(groupIds);
  if (!fromGroups) {
    const licenses = new Set<string>();
    for (const groupId of groupIds) for (const l of expansion.get(groupId) ?? NONE) licenses.add(l);
    fromGroups = [...licenses].sort();
    unions.set(groupIds, fromGroups);
  }
  // Without direct licenses the shared, already sorted group list is the answer.
  if (direct.length === 0) return fromGroups;
  const merged = fromGroups.slice();
  for (const id of direct) if (!merged.includes(id)) merged.push(id);
  return merged.sort();
}

/**
 * Invert group membership once: for each person, the groups that list them directly. Every person
 * of the graph appears (with [] when in no group); people in the same groups share one list object,
 * which is what lets personLicenses memoize. Keep it between incremental recomputes.
 * @example indexPersonGroups(graph).get('per_b') // ['grp_eng']
 */
export function indexPersonGroups(graph: AssignmentGraph): PersonGroupIndex {
  const index = new Map<string, string[]>();
  for (const id of graph.personIds ?? []) index.set(id, []);
  for (const id of graph.directLicenses.keys()) if (!index.has(id)) index.set(id, []);
  for (const group of graph.groups) {
    for (const personId of group.memberPersonIds) {
      const list = index.get(personId);
      if (!list) index.set(personId, [group.id]);
      else if (!list.includes(group.id)) list.push(group.id);
    }
  }
  const shared = new Map<string, string[]>();
  for (const [personId, list] of index) {
    const key = list.length === 1 ? list[0]! : list.sort().join('\n');
    const known = shared.get(key);
    if (known) index.set(personId, known);
    else shared.set(key, list);
  }
  return index;
}
