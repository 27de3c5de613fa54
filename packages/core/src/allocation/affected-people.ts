// Incremental recompute: finds the people a change to one group reaches and resolves only them.
import { type AssignmentGraph, type AssignmentResult, groupsById } from './assignment-graph.ts';
import { expandGroups } from './expand-groups.ts';
import {
  type GroupListUnions,
  type LicensesByPerson,
  type PersonGroupIndex,
  personLicenses,
} from './resolve-assignments.ts';

const NONE: readonly string[] = Object.freeze([]);

/**
 * Everyone inside the group, directly or through nested groups. For a change that removes a member
 * group, call it on the graph before the change too and recompute the union. Safe on cyclic data
 * (each group is walked once), so it can run before the cycle check refuses the change.
 * @example affectedPeople(graph, 'grp_eng') // Set { 'per_a', 'per_b', …people of nested groups }
 */
export function affectedPeople(graph: AssignmentGraph, changedGroupId: string): Set<string> {
  const byId = groupsById(graph);
  const people = new Set<string>();
  const seen = new Set<string>([changedGroupId]);
  const pending = [changedGroupId];
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    const group = byId.get(id);
    if (!group) continue;
    for (const personId of group.memberPersonIds) people.add(personId);
    for (const member of group.memberGroupIds) {
      if (seen.has(member)) continue;
      seen.add(member);
      pending.push(member);
    }
  }
  return people;
}

/**
 * Resolve only the people reached by a change to one group's licenses or nested groups, reusing the
 * person index (a change of *person* membership must update that index first). Group expansion is
 * redone in full: it costs O(groups), far below resolving even one group's people.
 * @example recomputeAffected(graphAfter, personGroups, 'grp_eng') // { ok: true, value: Map {…} }
 */
export function recomputeAffected(
  graph: AssignmentGraph,
  personGroups: PersonGroupIndex,
  changedGroupId: string,
): AssignmentResult<LicensesByPerson> {
  const expansion = expandGroups(graph);
  if (!expansion.ok) return expansion;
  const result: LicensesByPerson = new Map();
  const unions: GroupListUnions = new Map();
  for (const personId of affectedPeople(graph, changedGroupId)) {
    const direct = graph.directLicenses.get(personId) ?? NONE;
    result.set(personId, personLicenses(direct, personGroups.get(personId) ?? NONE, expansion.value, unions));
  }
  return { ok: true, value: result };
}
