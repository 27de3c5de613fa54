// The check run before a group is nested in another: would the new nesting close a cycle? Works on
// the stored nesting edges, so the server can refuse the change before writing anything.
import { cycleIfNested, storeOf } from './group-store.ts';

/** One stored nesting: `parentId` contains `childId`. */
export interface NestingEdge {
  parentId: string;
  childId: string;
}

/**
 * The cycle nesting `childId` inside `parentId` would close (containment order, first id repeated
 * last), or null when it is safe.
 * @example nestingCycle([{ parentId: 'g_a', childId: 'g_b' }], 'g_b', 'g_a') // ['g_b', 'g_a', 'g_b']
 */
export function nestingCycle(
  edges: readonly NestingEdge[],
  parentId: string,
  childId: string,
): string[] | null {
  const store = storeOf(
    [...new Set(edges.map((e) => e.parentId))].map((id) => ({
      id,
      kind: 'GROUP' as const,
      memberPersonIds: [],
      memberGroupIds: edges.filter((e) => e.parentId === id).map((e) => e.childId),
      licenseIds: [],
    })),
  );
  return cycleIfNested(store, parentId, childId);
}
