// Loads an organization's environments with the products each is licensed for, for the routes that
// answer environments (list, get, create, update).
import { licensedProducts } from '@licentia/core';
import { environmentRepository, type Schema, seatRepository } from '@licentia/db';
import type { Kysely } from 'kysely';
import type { OrgScope } from '../customer-orgs/org-access.ts';
import { toEnvironment } from './environment-schema.ts';

export async function environmentViews(db: Kysely<Schema>, scope: OrgScope) {
  const [environments, licenses] = await Promise.all([
    environmentRepository.listAll(db, scope.accountId, scope.organizationId),
    seatRepository.licensesOf(db, scope.accountId, scope.organizationId),
  ]);
  const licensed = new Map(licensedProducts(environments, licenses).map((r) => [r.environmentId, r]));
  const names = new Map(licenses.map((l) => [l.productId, l.productName]));
  return environments.map((e) => toEnvironment(e, licensed.get(e.id), names));
}

export async function environmentView(db: Kysely<Schema>, scope: OrgScope, environmentId: string) {
  return (await environmentViews(db, scope)).find((e) => e.id === environmentId);
}
