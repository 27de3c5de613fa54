// Keyset pagination shared by every list: ordered by id (ids are time-sortable), `after` the last id
// of the previous page; one extra row is read to know whether another page exists.
export interface PageRequest {
  limit: number;
  after?: string | undefined;
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export function toPage<T extends { id: string }>(rows: T[], limit: number): Page<T> {
  const data = rows.slice(0, limit);
  return { data, nextCursor: rows.length > limit ? (data.at(-1)?.id ?? null) : null };
}
