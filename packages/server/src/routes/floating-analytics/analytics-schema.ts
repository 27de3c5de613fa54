// The query and answer of GET /v1/accounts/{accountId}/floating/analytics (docs/floating-analytics.md).
import { Type } from 'typebox';
import { IdParam, Nullable, Timestamp } from '../../http/schemas.ts';

export const AnalyticsQuery = Type.Object(
  {
    licenseId: Type.Optional(IdParam('License', 'lic')),
    feature: Type.Optional(Type.String({ minLength: 1, maxLength: 128, description: 'One feature (pool)' })),
    from: Type.Optional(
      Type.String({
        format: 'date-time',
        description: 'Window start (default: `to` minus 24 h, or 30 days by day)',
      }),
    ),
    to: Type.Optional(
      Type.String({ format: 'date-time', description: 'Window end (default and at most: now)' }),
    ),
    bucket: Type.Union([Type.Literal('hour'), Type.Literal('day')], {
      default: 'hour',
      description: 'Peak and utilization buckets, in UTC',
    }),
  },
  { additionalProperties: false },
);

const Pool = { licenseId: Type.String(), feature: Type.String() };
const Denials = (name: string) =>
  Type.Array(
    Type.Object({
      [name]: name === 'department' ? Nullable(Type.String()) : Type.String(),
      denials: Type.Integer({ description: 'Denied check-outs' }),
      users: Type.Integer({ description: 'Distinct users denied' }),
    }),
  );

export const FloatingAnalytics = Type.Object(
  {
    window: Type.Object({ from: Timestamp, to: Timestamp, bucket: Type.String() }),
    current: Type.Array(
      Type.Object({
        ...Pool,
        seats: Type.Integer(),
        inUse: Type.Integer(),
        borrowed: Type.Integer(),
        queued: Type.Integer(),
      }),
      { description: 'Each pool right now' },
    ),
    peaks: Type.Array(
      Type.Object({ ...Pool, bucketStart: Timestamp, peak: Type.Integer(), seats: Nullable(Type.Integer()) }),
      { description: 'Highest concurrency per pool and bucket, every bucket of the window' },
    ),
    denials: Type.Object({
      byFeature: Denials('feature'),
      byUser: Denials('user'),
      byDepartment: Denials('department'),
    }),
    utilization: Type.Array(
      Type.Object({
        ...Pool,
        seats: Type.Integer(),
        percent: Type.Number({ description: 'Seat-time used / seat-time available, 0–100' }),
        seatHoursUsed: Type.Number(),
        seatHoursAvailable: Type.Number(),
        series: Type.Array(Type.Object({ bucketStart: Timestamp, percent: Type.Number() })),
      }),
    ),
    queueWait: Type.Array(
      Type.Object({
        feature: Type.String(),
        queued: Type.Integer({ description: 'Requests that joined the queue' }),
        count: Type.Integer({ description: 'Entries granted a seat after waiting' }),
        p50Ms: Type.Integer(),
        p90Ms: Type.Integer(),
        maxMs: Type.Integer(),
        abandoned: Type.Integer({
          description: 'Entries that left the queue without a seat (expired, left, dropped)',
        }),
      }),
    ),
  },
  { $id: 'FloatingAnalytics' },
);
