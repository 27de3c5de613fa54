// Loads a person with their environment accounts and permission groups (the person detail answer).
import {
  environmentRepository,
  permissionGroupRepository,
  personRepository,
  type Schema,
} from '@licentia/db';
import type { Kysely } from 'kysely';
import type { OrgScope } from '../customer-orgs/org-access.ts';
import { toPersonDetail } from './person-schema.ts';

export async function personDetail(db: Kysely<Schema>, scope: OrgScope, personId: string) {
  const { accountId, organizationId } = scope;
  const person = await personRepository.get(db, accountId, organizationId, personId);
  if (!person) return undefined;
  const accounts = await personRepository.listEnvironmentAccounts(db, accountId, organizationId, personId);
  const environments = await environmentRepository.listAll(db, accountId, organizationId);
  const groups = await permissionGroupRepository.groupsOfPerson(db, accountId, organizationId, personId);
  return toPersonDetail(person, accounts, environments, groups);
}
