// The `changes` member of an update's audit event: only the members that changed, as {from, to}.

/**
 * Compare two versions of a record member by member (by JSON value, so arrays and objects compare
 * by content) and keep those that differ.
 * @example changeSummary({ name: 'A', rank: 1 }, { name: 'B', rank: 1 }) // { name: { from: 'A', to: 'B' } }
 */
export function changeSummary<T extends object>(
  before: T,
  after: T,
  keys: readonly (keyof T & string)[] = Object.keys(after) as (keyof T & string)[],
): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of keys) {
    const from = before[key] ?? null;
    const to = after[key] ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from, to };
  }
  return changes;
}
