// The public shape of a customer organization and the mapping from its row.
import type { OrganizationRow } from '@licentia/db';
import { Type } from 'typebox';
import { IdParam, Timestamp } from '../../http/schemas.ts';
import { AccountId } from '../accounts/account-schema.ts';

export const OrganizationId = IdParam('Organization', 'org');

export const Organization = Type.Object(
  { id: Type.String(), accountId: Type.String(), name: Type.String(), createdAt: Timestamp },
  { $id: 'Organization' },
);

export const OrganizationParams = Type.Object(
  { accountId: AccountId, organizationId: OrganizationId },
  { additionalProperties: false },
);

export const OrganizationBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);

export function toOrganization(row: OrganizationRow) {
  return { id: row.id, accountId: row.accountId, name: row.name, createdAt: row.createdAt.toISOString() };
}
