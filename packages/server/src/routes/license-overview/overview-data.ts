// Loads everything the license overview needs for one organization and hands it to the core.
import { buildLicenseOverview, type Plan } from '@licentia/core';
import {
  entitlementRepository,
  environmentRepository,
  type Schema,
  seatRepository,
  userLicenseRepository,
} from '@licentia/db';
import type { Kysely } from 'kysely';
import type { OrgScope } from '../customer-orgs/org-access.ts';

export async function loadLicenseOverview(db: Kysely<Schema>, scope: OrgScope, plan: Plan, now: Date) {
  const { accountId, organizationId } = scope;
  const [environments, licenses, entitlements, users] = await Promise.all([
    environmentRepository.listAll(db, accountId, organizationId),
    seatRepository.licensesOf(db, accountId, organizationId),
    entitlementRepository.listAll(db, accountId, organizationId),
    userLicenseRepository.countingInput(db, accountId, organizationId),
  ]);
  return buildLicenseOverview({ plan, now, environments, licenses, entitlements, users });
}
