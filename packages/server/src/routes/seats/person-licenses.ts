// What one person may use (self-service): the seats they hold and, for each environment they have an
// account in, the products that environment is licensed for, plus the user-license type they consume.
import { licensedProducts, USER_LICENSE_ORDER, type UserLicenseType } from '@licentia/core';
import {
  environmentRepository,
  permissionGroupRepository,
  personRepository,
  type Schema,
  seatRepository,
} from '@licentia/db';
import type { Kysely } from 'kysely';
import type { OrgScope } from '../customer-orgs/org-access.ts';

export async function personLicenses(db: Kysely<Schema>, scope: OrgScope, personId: string) {
  const { accountId, organizationId } = scope;
  const person = await personRepository.get(db, accountId, organizationId, personId);
  if (!person) return undefined;
  const [seats, accounts, environments, licenses, groups] = await Promise.all([
    seatRepository.seatsOf(db, accountId, organizationId, personId),
    personRepository.listEnvironmentAccounts(db, accountId, organizationId, personId),
    environmentRepository.listAll(db, accountId, organizationId),
    seatRepository.licensesOf(db, accountId, organizationId),
    permissionGroupRepository.groupsOfPerson(db, accountId, organizationId, personId),
  ]);
  const licensed = new Map(licensedProducts(environments, licenses).map((r) => [r.environmentId, r]));
  const productName = new Map(licenses.map((l) => [l.productId, l.productName]));
  const envById = new Map(environments.map((e) => [e.id, e]));
  const held = new Set<UserLicenseType>(groups.map((g) => g.userLicenseType));
  return {
    person: {
      id: person.id,
      username: person.username,
      name: person.name,
      email: person.email,
      status: person.status,
    },
    userLicenseType:
      person.status === 'ACTIVE' ? (USER_LICENSE_ORDER.find((t) => held.has(t)) ?? null) : null,
    seats: seats.map((s) => ({
      licenseId: s.id,
      productId: s.productId,
      productName: s.productName,
      environmentId: s.environmentId,
      status: s.status,
      expiresAt: s.expiresAt?.toISOString() ?? null,
      assignedAt: s.assignedAt.toISOString(),
    })),
    environments: accounts.map((a) => ({
      environmentId: a.environmentId,
      name: envById.get(a.environmentId)?.name ?? a.environmentId,
      kind: envById.get(a.environmentId)?.kind ?? 'PRODUCTION',
      products: (licensed.get(a.environmentId)?.productIds ?? []).map((productId) => ({
        productId,
        productName: productName.get(productId) ?? productId,
      })),
    })),
  };
}
