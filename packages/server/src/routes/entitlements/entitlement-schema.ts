// The public shape of an organization entitlement (integration, add-on, database instance or
// purchased user licenses) with its term status, and the vendor's inputs.
import { type PlanFeature, termStatus } from '@licentia/core';
import type { EntitlementRow } from '@licentia/db';
import { Type } from 'typebox';
import { IdParam, Nullable, PageQuery, Timestamp } from '../../http/schemas.ts';
import { AccountId } from '../accounts/account-schema.ts';
import { OrganizationId } from '../organizations/organization-schema.ts';

export const EntitlementKind = Type.Union([
  Type.Literal('INTEGRATION'),
  Type.Literal('ADD_ON'),
  Type.Literal('DATABASE_INSTANCE'),
  Type.Literal('USER_LICENSE'),
]);

export const Entitlement = Type.Object(
  {
    id: Type.String(),
    organizationId: Type.String(),
    kind: EntitlementKind,
    code: Type.String(),
    name: Type.String(),
    quantity: Type.Integer(),
    startsAt: Timestamp,
    endsAt: Nullable(Timestamp),
    status: Type.Union([Type.Literal('ACTIVE'), Type.Literal('FUTURE'), Type.Literal('EXPIRED')]),
    createdAt: Timestamp,
  },
  { $id: 'OrganizationEntitlement' },
);

export const EntitlementParams = Type.Object(
  { accountId: AccountId, organizationId: OrganizationId, entitlementId: IdParam('Entitlement', 'ent') },
  { additionalProperties: false },
);

const Quantity = Type.Integer({ minimum: 0, maximum: 1_000_000 });
const Name = Type.String({ minLength: 1, maxLength: 200 });

export const CreateEntitlementBody = Type.Object(
  {
    kind: EntitlementKind,
    code: Type.String({
      pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$',
      description: 'USER, LIGHT or MEMBER for USER_LICENSE; a slug such as sap-connector otherwise',
    }),
    name: Name,
    quantity: Quantity,
    startsAt: Type.Optional(Timestamp),
    endsAt: Type.Optional(Nullable(Timestamp)),
  },
  { additionalProperties: false },
);

export const UpdateEntitlementBody = Type.Object(
  {
    name: Type.Optional(Name),
    quantity: Type.Optional(Quantity),
    startsAt: Type.Optional(Timestamp),
    endsAt: Type.Optional(Nullable(Timestamp)),
  },
  { additionalProperties: false },
);

export const EntitlementQuery = Type.Object(
  { ...PageQuery.properties, kind: Type.Optional(EntitlementKind) },
  { additionalProperties: false },
);

/** The plan feature an entitlement kind needs; database instances and user licenses need none. */
export function planFeatureOfEntitlement(kind: EntitlementRow['kind']): PlanFeature | null {
  if (kind === 'INTEGRATION') return 'INTEGRATIONS';
  if (kind === 'ADD_ON') return 'AI_ADD_ONS';
  return null;
}

export function toEntitlement(row: EntitlementRow, now: Date) {
  return {
    id: row.id,
    organizationId: row.organizationId,
    kind: row.kind,
    code: row.code,
    name: row.name,
    quantity: row.quantity,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt?.toISOString() ?? null,
    status: termStatus(row, now),
    createdAt: row.createdAt.toISOString(),
  };
}
