// Counts user licenses across all of an organization's environments, as the Users tab shows them.
// Rules (seed 000): one person consumes at most one user license however many environments they
// reach, of the highest type they hold anywhere; test, training and storage copies count like
// production (a test-only person still consumes one); MEMBER is free; inactive people consume
// nothing. Overage is judged per paid type: a surplus of USER does not cover a LIGHT shortfall,
// because the vendor sells and adjusts each type separately.
import {
  OVERAGE_MESSAGE,
  PAID_USER_LICENSE_TYPES,
  type PersonUserLicense,
  USER_LICENSE_ORDER,
  type UserLicenseCount,
  type UserLicenseInput,
  type UserLicenseOverage,
  type UserLicenseType,
} from './user-license-types.ts';

/**
 * Count used user licenses per type and flag paid types used beyond what was purchased.
 * @example
 * countUserLicenses({ people: [ann], environments: [prod, test], permissionGroups, accounts,
 *   purchased: { USER: 0, LIGHT: 5 } })
 * // { used: { USER: 1, LIGHT: 0, MEMBER: 0 }, perPerson: [{ personId: 'ann', type: 'USER', … }],
 * //   overage: [{ type: 'USER', used: 1, purchased: 0, message: 'contact your account manager …' }] }
 */
export function countUserLicenses(input: UserLicenseInput): UserLicenseCount {
  // Unknown group ids grant nothing: an account only consumes through groups that map to a type.
  const typeOfGroup = new Map(input.permissionGroups.map((g) => [g.id, g.userLicenseType]));
  const active = new Set(input.people.filter((p) => p.status === 'ACTIVE').map((p) => p.id));
  const production = new Set(input.environments.filter((e) => e.kind === 'PRODUCTION').map((e) => e.id));
  const held = new Map<string, { type: UserLicenseType; environments: Set<string> }>();

  for (const account of input.accounts) {
    if (!active.has(account.personId)) continue;
    const type = highest(account.permissionGroupIds.map((id) => typeOfGroup.get(id)));
    if (!type) continue;
    const entry = held.get(account.personId);
    if (!entry) held.set(account.personId, { type, environments: new Set([account.environmentId]) });
    else {
      entry.environments.add(account.environmentId);
      entry.type = highest([entry.type, type]) ?? entry.type;
    }
  }

  const perPerson: PersonUserLicense[] = [...held]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([personId, entry]) => {
      const environments = [...entry.environments].sort();
      const nonProductionOnly = !environments.some((id) => production.has(id));
      return { personId, type: entry.type, environments, nonProductionOnly };
    });
  const used: Record<UserLicenseType, number> = { USER: 0, LIGHT: 0, MEMBER: 0 };
  for (const row of perPerson) used[row.type] += 1;

  const overage: UserLicenseOverage[] = PAID_USER_LICENSE_TYPES.filter(
    (type) => used[type] > input.purchased[type],
  ).map((type) => ({ type, used: used[type], purchased: input.purchased[type], message: OVERAGE_MESSAGE }));
  return { used, perPerson, purchased: { ...input.purchased }, overage };
}

/** The highest type present, or undefined when none is. */
function highest(types: readonly (UserLicenseType | undefined)[]): UserLicenseType | undefined {
  return USER_LICENSE_ORDER.find((type) => types.includes(type));
}
