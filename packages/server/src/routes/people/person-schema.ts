// The public shape of a person of a customer organization, with their environment accounts, and
// the inputs that create and change one.
import { USER_LICENSE_ORDER, type UserLicenseType } from '@licentia/core';
import type { EnvironmentRow, PermissionGroupRow, PersonRow } from '@licentia/db';
import { Type } from 'typebox';
import { IdParam, Nullable, PageQuery, Timestamp } from '../../http/schemas.ts';
import { AccountId } from '../accounts/account-schema.ts';
import { EnvironmentId } from '../environments/environment-schema.ts';
import { OrganizationId } from '../organizations/organization-schema.ts';

export const PersonId = IdParam('Person', 'person');
export const PersonStatus = Type.Union([Type.Literal('ACTIVE'), Type.Literal('DISABLED')]);
export const UserLicenseTypeSchema = Type.Union([
  Type.Literal('USER'),
  Type.Literal('LIGHT'),
  Type.Literal('MEMBER'),
]);

export const Person = Type.Object(
  {
    id: Type.String(),
    organizationId: Type.String(),
    username: Type.String(),
    email: Type.String(),
    name: Type.String(),
    status: PersonStatus,
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'Person' },
);

export const PersonDetail = Type.Object({
  ...Person.properties,
  userLicenseType: Nullable(UserLicenseTypeSchema),
  environments: Type.Array(
    Type.Object({
      environmentId: Type.String(),
      name: Type.String(),
      kind: Type.String(),
      groups: Type.Array(
        Type.Object({ id: Type.String(), name: Type.String(), userLicenseType: UserLicenseTypeSchema }),
      ),
    }),
  ),
});

export const PersonParams = Type.Object(
  { accountId: AccountId, organizationId: OrganizationId, personId: PersonId },
  { additionalProperties: false },
);

export const PersonEnvironmentParams = Type.Object(
  { accountId: AccountId, organizationId: OrganizationId, personId: PersonId, environmentId: EnvironmentId },
  { additionalProperties: false },
);

const Username = Type.String({ minLength: 1, maxLength: 100, pattern: '^\\S+$', description: 'No spaces' });
const Email = Type.String({ format: 'email', maxLength: 254 });
const Name = Type.String({ minLength: 1, maxLength: 200 });

export const CreatePersonBody = Type.Object(
  {
    username: Username,
    email: Email,
    name: Name,
    status: Type.Optional(PersonStatus),
    environmentIds: Type.Optional(Type.Array(EnvironmentId, { maxItems: 100, uniqueItems: true })),
  },
  { additionalProperties: false },
);

export const UpdatePersonBody = Type.Object(
  {
    username: Type.Optional(Username),
    email: Type.Optional(Email),
    name: Type.Optional(Name),
    status: Type.Optional(PersonStatus),
  },
  { additionalProperties: false },
);

export const PersonQuery = Type.Object(
  {
    ...PageQuery.properties,
    q: Type.Optional(Type.String({ maxLength: 200, description: 'Part of username, name or email' })),
    status: Type.Optional(PersonStatus),
    environmentId: Type.Optional(EnvironmentId),
  },
  { additionalProperties: false },
);

export function toPerson(row: PersonRow) {
  return {
    id: row.id,
    organizationId: row.organizationId,
    username: row.username,
    email: row.email,
    name: row.name,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The person with their environment accounts and groups; the type is the highest group type held. */
export function toPersonDetail(
  row: PersonRow,
  accounts: readonly { environmentId: string }[],
  environments: readonly EnvironmentRow[],
  groups: readonly Omit<PermissionGroupRow, 'memberCount'>[],
) {
  const byId = new Map(environments.map((e) => [e.id, e]));
  const held = new Set<UserLicenseType>(groups.map((g) => g.userLicenseType));
  return {
    ...toPerson(row),
    userLicenseType: USER_LICENSE_ORDER.find((t) => held.has(t)) ?? null,
    environments: accounts.map((a) => ({
      environmentId: a.environmentId,
      name: byId.get(a.environmentId)?.name ?? a.environmentId,
      kind: byId.get(a.environmentId)?.kind ?? 'PRODUCTION',
      groups: groups
        .filter((g) => g.environmentId === a.environmentId)
        .map((g) => ({ id: g.id, name: g.name, userLicenseType: g.userLicenseType })),
    })),
  };
}
