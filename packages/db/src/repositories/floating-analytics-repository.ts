// Reads of floating usage analytics over floating_events and floating_pools. What SQL does simply
// (per-bucket maxima and seat-time, denial counts, wait percentiles) happens here; carrying levels
// across buckets without events (peaks, utilization) is left to the core.
import type {
  AnalyticsBucket,
  BucketUsage,
  DenialBreakdown,
  DenialCount,
  FloatingUsageRecord,
  PoolLevel,
  QueueWaitRow,
} from '@licentia/core';
import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { Schema } from '../schema.ts';

/** Which events: always one account and the window [from, to); optionally a license, an organization, a feature. */
export interface FloatingAnalyticsFilter {
  from: Date;
  to: Date;
  licenseId?: string | undefined;
  /** Only licenses of this organization (an organization token's view). */
  organizationId?: string | undefined;
  feature?: string | undefined;
}

export interface FloatingPoolStatusRow {
  licenseId: string;
  feature: string;
  seats: number;
  inUse: number;
  borrowed: number;
  queued: number;
}

/** The pool conditions of a filter, without the window (pools and levels before the window use them). */
function poolWhere(accountId: string, f: FloatingAnalyticsFilter, alias: 'e' | 'p'): Expression<SqlBool> {
  const col = (name: string) => sql.ref(`${alias}.${name}`);
  const parts = [sql`${col('account_id')} = ${accountId}`];
  if (f.licenseId) parts.push(sql`${col('license_id')} = ${f.licenseId}`);
  if (f.feature) parts.push(sql`${col('feature')} = ${f.feature}`);
  if (f.organizationId)
    parts.push(sql`${col('license_id')} IN (SELECT id FROM licenses
      WHERE account_id = ${accountId} AND organization_id = ${f.organizationId})`);
  return sql<SqlBool>`${sql.join(parts, sql` AND `)}`;
}

function eventWhere(accountId: string, f: FloatingAnalyticsFilter): Expression<SqlBool> {
  return sql<SqlBool>`${poolWhere(accountId, f, 'e')} AND e.occurred_at >= ${f.from} AND e.occurred_at < ${f.to}`;
}

async function denialCounts(
  db: Kysely<Schema>,
  accountId: string,
  f: FloatingAnalyticsFilter,
  column: 'feature' | 'user_name' | 'department',
  limit: number,
): Promise<DenialCount[]> {
  // COLLATE "C" orders ties by code point, as the core does, whatever the database's locale.
  const { rows } = await sql<DenialCount>`
    SELECT ${sql.ref(`e.${column}`)} AS key, count(*)::int AS denials, count(DISTINCT e.user_name)::int AS users
    FROM floating_events e
    WHERE ${eventWhere(accountId, f)} AND e.kind = 'DENIED'
    GROUP BY 1 ORDER BY denials DESC, ${sql.ref(`e.${column}`)} COLLATE "C" ASC NULLS LAST LIMIT ${limit}`.execute(
    db,
  );
  return rows;
}

export const floatingAnalyticsRepository = {
  /** The pools of the filter as they are now: seats, in use, borrowed, queued. */
  async pools(
    db: Kysely<Schema>,
    accountId: string,
    f: FloatingAnalyticsFilter,
  ): Promise<FloatingPoolStatusRow[]> {
    const { rows } = await sql<FloatingPoolStatusRow>`
      SELECT p.license_id AS "licenseId", p.feature, p.seats, p.in_use AS "inUse", p.borrowed, p.queued
      FROM floating_pools p WHERE ${poolWhere(accountId, f, 'p')}
      ORDER BY p.license_id, p.feature COLLATE "C"`.execute(db);
    return rows;
  },

  /**
   * Per pool and UTC bucket with events: highest, last and first level, and the seat-time from the
   * first event on (level clamped at the pool's seats, each event until the next, the bucket end or
   * the window end) — the core's bucketUsage, computed where the rows are.
   */
  async bucketUsage(
    db: Kysely<Schema>,
    accountId: string,
    f: FloatingAnalyticsFilter,
    bucket: AnalyticsBucket,
  ): Promise<BucketUsage[]> {
    const unit = sql.lit(bucket === 'day' ? 'day' : 'hour');
    const size = sql.lit(bucket === 'day' ? '1 day' : '1 hour');
    const { rows } = await sql<{
      licenseId: string;
      feature: string;
      start: Date;
      max: number;
      last: number;
      first: Date;
      seatMs: number;
    }>`
      WITH ev AS (
        SELECT e.license_id, e.feature, e.occurred_at, e.in_use_after,
          date_trunc(${unit}, e.occurred_at, 'UTC') AS start,
          lead(e.occurred_at) OVER (PARTITION BY e.license_id, e.feature ORDER BY e.occurred_at, e.id) AS next_at
        FROM floating_events e WHERE ${eventWhere(accountId, f)})
      SELECT ev.license_id AS "licenseId", ev.feature, ev.start,
        max(ev.in_use_after) AS max,
        max(ev.in_use_after) FILTER (WHERE ev.next_at IS NULL OR ev.next_at >= ev.start + interval ${size}) AS last,
        min(ev.occurred_at) AS first,
        sum(least(ev.in_use_after, coalesce(p.seats, ev.in_use_after)) * extract(epoch FROM
          least(coalesce(ev.next_at, ${f.to}), ev.start + interval ${size}, ${f.to}) - ev.occurred_at) * 1000
        )::float8 AS "seatMs"
      FROM ev LEFT JOIN floating_pools p
        ON p.account_id = ${accountId} AND p.license_id = ev.license_id AND p.feature = ev.feature
      GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`.execute(db);
    return rows.map((r) => ({
      licenseId: r.licenseId,
      feature: r.feature,
      bucketStart: new Date(r.start).getTime(),
      maxInUse: r.max,
      lastInUse: r.last,
      firstAt: new Date(r.first).getTime(),
      seatMs: r.seatMs,
    }));
  },

  /** Each pool's level just before the window: the in_use_after of its last earlier event. */
  async levelsBefore(
    db: Kysely<Schema>,
    accountId: string,
    f: FloatingAnalyticsFilter,
  ): Promise<PoolLevel[]> {
    // One index probe per pool (floating_events_by_pool) rather than a scan of the whole history.
    const { rows } = await sql<PoolLevel>`
      SELECT p.license_id AS "licenseId", p.feature, last.in_use_after AS "inUse"
      FROM floating_pools p
      CROSS JOIN LATERAL (
        SELECT e.in_use_after FROM floating_events e
        WHERE e.account_id = p.account_id AND e.license_id = p.license_id AND e.feature = p.feature
          AND e.occurred_at < ${f.from}
        ORDER BY e.occurred_at DESC, e.id DESC LIMIT 1) last
      WHERE ${poolWhere(accountId, f, 'p')}`.execute(db);
    return rows;
  },

  /** Denials per feature, user and department, most first, the top `limit` of each. */
  async denials(
    db: Kysely<Schema>,
    accountId: string,
    f: FloatingAnalyticsFilter,
    limit = 50,
  ): Promise<DenialBreakdown> {
    return {
      byFeature: await denialCounts(db, accountId, f, 'feature', limit),
      byUser: await denialCounts(db, accountId, f, 'user_name', limit),
      byDepartment: await denialCounts(db, accountId, f, 'department', limit),
    };
  },

  /** Queue joins, wait percentiles and abandoned entries per feature; percentile_disc is the core's nearest rank. */
  async queueWaits(
    db: Kysely<Schema>,
    accountId: string,
    f: FloatingAnalyticsFilter,
  ): Promise<QueueWaitRow[]> {
    const waited = sql`e.kind = 'DEQUEUED' AND e.wait_ms IS NOT NULL`;
    const { rows } = await sql<QueueWaitRow>`
      SELECT e.feature,
        count(*) FILTER (WHERE e.kind = 'QUEUED')::int AS queued,
        count(*) FILTER (WHERE ${waited})::int AS count,
        coalesce(percentile_disc(0.5) WITHIN GROUP (ORDER BY greatest(e.wait_ms, 0)) FILTER (WHERE ${waited}), 0)::int AS "p50Ms",
        coalesce(percentile_disc(0.9) WITHIN GROUP (ORDER BY greatest(e.wait_ms, 0)) FILTER (WHERE ${waited}), 0)::int AS "p90Ms",
        coalesce(max(greatest(e.wait_ms, 0)) FILTER (WHERE ${waited}), 0)::int AS "maxMs",
        count(*) FILTER (WHERE e.kind = 'QUEUE_EXPIRED')::int AS abandoned
      FROM floating_events e
      WHERE ${eventWhere(accountId, f)} AND (${waited} OR e.kind IN ('QUEUED', 'QUEUE_EXPIRED'))
      GROUP BY e.feature ORDER BY e.feature COLLATE "C"`.execute(db);
    return rows;
  },

  /** The window's raw events, oldest first (for exports and for checking SQL against the core). */
  async events(
    db: Kysely<Schema>,
    accountId: string,
    f: FloatingAnalyticsFilter,
    limit = 100_000,
  ): Promise<FloatingUsageRecord[]> {
    const { rows } = await sql<Omit<FloatingUsageRecord, 'at'> & { at: Date }>`
      SELECT e.kind, e.license_id AS "licenseId", e.feature, e.occurred_at AS at, e.count,
        e.user_name AS "user", e.department, e.reason, e.in_use_after AS "inUseAfter", e.wait_ms AS "waitMs"
      FROM floating_events e WHERE ${eventWhere(accountId, f)}
      ORDER BY e.occurred_at, e.id LIMIT ${limit}`.execute(db);
    return rows.map((r) => ({ ...r, at: new Date(r.at).getTime() }));
  },
};
