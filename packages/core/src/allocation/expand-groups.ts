// Expands nested groups once: for every group, the licenses it passes on to its members (its own and
// every enclosing group's). Memoized, so a group shared by many people is expanded exactly once.
import {
  type AssignmentGraph,
  type AssignmentResult,
  type GroupNode,
  groupsById,
} from './assignment-graph.ts';

/** Group id → sorted, distinct license ids reaching anyone inside that group. */
export type GroupExpansion = ReadonlyMap<string, readonly string[]>;

/**
 * Expand every group, or report the first membership cycle (groups visited in id order, so the
 * same graph always reports the same cycle).
 * @example
 * expandGroups({ directLicenses: new Map(), groups: [outer, inner] })
 * // { ok: true, value: Map { 'grp_outer' => ['lic_a'], 'grp_inner' => ['lic_a', 'lic_b'] } }
 */
export function expandGroups(graph: AssignmentGraph): AssignmentResult<GroupExpansion> {
  const byId = groupsById(graph);
  const parents = parentIndex(graph.groups);
  const done = new Map<string, readonly string[]>();
  const onPath: string[] = [];

  // Depth-first up the enclosing groups; onPath holds the chain from the start group outwards.
  const visit = (id: string): readonly string[] => {
    const known = done.get(id);
    if (known) return known;
    const at = onPath.indexOf(id);
    if (at >= 0) throw new CycleFound([...onPath.slice(at), id].reverse());
    onPath.push(id);
    const licenses = new Set(byId.get(id)?.licenseIds ?? []);
    for (const parent of parents.get(id) ?? []) for (const l of visit(parent)) licenses.add(l);
    onPath.pop();
    const sorted = [...licenses].sort();
    done.set(id, sorted);
    return sorted;
  };

  try {
    for (const id of [...byId.keys()].sort()) visit(id);
  } catch (e) {
    if (!(e instanceof CycleFound)) throw e;
    const message = `group membership forms a cycle: ${e.cycle.join(' contains ')}`;
    return { ok: false, error: { code: 'GROUP_CYCLE', cycle: e.cycle, message } };
  }
  return { ok: true, value: done };
}

/** Member group id → the groups that directly contain it, sorted for a deterministic walk. */
function parentIndex(groups: readonly GroupNode[]): Map<string, string[]> {
  const parents = new Map<string, string[]>();
  for (const group of groups) {
    for (const member of group.memberGroupIds) {
      const list = parents.get(member) ?? [];
      list.push(group.id);
      parents.set(member, list);
    }
  }
  for (const list of parents.values()) list.sort();
  return parents;
}

/** Internal unwinding signal; never escapes expandGroups. */
class CycleFound extends Error {
  constructor(readonly cycle: string[]) {
    super('cycle');
  }
}
