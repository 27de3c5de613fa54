// The public shapes of effective license allocation: products, groups, assignments, recompute
// summaries and a person's effective licenses, with the mappings from rows.
import type { AllocationAssignmentRow, AllocationGroupRow, AllocationProductRow } from '@licentia/db';
import { Type } from 'typebox';
import type { RecomputeSummary } from '../../allocation/recompute-allocation.ts';
import { IdParam, Nullable, PageQuery, Timestamp } from '../../http/schemas.ts';
import { AccountId } from '../accounts/account-schema.ts';
import { OrganizationId } from '../organizations/organization-schema.ts';
import { PersonId, UserLicenseTypeSchema } from '../people/person-schema.ts';

export const AllocationGroupId = IdParam('Allocation group', 'algrp');
export const AssignmentId = IdParam('Allocation assignment', 'alasg');
export const ProductCode = Type.String({
  pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$',
  description: 'Product code',
});
const Capability = Type.String({ minLength: 1, maxLength: 100 });
const Kind = Type.Union([Type.Literal('BASE'), Type.Literal('ADD_ON')]);
const Audience = Type.Union([Type.Literal('INTERNAL'), Type.Literal('EXTERNAL')]);
export const ReleaseRuleSchema = Type.Union([
  Type.Literal('OLDER_GENERATION'),
  Type.Literal('INTERNAL_EXTERNAL'),
  Type.Literal('OVERLAPPING_BASE'),
  Type.Literal('ADD_ON_WITHOUT_BASE'),
  Type.Literal('OVERLAPPING_ADD_ON'),
]);

const OrgFields = { accountId: AccountId, organizationId: OrganizationId };
export const GroupParams = Type.Object(
  { ...OrgFields, groupId: AllocationGroupId },
  { additionalProperties: false },
);
export const GroupPersonParams = Type.Object(
  { ...OrgFields, groupId: AllocationGroupId, personId: PersonId },
  { additionalProperties: false },
);
export const NestedGroupParams = Type.Object(
  { ...OrgFields, groupId: AllocationGroupId, childGroupId: AllocationGroupId },
  { additionalProperties: false },
);
export const AssignmentParams = Type.Object(
  { ...OrgFields, assignmentId: AssignmentId },
  { additionalProperties: false },
);
export const PersonParams = Type.Object(
  { ...OrgFields, personId: PersonId },
  { additionalProperties: false },
);

export const ProductInput = Type.Object(
  {
    code: ProductCode,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    kind: Kind,
    capabilities: Type.Array(Capability, { minItems: 1, maxItems: 50 }),
    rank: Type.Integer({ minimum: -1_000_000, maximum: 1_000_000 }),
    generation: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
    audience: Audience,
    requiresCodes: Type.Optional(Type.Array(ProductCode, { maxItems: 50 })),
    quantity: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 1_000_000_000 }))),
    userLicenseType: Type.Optional(UserLicenseTypeSchema),
  },
  { additionalProperties: false },
);

export const ImportBody = Type.Object(
  { products: Type.Array(ProductInput, { maxItems: 1000 }) },
  { additionalProperties: false },
);

export const AllocationProduct = Type.Object({
  code: Type.String(),
  name: Type.String(),
  kind: Kind,
  capabilities: Type.Array(Type.String()),
  rank: Type.Integer(),
  generation: Type.Integer(),
  audience: Audience,
  requiresCodes: Type.Array(Type.String()),
  quantity: Nullable(Type.Integer()),
  userLicenseType: UserLicenseTypeSchema,
  source: Type.Union([Type.Literal('IMPORT'), Type.Literal('VENDOR')]),
  updatedAt: Timestamp,
});

export const RecomputeSchema = Type.Object({
  trigger: Type.String(),
  peopleReached: Type.Integer(),
  peopleChanged: Type.Integer(),
  changedPersonIds: Type.Array(Type.String(), { description: 'The first 200 people whose decision changed' }),
  durationMs: Type.Number(),
});

export const AllocationGroup = Type.Object({
  id: Type.String(),
  organizationId: Type.String(),
  kind: Type.Union([Type.Literal('GROUP'), Type.Literal('LICENSE_GROUP')]),
  name: Type.String(),
  createdAt: Timestamp,
});

export const CreateGroupBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    kind: Type.Union([Type.Literal('GROUP'), Type.Literal('LICENSE_GROUP')]),
  },
  { additionalProperties: false },
);

export const Assignment = Type.Object({
  id: Type.String(),
  productCode: Type.String(),
  personId: Nullable(Type.String()),
  groupId: Nullable(Type.String()),
  createdAt: Timestamp,
});

export const CreateAssignmentBody = Type.Object(
  {
    productCode: ProductCode,
    personId: Type.Optional(PersonId),
    groupId: Type.Optional(AllocationGroupId),
  },
  { additionalProperties: false, description: 'Exactly one of personId and groupId' },
);

export const AssignmentQuery = Type.Object(
  { ...PageQuery.properties, personId: Type.Optional(PersonId), groupId: Type.Optional(AllocationGroupId) },
  { additionalProperties: false },
);

export const Release = Type.Object({
  code: Type.String(),
  rule: ReleaseRuleSchema,
  inFavourOf: Nullable(Type.String()),
  reason: Type.String(),
});

export const withRecompute = <T extends Parameters<typeof Type.Object>[0]>(fields: T) =>
  Type.Object({ ...fields, recompute: Nullable(RecomputeSchema) });

export function toProduct(row: AllocationProductRow) {
  return {
    code: row.code,
    name: row.name,
    kind: row.kind,
    capabilities: [...row.capabilities],
    rank: row.rank,
    generation: row.generation,
    audience: row.audience,
    requiresCodes: [...row.requiresCodes],
    quantity: row.quantity,
    userLicenseType: row.userLicenseType,
    source: row.source,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toGroup(row: AllocationGroupRow) {
  return {
    id: row.id,
    organizationId: row.organizationId,
    kind: row.kind,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
  };
}

export function toAssignment(row: AllocationAssignmentRow) {
  return {
    id: row.id,
    productCode: row.productCode,
    personId: row.personId,
    groupId: row.groupId,
    createdAt: row.createdAt.toISOString(),
  };
}

export function toRecompute(summary: RecomputeSummary | null) {
  return summary && { ...summary, durationMs: Math.round(summary.durationMs * 1000) / 1000 };
}
