// Storage of the realtime usage feed: the one-process-at-a-time lock, the persisted cursor, and the
// floating events read by time (with the organization of their license) that the feed records.
import { type Kysely, sql } from 'kysely';
import type { Schema } from '../schema.ts';

// An arbitrary constant shared by every Licentia process: "the usage feed lock" (next to migrate.ts's).
const FEED_LOCK_KEY = 5_417_003_013;

/** A floating_events row as the feed records it. `at` is the exact time as text (microseconds kept). */
export interface FeedFloatingEvent {
  id: string;
  accountId: string;
  organizationId: string;
  licenseId: string;
  feature: string;
  kind: string;
  count: number;
  user: string;
  host: string;
  reason: string | null;
  occurredAt: Date;
  at: string;
}

export const usageFeedRepository = {
  /**
   * Take the feed lock for the transaction: false when another process holds it (`wait: false`), or
   * after waiting for it (`wait: true`, for a deterministic run).
   */
  async lock(db: Kysely<Schema>, wait: boolean): Promise<boolean> {
    if (wait) {
      await sql`SELECT pg_advisory_xact_lock(${FEED_LOCK_KEY}::bigint)`.execute(db);
      return true;
    }
    const { rows } = await sql<{ got: boolean }>`
      SELECT pg_try_advisory_xact_lock(${FEED_LOCK_KEY}::bigint) AS got`.execute(db);
    return rows[0]?.got === true;
  },

  /** The latest event time fed (as exact text), or null before the first pass. */
  async position(db: Kysely<Schema>, name: string): Promise<string | null> {
    const { rows } = await sql<{ position: string }>`
      SELECT position::text AS position FROM usage_feed_cursors WHERE name = ${name}`.execute(db);
    return rows[0]?.position ?? null;
  },

  /** Move the cursor forward to `at` (never back: another pass may have gone further). */
  async advance(db: Kysely<Schema>, name: string, at: string): Promise<void> {
    await sql`
      INSERT INTO usage_feed_cursors (name, position, updated_at)
      VALUES (${name}, ${at}::timestamptz, now())
      ON CONFLICT (name) DO UPDATE
      SET position = greatest(usage_feed_cursors.position, excluded.position), updated_at = now()`.execute(
      db,
    );
  },

  /**
   * Floating events with occurred_at > `since` − `overlapMs` (since null: from the start) and, for the
   * next page of one pass, after (`after.at`, `after.id`), oldest first, with their license's organization.
   */
  async floatingEvents(
    db: Kysely<Schema>,
    range: {
      since: string | null;
      overlapMs: number;
      after?: { at: string; id: string } | undefined;
      limit: number;
    },
  ): Promise<FeedFloatingEvent[]> {
    const since = range.since ?? '-infinity';
    const after = range.after
      ? sql`AND (fe.occurred_at, fe.id) > (${range.after.at}::timestamptz, ${range.after.id})`
      : sql``;
    const { rows } = await sql<FeedFloatingEvent>`
      SELECT fe.id, fe.account_id AS "accountId", l.organization_id AS "organizationId",
        fe.license_id AS "licenseId", fe.feature, fe.kind, fe.count, fe.user_name AS "user", fe.host,
        fe.reason, fe.occurred_at AS "occurredAt", fe.occurred_at::text AS at
      FROM floating_events fe
      JOIN licenses l ON l.id = fe.license_id AND l.account_id = fe.account_id
      WHERE fe.occurred_at > ${since}::timestamptz - ${range.overlapMs} * interval '1 millisecond' ${after}
      ORDER BY fe.occurred_at, fe.id
      LIMIT ${range.limit}`.execute(db);
    return rows;
  },
};
