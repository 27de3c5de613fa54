// The shape of who-gets-which-license: direct assignments, groups, license groups and their nesting.
// Licenses flow downwards: a license on a group reaches every person inside it, however deep.

/** GROUP organises people; LICENSE_GROUP exists to carry licenses. Both nest and both may carry licenses. */
export type GroupKind = 'GROUP' | 'LICENSE_GROUP';

/** One group: its direct members and the license products assigned to it. */
export interface GroupNode {
  id: string;
  kind: GroupKind;
  memberPersonIds: readonly string[];
  /** Nested groups: their members receive this group's licenses too. */
  memberGroupIds: readonly string[];
  licenseIds: readonly string[];
}

/** Everything the resolver needs; no I/O, the caller loads it. */
export interface AssignmentGraph {
  /** People assigned licenses directly, by person id. */
  directLicenses: ReadonlyMap<string, readonly string[]>;
  groups: readonly GroupNode[];
  /** Optional: people to list even when nothing reaches them (they resolve to []). */
  personIds?: readonly string[];
}

/** Group membership must be acyclic: a cycle would make "who is inside" undefined. */
export interface GroupCycleError {
  code: 'GROUP_CYCLE';
  /** Containment order, first id repeated last: ['grp_a', 'grp_b', 'grp_a'] = a contains b contains a. */
  cycle: string[];
  message: string;
}

/** Expected outcome or typed error, never a throw: a cycle is bad data an admin must fix. */
export type AssignmentResult<T> = { ok: true; value: T } | { ok: false; error: GroupCycleError };

/**
 * Index the groups by id; a later duplicate id replaces an earlier one.
 * @example groupsById(graph).get('grp_eng')?.licenseIds
 */
export function groupsById(graph: AssignmentGraph): Map<string, GroupNode> {
  return new Map(graph.groups.map((g) => [g.id, g]));
}
