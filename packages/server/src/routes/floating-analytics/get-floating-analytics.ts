// GET /v1/accounts/{accountId}/floating/analytics — usage of floating pools over a window: pools now,
// peak concurrency and utilization per UTC hour or day, denials by feature/user/department, queue waits.
import {
  type AnalyticsBucket,
  AppError,
  bucketStarts,
  fillPeaks,
  notFound,
  utilizationFromBuckets,
} from '@licentia/core';
import {
  type FloatingAnalyticsFilter,
  licenseRepository,
  floatingAnalyticsRepository as repo,
} from '@licentia/db';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../app.ts';
import { type AppContext, guard, principalOf } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { AccountParams } from '../accounts/account-schema.ts';
import { AnalyticsQuery, FloatingAnalytics } from './analytics-schema.ts';

/** Enough for 41 days by hour or 2.7 years by day; longer windows are one request per part. */
const MAX_BUCKETS = 1000;
const DEFAULT_SPAN_MS: Record<AnalyticsBucket, number> = { hour: 24 * 3_600_000, day: 30 * 86_400_000 };

/**
 * Which licenses the caller may see: with `licenseId`, that license (404 if it is not visible); without,
 * the whole account for vendor tokens and the own organization's licenses for organization tokens.
 */
async function scopeOf(
  ctx: AppContext,
  request: FastifyRequest,
  accountId: string,
  licenseId: string | undefined,
): Promise<Pick<FloatingAnalyticsFilter, 'licenseId' | 'organizationId'>> {
  if (licenseId) {
    const row = await licenseRepository.get(ctx.db, accountId, licenseId);
    const scope = { accountId, organizationId: row?.organizationId ?? null };
    guard(request, 'license:read', scope, `No license ${licenseId}`);
    if (!row) throw notFound('license', licenseId);
    return { licenseId };
  }
  const own = principalOf(request).organizationId ?? undefined;
  guard(request, 'license:read', { accountId, organizationId: own }, `No account ${accountId}`);
  return { organizationId: own };
}

/** The window [from, to): `to` never beyond now (the future has no usage yet), at most MAX_BUCKETS buckets. */
function windowOf(query: { from?: string; to?: string }, bucket: AnalyticsBucket, now: number) {
  const to = Math.min(query.to ? Date.parse(query.to) : now, now);
  const from = query.from ? Date.parse(query.from) : to - DEFAULT_SPAN_MS[bucket];
  if (!(from < to))
    throw new AppError('INVALID_FIELD', 'from must be before to (and before now)', {
      field: 'querystring.from',
    });
  if (bucketStarts({ from, to }, bucket).length > MAX_BUCKETS)
    throw new AppError('INVALID_FIELD', `The window spans more than ${MAX_BUCKETS} ${bucket}s`, {
      field: 'querystring.from',
    });
  return { from, to };
}

const iso = (ms: number) => new Date(ms).toISOString();

export function getFloatingAnalytics(app: App, ctx: AppContext): void {
  app.get(
    '/v1/accounts/:accountId/floating/analytics',
    {
      schema: {
        summary: 'Floating license usage: pools now, peak concurrency, utilization, denials, queue waits',
        tags: ['floating'],
        params: AccountParams,
        querystring: AnalyticsQuery,
        response: { 200: FloatingAnalytics, ...errorResponses },
      },
    },
    async (request) => {
      const { accountId } = request.params;
      const { bucket, feature } = request.query;
      const scope = await scopeOf(ctx, request, accountId, request.query.licenseId);
      const window = windowOf(request.query, bucket, ctx.clock().getTime());
      const filter = { ...scope, feature, from: new Date(window.from), to: new Date(window.to) };
      // One snapshot for every read, so the pools now, the peaks and the replay agree with each other.
      const read = await ctx.db
        .transaction()
        .setIsolationLevel('repeatable read')
        .execute(async (trx) => ({
          pools: await repo.pools(trx, accountId, filter),
          usage: await repo.bucketUsage(trx, accountId, filter, bucket),
          before: await repo.levelsBefore(trx, accountId, filter),
          denials: await repo.denials(trx, accountId, filter),
          queueWait: await repo.queueWaits(trx, accountId, filter),
        }));
      const { pools, usage, before, denials, queueWait } = read;
      const peaks = fillPeaks({ window, bucket, levels: usage, initialLevels: before, seats: pools });
      const used = utilizationFromBuckets({ window, bucket, seats: pools, usage, initialLevels: before });
      return {
        window: { from: iso(window.from), to: iso(window.to), bucket },
        current: pools,
        peaks: peaks.map((p) => ({ ...p, bucketStart: iso(p.bucketStart) })),
        denials: {
          byFeature: denials.byFeature.map(({ key, ...n }) => ({ feature: key ?? '', ...n })),
          byUser: denials.byUser.map(({ key, ...n }) => ({ user: key ?? '', ...n })),
          byDepartment: denials.byDepartment.map(({ key, ...n }) => ({ department: key, ...n })),
        },
        utilization: used.map((u) => ({
          ...u,
          series: u.series.map((s) => ({ bucketStart: iso(s.bucketStart), percent: s.percent })),
        })),
        queueWait,
      };
    },
  );
}
