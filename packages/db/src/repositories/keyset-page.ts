// Reads one keyset page of a list query (see page.ts): the rows after the cursor in id order, plus
// one extra row so toPage can tell whether another page exists. The caller's query keeps its own
// tenant filters; this only adds the cursor, the order and the limit.
import type { SelectQueryBuilder, StringReference } from 'kysely';
import { type Page, type PageRequest, toPage } from './page.ts';

/** 'asc': oldest first, the cursor moves up; 'desc': newest first (ids are time-sortable). */
export type KeysetOrder = 'asc' | 'desc';

/** The raw rows of a page (limit + 1 at most), for lists that map rows before {@link toPage}. */
export function keysetRows<DB, TB extends keyof DB, O>(
  q: SelectQueryBuilder<DB, TB, O>,
  id: StringReference<DB, TB>,
  page: PageRequest,
  order: KeysetOrder = 'asc',
): Promise<O[]> {
  // The direction is only written for 'desc', so ascending lists keep their plain `order by id`.
  const desc = order === 'desc';
  // Kysely cannot resolve the column's value type through generic tables; ids are text.
  const after = page.after ? q.where(id, desc ? '<' : '>', page.after as never) : q;
  return (desc ? after.orderBy(id, 'desc') : after.orderBy(id)).limit(page.limit + 1).execute();
}

/** One page of `q` by `id`: `keysetPage(scoped(db, accountId), 'id', page)`. */
export async function keysetPage<DB, TB extends keyof DB, O extends { id: string }>(
  q: SelectQueryBuilder<DB, TB, O>,
  id: StringReference<DB, TB>,
  page: PageRequest,
  order: KeysetOrder = 'asc',
): Promise<Page<O>> {
  return toPage(await keysetRows(q, id, page, order), page.limit);
}
