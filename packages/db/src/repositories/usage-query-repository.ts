// Reads of the usage store: the 30-day user count (from the per-day counters, never from events),
// the usage-event list and the deduplicated denial view, each paged by a keyset cursor.
import { type Kysely, sql } from 'kysely';
import type { Schema } from '../schema.ts';
import type { Page } from './page.ts';

/** Days a user keeps counting after the UTC day of their last sighting (that day included). */
export const USER_COUNT_WINDOW_DAYS = 30;

export interface UsageEventRow {
  id: string;
  source: string;
  kind: string;
  feature: string;
  username: string;
  host: string;
  occurredAt: Date;
  count: number;
  licenseServerId: string | null;
  licenseId: string | null;
  version: string | null;
  reason: string | null;
}

export interface UsageEventFilter {
  from?: Date | undefined;
  to?: Date | undefined;
  kind?: string | undefined;
  feature?: string | undefined;
  usernameKey?: string | undefined;
  licenseServerId?: string | undefined;
  licenseId?: string | undefined;
}

export interface DenialDayRow {
  day: string;
  feature: string;
  username: string;
  usernameKey: string;
  denials: number;
  firstAt: Date;
  lastAt: Date;
}

const utcDay = (at: Date) => at.toISOString().slice(0, 10);
const encode = (parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');

function decode(cursor: string | undefined, arity: number): string[] | undefined {
  if (!cursor) return undefined;
  try {
    const parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parts) && parts.length === arity && parts.every((p) => typeof p === 'string'))
      return parts;
  } catch {}
  return undefined;
}

export const usageQueryRepository = {
  /**
   * Distinct users (by username key) last seen on one of the 30 UTC days ending with `asOf`'s day:
   * a sum over at most 30 counter rows. Exact for `asOf` at or after the latest sighting ("now").
   */
  async countUsers(
    db: Kysely<Schema>,
    organizationId: string,
    asOf: Date,
    licenseId?: string,
  ): Promise<number> {
    const day = utcDay(asOf);
    const { rows } = licenseId
      ? await sql<{ n: number }>`SELECT coalesce(sum(users), 0)::int AS n FROM usage_license_user_days
          WHERE license_id = ${licenseId} AND day > ${day}::date - ${USER_COUNT_WINDOW_DAYS}::int
            AND day <= ${day}::date`.execute(db)
      : await sql<{ n: number }>`SELECT coalesce(sum(users), 0)::int AS n FROM usage_user_days
          WHERE organization_id = ${organizationId} AND day > ${day}::date - ${USER_COUNT_WINDOW_DAYS}::int
            AND day <= ${day}::date`.execute(db);
    return Number(rows[0]?.n ?? 0);
  },

  /** Events newest first; the cursor is the (time, id) of the last row of the previous page. */
  async listEvents(
    db: Kysely<Schema>,
    accountId: string,
    organizationId: string,
    filter: UsageEventFilter,
    page: { limit: number; after?: string | undefined },
  ): Promise<Page<UsageEventRow>> {
    let q = db
      .selectFrom('usage_events')
      .select([
        'id',
        'source',
        'kind',
        'feature',
        'username',
        'host',
        'occurred_at as occurredAt',
        'count',
        'license_server_id as licenseServerId',
        'license_id as licenseId',
        'version',
        'reason',
      ])
      .where('account_id', '=', accountId)
      .where('organization_id', '=', organizationId);
    if (filter.from) q = q.where('occurred_at', '>=', filter.from);
    if (filter.to) q = q.where('occurred_at', '<', filter.to);
    if (filter.kind) q = q.where('kind', '=', filter.kind);
    if (filter.feature) q = q.where('feature', '=', filter.feature);
    if (filter.usernameKey) q = q.where('username_key', '=', filter.usernameKey);
    if (filter.licenseServerId) q = q.where('license_server_id', '=', filter.licenseServerId);
    if (filter.licenseId) q = q.where('license_id', '=', filter.licenseId);
    const after = decode(page.after, 2);
    if (after && !Number.isNaN(Date.parse(after[0]!)) && /^\d{1,19}$/.test(after[1]!)) {
      const [at, id] = [new Date(after[0]!), after[1]!];
      q = q.where(sql<boolean>`(occurred_at, id) < (${at}::timestamptz, ${id}::bigint)`);
    }
    const rows = await q
      .orderBy('occurred_at', 'desc')
      .orderBy('id', 'desc')
      .limit(page.limit + 1)
      .execute();
    const data = rows.slice(0, page.limit).map((r) => ({ ...r, id: String(r.id) }));
    const last = data.at(-1);
    return {
      data,
      nextCursor: rows.length > page.limit && last ? encode([last.occurredAt.toISOString(), last.id]) : null,
    };
  },

  /** Deduplicated denials (one row per user, feature, UTC day), newest day first, with totals. */
  async listDenials(
    db: Kysely<Schema>,
    accountId: string,
    organizationId: string,
    filter: { fromDay?: string | undefined; toDay?: string | undefined; feature?: string | undefined },
    page: { limit: number; after?: string | undefined },
  ): Promise<Page<DenialDayRow> & { distinct: number; raw: number }> {
    let q = db
      .selectFrom('usage_denial_days')
      .where('account_id', '=', accountId)
      .where('organization_id', '=', organizationId);
    if (filter.fromDay) q = q.where('day', '>=', filter.fromDay);
    if (filter.toDay) q = q.where('day', '<=', filter.toDay);
    if (filter.feature) q = q.where('feature', '=', filter.feature);
    const totals = await q
      .select([
        sql<number>`count(*)::int`.as('distinct'),
        sql<number>`coalesce(sum(denials), 0)::int`.as('raw'),
      ])
      .executeTakeFirstOrThrow();
    const after = decode(page.after, 3);
    let list = q.select([
      sql<string>`to_char(day, 'YYYY-MM-DD')`.as('day'),
      'feature',
      'username',
      'username_key as usernameKey',
      'denials',
      'first_at as firstAt',
      'last_at as lastAt',
    ]);
    if (after && /^\d{4}-\d{2}-\d{2}$/.test(after[0]!)) {
      const [d, f, k] = after as [string, string, string];
      list = list.where(
        sql<boolean>`(day < ${d}::date OR (day = ${d}::date AND (feature, username_key) > (${f}, ${k})))`,
      );
    }
    const rows = await list
      .orderBy('day', 'desc')
      .orderBy('feature')
      .orderBy('username_key')
      .limit(page.limit + 1)
      .execute();
    const data = rows.slice(0, page.limit);
    const last = data.at(-1);
    const more = rows.length > page.limit && last;
    return {
      data,
      nextCursor: more ? encode([last.day, last.feature, last.usernameKey]) : null,
      distinct: Number(totals.distinct),
      raw: Number(totals.raw),
    };
  },
};
