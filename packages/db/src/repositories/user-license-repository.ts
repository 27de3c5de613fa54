// Loads what user-license counting (core user-licenses/) needs for one organization in three
// queries: people, permission groups, and environment accounts with their group memberships.
import type { UserLicenseInput } from '@licentia/core';
import type { Kysely } from 'kysely';
import type { Schema } from '../schema.ts';

export type UserLicenseData = Pick<UserLicenseInput, 'people' | 'permissionGroups' | 'accounts'>;

export const userLicenseRepository = {
  async countingInput(
    db: Kysely<Schema>,
    accountId: string,
    organizationId: string,
  ): Promise<UserLicenseData> {
    const [people, permissionGroups, accounts, memberships] = await Promise.all([
      db
        .selectFrom('people')
        .select(['id', 'username', 'status'])
        .where('account_id', '=', accountId)
        .where('organization_id', '=', organizationId)
        .execute(),
      db
        .selectFrom('permission_groups')
        .select(['id', 'environment_id as environmentId', 'user_license_type as userLicenseType'])
        .where('account_id', '=', accountId)
        .where('organization_id', '=', organizationId)
        .execute(),
      db
        .selectFrom('environment_accounts')
        .select(['person_id as personId', 'environment_id as environmentId'])
        .where('account_id', '=', accountId)
        .where('organization_id', '=', organizationId)
        .execute(),
      db
        .selectFrom('permission_group_members as m')
        .innerJoin('permission_groups as g', 'g.id', 'm.group_id')
        .select(['m.person_id as personId', 'g.environment_id as environmentId', 'g.id as groupId'])
        .where('g.account_id', '=', accountId)
        .where('g.organization_id', '=', organizationId)
        .execute(),
    ]);
    const groupsOf = new Map<string, string[]>();
    for (const m of memberships) {
      const key = `${m.personId} ${m.environmentId}`;
      groupsOf.set(key, [...(groupsOf.get(key) ?? []), m.groupId]);
    }
    return {
      // The core says INACTIVE for what the people table calls DISABLED.
      people: people.map((p) => ({
        id: p.id,
        username: p.username,
        status: p.status === 'ACTIVE' ? 'ACTIVE' : 'INACTIVE',
      })),
      permissionGroups,
      accounts: accounts.map((a) => ({
        ...a,
        permissionGroupIds: groupsOf.get(`${a.personId} ${a.environmentId}`) ?? [],
      })),
    };
  },
};
