// The shapes of the compliance routes: a license's mode with reason and remedy, the organization's
// summary, transitions (history), counted users per day, and license servers with their status.
import { CAPABILITIES, COMPLIANCE_MODES, COMPLIANCE_REASONS, LICENSE_PROBLEMS } from '@licentia/core';
import { type TLiteral, type TUnion, Type } from 'typebox';
import { Nullable, Timestamp } from '../../http/schemas.ts';

// Built from the core's closed lists so the API and the domain can never disagree.
type Literals<T extends readonly string[]> = { -readonly [K in keyof T]: TLiteral<T[K]> };
export function literals<const T extends readonly string[]>(values: T): TUnion<Literals<T>> {
  return Type.Union(values.map((v) => Type.Literal(v))) as unknown as TUnion<Literals<T>>;
}

export const Mode = literals(COMPLIANCE_MODES);
export const Reason = literals(COMPLIANCE_REASONS);
const Remedy = Type.Array(Type.String(), { description: 'What to do next, one sentence per step' });
const Restricted = Type.Array(literals(CAPABILITIES), { description: 'Capabilities this mode refuses' });

/** The short form of validation answers and RESTRICTED_MODE refusals. */
export const ComplianceSummary = Type.Object({
  mode: Mode,
  reason: Reason,
  remedy: Remedy,
  restricted: Restricted,
});

export const LicenseCompliance = Type.Object({
  licenseId: Type.String(),
  licenseName: Nullable(Type.String()),
  productId: Type.String(),
  mode: Mode,
  reason: Reason,
  remedy: Remedy,
  restricted: Restricted,
  title: Type.String(),
  countedUsers: Type.Integer({ description: 'Distinct users of the last 30 days' }),
  userLimit: Nullable(
    Type.Integer({ description: 'The effective limit (with a live extension); null = unlimited' }),
  ),
  ceiling: Nullable(Type.Integer({ description: '125% of the limit: above it the license is RESTRICTED' })),
  since: Nullable(Timestamp),
  graceStartedAt: Nullable(Timestamp),
  graceEndsAt: Nullable(Timestamp),
  gracePeriodDays: Type.Integer(),
  countScope: Type.Union([Type.Literal('ORGANIZATION'), Type.Literal('LICENSE')]),
  extension: Nullable(Type.Object({ userLimit: Type.Integer(), until: Timestamp })),
  problems: Type.Array(
    Type.Object({ code: literals(LICENSE_PROBLEMS), detail: Type.String(), remedy: Remedy }),
  ),
  softwareVersion: Nullable(Type.String()),
  evaluatedAt: Nullable(Timestamp),
});

export const OrganizationCompliance = Type.Object({
  organizationId: Type.String(),
  mode: Mode,
  reason: Reason,
  remedy: Remedy,
  restricted: Restricted,
  licenseId: Nullable(Type.String({ description: 'The license whose mode is the most severe' })),
  licenses: Type.Array(LicenseCompliance),
});

const ModeAndReason = Type.Object({ mode: Mode, reason: Reason });

export const ComplianceTransition = Type.Object({
  id: Type.String({ description: 'The audit event id' }),
  licenseId: Type.String(),
  occurredAt: Timestamp,
  at: Timestamp,
  from: ModeAndReason,
  to: ModeAndReason,
  countedUsers: Type.Integer(),
  userLimit: Nullable(Type.Integer()),
  remedy: Remedy,
  actorType: Type.String(),
});

export const UserCountSeries = Type.Object({
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  data: Type.Array(
    Type.Object({
      licenseId: Type.String(),
      day: Type.String({ format: 'date' }),
      countedUsers: Type.Integer(),
      userLimit: Nullable(Type.Integer()),
      mode: Type.String(),
    }),
  ),
});

export const LicenseServerStatus = Type.Object({
  id: Type.String(),
  name: Type.String(),
  hosts: Type.Array(Type.String()),
  enabled: Type.Boolean(),
  version: Nullable(Type.String()),
  versionReleasedAt: Nullable(Timestamp),
  lastSeenAt: Nullable(Timestamp),
  lastErrorAt: Nullable(Timestamp),
  status: Type.Union([Type.Literal('ONLINE'), Type.Literal('OFFLINE'), Type.Literal('ERROR')]),
  reason: Type.String(),
  acceptsData: Type.Boolean({ description: 'False: new data from this server is skipped' }),
  detail: Type.String(),
  remedy: Remedy,
});
