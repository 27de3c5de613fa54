// Loads the consumption report of one organization: the stored decisions through the core's report,
// plus the check that it agrees with the user-license counts of the customer organization (issue 5):
// everyone holding an effective license consumes exactly one user license, of the highest type among
// their effective products, and that must match what their permission groups count.
import {
  type ConsumptionReport,
  consumptionReport,
  countUserLicenses,
  type Plan,
  USER_LICENSE_ORDER,
  type UserLicenseType,
} from '@licentia/core';
import {
  type AllocationScope,
  allocationRepository,
  allocationResultRepository,
  environmentRepository,
  userLicenseRepository,
} from '@licentia/db';
import type { AppContext } from '../http/context.ts';
import { loadLicenseOverview } from '../routes/license-overview/overview-data.ts';
import { repairOrganization } from './allocation-background.ts';

export interface UserLicenseAgreement {
  types: {
    type: UserLicenseType;
    /** People whose effective licenses imply this type (one per person). */
    consumed: number;
    /** The Users tab of the license overview (permission groups). */
    counted: number;
    purchased: number;
  }[];
  agrees: boolean;
  /** Up to 100 people whose two counts differ, with both types (null: consumes none). */
  differences: {
    personId: string;
    allocation: UserLicenseType | null;
    permissionGroups: UserLicenseType | null;
  }[];
}

export interface ConsumptionAnswer {
  report: ConsumptionReport;
  userLicenses: UserLicenseAgreement;
}

export async function loadConsumption(
  ctx: AppContext,
  s: AllocationScope,
  plan: Plan,
): Promise<ConsumptionAnswer> {
  await repairOrganization(ctx, s);
  const [products, decisions, environments, users, overview] = await Promise.all([
    allocationRepository.listProducts(ctx.db, s),
    allocationResultRepository.allEffective(ctx.db, s),
    environmentRepository.listAll(ctx.db, s.accountId, s.organizationId),
    userLicenseRepository.countingInput(ctx.db, s.accountId, s.organizationId),
    loadLicenseOverview(ctx.db, s, plan, ctx.clock()),
  ]);
  const report = consumptionReport({
    products,
    people: decisions.map((d) => ({ ...d })),
    environments,
    environmentAccounts: users.accounts,
  });
  const counted = countUserLicenses({ ...users, environments, purchased: { USER: 0, LIGHT: 0 } });
  const byGroups = new Map(counted.perPerson.map((p) => [p.personId, p.type]));
  const byAllocation = report.userLicenses.perPerson;
  const differences: UserLicenseAgreement['differences'] = [];
  for (const personId of [...new Set([...byGroups.keys(), ...byAllocation.keys()])].sort()) {
    const allocation = byAllocation.get(personId) ?? null;
    const permissionGroups = byGroups.get(personId) ?? null;
    if (allocation !== permissionGroups) differences.push({ personId, allocation, permissionGroups });
  }
  const types = USER_LICENSE_ORDER.map((type) => ({
    type,
    consumed: report.userLicenses.used[type],
    counted: counted.used[type],
    purchased: overview.users.types.find((t) => t.type === type)?.purchased ?? 0,
  }));
  const agrees = types.every((t) => t.type === 'MEMBER' || t.consumed === t.counted);
  return { report, userLicenses: { types, agrees, differences: differences.slice(0, 100) } };
}
