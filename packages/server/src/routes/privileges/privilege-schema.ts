// The public shapes of privilege answers: one person's privileges, the supervisors, the caller's own.
import { ORG_PRIVILEGES } from '@licentia/core';
import type { PrivilegedPerson } from '@licentia/db';
import { Type } from 'typebox';
import { IdParam, Nullable } from '../../http/schemas.ts';
import { AccountId } from '../accounts/account-schema.ts';
import { literals } from '../licenses/license-schema.ts';
import { OrganizationId } from '../organizations/organization-schema.ts';

export const Privilege = literals(ORG_PRIVILEGES);
export const PersonId = IdParam('Person', 'person');

export const PersonParams = Type.Object(
  { accountId: AccountId, organizationId: OrganizationId, personId: PersonId },
  { additionalProperties: false },
);

export const PersonPrivilegeParams = Type.Object(
  { accountId: AccountId, organizationId: OrganizationId, personId: PersonId, privilege: Privilege },
  { additionalProperties: false },
);

const Warning = Nullable(
  Type.String({ description: 'Set while the organization has fewer than two active supervisors' }),
);

export const PersonPrivileges = Type.Object(
  {
    personId: Type.String(),
    name: Type.String(),
    email: Type.String(),
    status: literals(['ACTIVE', 'DISABLED'] as const),
    privileges: Type.Array(Privilege),
    warning: Warning,
  },
  { $id: 'PersonPrivileges' },
);

export const Supervisor = Type.Object({ id: Type.String(), name: Type.String(), email: Type.String() });

export const Supervisors = Type.Object({
  data: Type.Array(Supervisor),
  count: Type.Integer(),
  warning: Warning,
});

export function toPersonPrivileges(person: PrivilegedPerson, warning: string | null) {
  return {
    personId: person.id,
    name: person.name,
    email: person.email,
    status: person.status,
    privileges: person.privileges,
    warning,
  };
}
