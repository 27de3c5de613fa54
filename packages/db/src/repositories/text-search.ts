// Case-insensitive substring search over a list's text columns (the people and license lists' `q`).
import { type Expression, expressionBuilder, type SqlBool } from 'kysely';

/** `%`, `_` and `\` are LIKE wildcards: a search for "50%" must match the text "50%". */
const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * A filter that holds when any of `lowered` (lower-cased SQL such as sql`lower(p.name)`) contains
 * `text`, ignoring case: `q.where(containsText(filters.q, [sql`lower(p.name)`, sql`lower(p.email)`]))`.
 */
export function containsText(text: string, lowered: readonly Expression<unknown>[]): Expression<SqlBool> {
  const like = `%${likeEscape(text.toLowerCase())}%`;
  // The expressions are raw SQL, so the builder needs no table types.
  const eb = expressionBuilder();
  return eb.or(lowered.map((column) => eb(column, 'like', like)));
}
