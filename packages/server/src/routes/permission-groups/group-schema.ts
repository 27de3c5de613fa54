// The public shape of a permission group (an environment's group mapped to a user-license type).
import type { PermissionGroupRow } from '@licentia/db';
import { Type } from 'typebox';
import { IdParam, PageQuery, Timestamp } from '../../http/schemas.ts';
import { AccountId } from '../accounts/account-schema.ts';
import { EnvironmentId } from '../environments/environment-schema.ts';
import { OrganizationId } from '../organizations/organization-schema.ts';
import { PersonId, UserLicenseTypeSchema } from '../people/person-schema.ts';

export const GroupId = IdParam('Permission group', 'pgrp');

export const PermissionGroup = Type.Object(
  {
    id: Type.String(),
    organizationId: Type.String(),
    environmentId: Type.String(),
    name: Type.String(),
    userLicenseType: UserLicenseTypeSchema,
    memberCount: Type.Integer(),
    createdAt: Timestamp,
  },
  { $id: 'PermissionGroup' },
);

export const GroupParams = Type.Object(
  { accountId: AccountId, organizationId: OrganizationId, groupId: GroupId },
  { additionalProperties: false },
);

export const MemberParams = Type.Object(
  { accountId: AccountId, organizationId: OrganizationId, groupId: GroupId, personId: PersonId },
  { additionalProperties: false },
);

const Name = Type.String({ minLength: 1, maxLength: 100 });

export const CreateGroupBody = Type.Object(
  { environmentId: EnvironmentId, name: Name, userLicenseType: UserLicenseTypeSchema },
  { additionalProperties: false },
);

export const UpdateGroupBody = Type.Object(
  { name: Type.Optional(Name), userLicenseType: Type.Optional(UserLicenseTypeSchema) },
  { additionalProperties: false },
);

export const GroupQuery = Type.Object(
  { ...PageQuery.properties, environmentId: Type.Optional(EnvironmentId) },
  { additionalProperties: false },
);

export function toGroup(row: PermissionGroupRow) {
  return {
    id: row.id,
    organizationId: row.organizationId,
    environmentId: row.environmentId,
    name: row.name,
    userLicenseType: row.userLicenseType,
    memberCount: row.memberCount,
    createdAt: row.createdAt.toISOString(),
  };
}
