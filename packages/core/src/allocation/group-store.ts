// The mutable group structure behind an incremental allocation index: groups with their members in
// both directions, the cycle check run before a nesting is added, and the expansion (licenses that
// reach a group's members) refreshed only for the groups below a change.
import type { GroupKind, GroupNode } from './assignment-graph.ts';

/** One group as the index keeps it: members, the groups containing it, its own licenses (sorted). */
export interface GroupState {
  id: string;
  kind: GroupKind;
  people: Set<string>;
  /** Nested groups (members). */
  groups: Set<string>;
  /** Groups that contain this one directly. */
  parents: Set<string>;
  licenses: readonly string[];
}

export type GroupStore = Map<string, GroupState>;

/** Group id → sorted licenses reaching its members (its own and every enclosing group's). */
export type ExpansionStore = Map<string, readonly string[]>;

/** Sorted, distinct copy of a list of ids (returns the list itself when it already is). */
export function sortedDistinct(ids: readonly string[]): readonly string[] {
  let ok = true;
  for (let i = 1; i < ids.length && ok; i++) ok = ids[i - 1]! < ids[i]!;
  return ok ? ids : [...new Set(ids)].sort();
}

/** Merge two sorted, distinct lists into one (returns an input when the other adds nothing). */
export function mergeSorted(a: readonly string[], b: readonly string[]): readonly string[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      out.push(x);
      i++;
      j++;
    } else if (x < y) {
      out.push(x);
      i++;
    } else {
      out.push(y);
      j++;
    }
  }
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out.length === a.length ? a : out.length === b.length ? b : out;
}

/**
 * Build the store from graph nodes; member groups not listed as nodes are created empty.
 * @example storeOf([{ id: 'g', kind: 'GROUP', memberPersonIds: ['p'], memberGroupIds: [], licenseIds: [] }])
 */
export function storeOf(nodes: readonly GroupNode[]): GroupStore {
  const store: GroupStore = new Map();
  const ensure = (id: string, kind: GroupKind = 'GROUP') => {
    let group = store.get(id);
    if (!group) {
      group = { id, kind, people: new Set(), groups: new Set(), parents: new Set(), licenses: [] };
      store.set(id, group);
    }
    return group;
  };
  for (const node of nodes) {
    const group = ensure(node.id, node.kind);
    group.kind = node.kind;
    group.licenses = sortedDistinct(node.licenseIds);
    for (const personId of node.memberPersonIds) group.people.add(personId);
    for (const member of node.memberGroupIds) {
      group.groups.add(member);
      ensure(member).parents.add(node.id);
    }
  }
  return store;
}

/**
 * The groups at or below `roots` (every group whose members a change to a root reaches).
 * @example subtreeOf(store, ['g_lic']) // ['g_lic', 'g_eng', 'g_back']
 */
export function subtreeOf(store: GroupStore, roots: Iterable<string>): string[] {
  const seen = new Set<string>();
  const pending = [...roots];
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    for (const member of store.get(id)?.groups ?? []) if (!seen.has(member)) pending.push(member);
  }
  return [...seen];
}

/**
 * The cycle that nesting `childId` inside `parentId` would close, in containment order with the first
 * id repeated last, or null when the nesting is safe.
 * @example cycleIfNested(store, 'g_back', 'g_lic') // ['g_back', 'g_lic', 'g_eng', 'g_back']
 */
export function cycleIfNested(store: GroupStore, parentId: string, childId: string): string[] | null {
  if (parentId === childId) return [parentId, parentId];
  const previous = new Map<string, string>([[childId, '']]);
  const queue = [childId];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    for (const member of [...(store.get(id)?.groups ?? [])].sort()) {
      if (previous.has(member)) continue;
      previous.set(member, id);
      if (member === parentId) {
        const path = [member];
        for (let at = id; at !== ''; at = previous.get(at)!) path.push(at);
        return [parentId, ...path.reverse()];
      }
      queue.push(member);
    }
  }
  return null;
}

/**
 * Recompute the expansion of `groupIds` (which must include everything below them) from their own
 * licenses and their parents'; expansions of groups outside the list are trusted as they are.
 */
export function refreshExpansion(store: GroupStore, expansion: ExpansionStore, groupIds: readonly string[]) {
  for (const id of groupIds) expansion.delete(id);
  const visit = (id: string): readonly string[] => {
    const known = expansion.get(id);
    if (known) return known;
    const group = store.get(id);
    if (!group) return [];
    let result = group.licenses;
    if (group.parents.size > 0) {
      const licenses = new Set(group.licenses);
      for (const parent of group.parents) for (const l of visit(parent)) licenses.add(l);
      result = licenses.size === group.licenses.length ? group.licenses : [...licenses].sort();
    }
    expansion.set(id, result);
    return result;
  };
  for (const id of groupIds) visit(id);
}
