// Public shapes of the usage routes: the import report, usage events, the user count and denials.
import type { UsageKind } from '@licentia/core';
import type { DenialDayRow, UsageEventRow } from '@licentia/db';
import { type TLiteral, type TUnion, Type } from 'typebox';
import { Nullable, Timestamp } from '../../http/schemas.ts';

// Built from closed lists (the core's kinds, the import formats) so API and domain never disagree.
type Literals<T extends readonly string[]> = { -readonly [K in keyof T]: TLiteral<T[K]> };
export function oneOf<const T extends readonly string[]>(values: T): TUnion<Literals<T>> {
  return Type.Union(values.map((v) => Type.Literal(v))) as unknown as TUnion<Literals<T>>;
}

// The core's kinds (USAGE_KINDS is a plain array: the tuple keeps the literal types) and VALIDATED,
// a license validation that named the user (realtime usage only).
const KINDS = [
  'OUT',
  'IN',
  'DENIED',
  'UNSUPPORTED',
  'QUEUED',
  'DEQUEUED',
  'EXPIRED',
  'VALIDATED',
] as const satisfies readonly (UsageKind | 'VALIDATED')[];
export const Kind = oneOf(KINDS);
const Line = Type.Object({ line: Type.Integer(), reason: Type.String() });

export const ImportReport = Type.Object(
  {
    events: Type.Record(Type.String(), Type.Integer(), { description: 'Events parsed per kind' }),
    new: Type.Integer({ description: 'Events newly stored (0 when the same file is imported again)' }),
    users: Type.Integer({ description: 'Distinct users (normalized) in the file' }),
    features: Type.Integer(),
    first: Nullable(Timestamp),
    last: Nullable(Timestamp),
    skipped: Type.Array(Line, { description: 'Skipped lines and why (the first 10,000)' }),
    lines: Type.Integer(),
    skippedTotal: Type.Integer(),
    warnings: Type.Array(Line),
    snapshot: Type.Optional(
      Type.Object({
        status: Type.Union([Type.Literal('UP'), Type.Literal('DOWN'), Type.Literal('UNKNOWN')]),
        takenAt: Nullable(Timestamp),
      }),
    ),
    refused: Type.Optional(
      Type.Object(
        {
          reason: Type.String({ description: 'DISABLED or UPDATED_AFTER_MAINTENANCE' }),
          detail: Type.String(),
        },
        { description: 'The license server takes no new data: nothing of the file was stored' },
      ),
    ),
    licenseServerId: Type.String(),
  },
  { $id: 'UsageImportReport' },
);

export const UsageEvent = Type.Object(
  {
    id: Type.String(),
    source: oneOf(['REALTIME', 'FLEXNET_DEBUG', 'LMSTAT', 'CSV'] as const),
    kind: Kind,
    feature: Type.String(),
    user: Type.String(),
    host: Type.String(),
    occurredAt: Timestamp,
    count: Type.Integer(),
    licenseServerId: Nullable(Type.String()),
    licenseId: Nullable(Type.String()),
    version: Nullable(Type.String()),
    reason: Nullable(Type.String()),
  },
  { $id: 'UsageEvent' },
);

export function toUsageEvent(row: UsageEventRow) {
  const { username, occurredAt, ...rest } = row;
  return { ...rest, user: username, occurredAt: occurredAt.toISOString() } as typeof rest & {
    user: string;
    occurredAt: string;
    kind: (typeof KINDS)[number];
    source: 'REALTIME' | 'FLEXNET_DEBUG' | 'LMSTAT' | 'CSV';
  };
}

export const UserCount = Type.Object(
  {
    counted: Type.Integer({
      description: 'Distinct users seen in the last 30 days (realtime, imported, denials)',
    }),
    windowDays: Type.Literal(30),
    asOf: Timestamp,
    licenseId: Nullable(Type.String()),
  },
  { $id: 'UsageUserCount' },
);

export const DenialDay = Type.Object({
  day: Type.String({ description: 'UTC day, YYYY-MM-DD' }),
  feature: Type.String(),
  user: Type.String(),
  denials: Type.Integer({ description: 'Raw DENIED events this row stands for' }),
  firstAt: Timestamp,
  lastAt: Timestamp,
});

export function toDenialDay(row: DenialDayRow) {
  return {
    day: row.day,
    feature: row.feature,
    user: row.username,
    denials: row.denials,
    firstAt: row.firstAt.toISOString(),
    lastAt: row.lastAt.toISOString(),
  };
}

export const UsageSettings = Type.Object(
  {
    usernamesCaseSensitive: Type.Boolean({ description: 'false (default): "JDoe" and "jdoe" are one user' }),
    updatedAt: Nullable(Timestamp),
  },
  { $id: 'UsageSettings' },
);

export const toUsageSettings = (row: { usernamesCaseSensitive: boolean; updatedAt: Date | null }) => ({
  usernamesCaseSensitive: row.usernamesCaseSensitive,
  updatedAt: row.updatedAt?.toISOString() ?? null,
});

/** YYYY-MM-DD (a UTC day). */
export const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'UTC day, YYYY-MM-DD' });
