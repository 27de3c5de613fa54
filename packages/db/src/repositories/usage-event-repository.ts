// The usage-event store's write path: one statement per batch inserts the new events (duplicates by
// dedupe key are skipped) and, from the rows actually inserted, moves the per-user last-seen rows,
// the per-day user counters (organization and license) and the deduplicated denial days forward.
import { type Kysely, sql } from 'kysely';
import type { Schema } from '../schema.ts';
import type { UsageSource } from '../usage-schema.ts';

/** One event to store; `usernameKey` is the counted form of `username` (see usage settings). */
export interface UsageEventInput {
  source: UsageSource;
  kind: string;
  feature: string;
  username: string;
  usernameKey: string;
  host: string;
  occurredAt: Date;
  count: number;
  licenseServerId: string | null;
  licenseId: string | null;
  version: string | null;
  reason: string | null;
  /** A UUID-formatted 128-bit digest of the event's identity; unique per organization. */
  dedupeKey: string;
}

const column = <T>(rows: readonly UsageEventInput[], pick: (r: UsageEventInput) => T) => rows.map(pick);

/**
 * The usage lock of an organization: every writer holds it shared for its transaction, a change of
 * the username setting (which re-keys every event and rebuilds the counters) holds it exclusively.
 * Call it first in the transaction; it answers the setting as of after the lock: whether usernames
 * are compared with case (the key every inserted event must carry).
 */
export async function lockUsageShared(db: Kysely<Schema>, organizationId: string): Promise<boolean> {
  await sql`SELECT pg_advisory_xact_lock_shared(hashtext(${`licentia.usage:${organizationId}`}))`.execute(db);
  // A separate statement: its snapshot is taken after the lock, so it sees a committed setting change.
  const { rows } = await sql<{ caseSensitive: boolean }>`
    SELECT usernames_case_sensitive AS "caseSensitive" FROM usage_settings
    WHERE organization_id = ${organizationId}`.execute(db);
  return rows[0]?.caseSensitive ?? false;
}

/** The exclusive side of {@link lockUsageShared}, for re-keying and rebuilding an organization. */
export async function lockUsageExclusive(db: Kysely<Schema>, organizationId: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`licentia.usage:${organizationId}`}))`.execute(db);
}

export const usageEventRepository = {
  /**
   * Insert a batch (an import's 5,000 rows, or one realtime event) and maintain the counters from the
   * rows that were new. Lock order is fixed — event keys sorted, then user rows by key, day rows by
   * day, license rows, denial rows (the events CTE completes first: the final SELECT counts it) — so
   * concurrent batches of one organization, even with overlapping events, wait instead of
   * deadlocking. Returns how many rows were new.
   */
  async insertBatch(
    db: Kysely<Schema>,
    accountId: string,
    organizationId: string,
    rows: readonly UsageEventInput[],
  ): Promise<number> {
    if (rows.length === 0) return 0;
    const { rows: result } = await sql<{ inserted: number }>`
WITH input AS (
  SELECT * FROM unnest(
    ${column(rows, (r) => r.source)}::text[], ${column(rows, (r) => r.kind)}::text[],
    ${column(rows, (r) => r.feature)}::text[], ${column(rows, (r) => r.username)}::text[],
    ${column(rows, (r) => r.usernameKey)}::text[], ${column(rows, (r) => r.host)}::text[],
    ${column(rows, (r) => r.occurredAt.toISOString())}::timestamptz[], ${column(rows, (r) => r.count)}::int[],
    ${column(rows, (r) => r.licenseServerId)}::text[], ${column(rows, (r) => r.licenseId)}::text[],
    ${column(rows, (r) => r.version)}::text[], ${column(rows, (r) => r.reason)}::text[],
    ${column(rows, (r) => r.dedupeKey)}::uuid[]
  ) AS t(source, kind, feature, username, username_key, host, occurred_at, count,
         license_server_id, license_id, version, reason, dedupe_key)
),
ins AS (
  INSERT INTO usage_events (account_id, organization_id, source, kind, feature, username, username_key,
    host, occurred_at, count, license_server_id, license_id, version, reason, dedupe_key)
  SELECT ${accountId}, ${organizationId}, source, kind, feature, username, username_key, host, occurred_at,
    count, license_server_id, license_id, version, reason, dedupe_key FROM input ORDER BY dedupe_key
  ON CONFLICT (organization_id, dedupe_key) DO NOTHING
  RETURNING kind, feature, username, username_key, occurred_at, license_id
),
seen AS (
  SELECT username_key, min(username) AS username, max(occurred_at) AS at FROM ins GROUP BY username_key
),
org_seen AS (
  INSERT INTO usage_user_last_seen AS s
    (organization_id, username_key, account_id, username, last_seen_at, last_seen_day)
  SELECT ${organizationId}, username_key, ${accountId}, username, at, (at AT TIME ZONE 'UTC')::date
  FROM seen ORDER BY username_key
  ON CONFLICT (organization_id, username_key) DO UPDATE
    SET prev_day = s.last_seen_day, username = excluded.username,
        last_seen_at = excluded.last_seen_at, last_seen_day = excluded.last_seen_day
    WHERE excluded.last_seen_day > s.last_seen_day
  RETURNING prev_day, last_seen_day
),
org_days AS (
  INSERT INTO usage_user_days AS d (organization_id, day, users)
  SELECT ${organizationId}, day, sum(delta)::int FROM (
    SELECT last_seen_day AS day, 1 AS delta FROM org_seen WHERE prev_day IS DISTINCT FROM last_seen_day
    UNION ALL
    SELECT prev_day, -1 FROM org_seen WHERE prev_day IS NOT NULL AND prev_day <> last_seen_day
  ) AS moves GROUP BY day HAVING sum(delta) <> 0 ORDER BY day
  ON CONFLICT (organization_id, day) DO UPDATE SET users = d.users + excluded.users
  RETURNING 1
),
lic_in AS (
  SELECT license_id, username_key, min(username) AS username, max(occurred_at) AS at
  FROM ins WHERE license_id IS NOT NULL GROUP BY license_id, username_key
),
lic_seen AS (
  INSERT INTO usage_license_user_last_seen AS s
    (license_id, username_key, account_id, organization_id, username, last_seen_at, last_seen_day)
  SELECT license_id, username_key, ${accountId}, ${organizationId}, username, at, (at AT TIME ZONE 'UTC')::date
  FROM lic_in ORDER BY license_id, username_key
  ON CONFLICT (license_id, username_key) DO UPDATE
    SET prev_day = s.last_seen_day, username = excluded.username,
        last_seen_at = excluded.last_seen_at, last_seen_day = excluded.last_seen_day
    WHERE excluded.last_seen_day > s.last_seen_day
  RETURNING license_id, prev_day, last_seen_day
),
lic_days AS (
  INSERT INTO usage_license_user_days AS d (license_id, day, users)
  SELECT license_id, day, sum(delta)::int FROM (
    SELECT license_id, last_seen_day AS day, 1 AS delta FROM lic_seen
      WHERE prev_day IS DISTINCT FROM last_seen_day
    UNION ALL
    SELECT license_id, prev_day, -1 FROM lic_seen WHERE prev_day IS NOT NULL AND prev_day <> last_seen_day
  ) AS moves GROUP BY license_id, day HAVING sum(delta) <> 0 ORDER BY license_id, day
  ON CONFLICT (license_id, day) DO UPDATE SET users = d.users + excluded.users
  RETURNING 1
),
denials AS (
  INSERT INTO usage_denial_days AS dd
    (organization_id, day, feature, username_key, account_id, username, denials, first_at, last_at)
  SELECT ${organizationId}, (occurred_at AT TIME ZONE 'UTC')::date AS day, feature, username_key, ${accountId},
    min(username), count(*)::int, min(occurred_at), max(occurred_at)
  FROM ins WHERE kind = 'DENIED' GROUP BY 2, 3, 4 ORDER BY 2, 3, 4
  ON CONFLICT (organization_id, day, feature, username_key) DO UPDATE
    SET denials = dd.denials + excluded.denials, first_at = least(dd.first_at, excluded.first_at),
        last_at = greatest(dd.last_at, excluded.last_at)
  RETURNING 1
)
SELECT (SELECT count(*) FROM ins)::int AS inserted`.execute(db);
    return Number(result[0]?.inserted ?? 0);
  },
};
