// Permission groups of an organization's environments (each maps to a user-license type) and their
// members. A member always holds an account in the group's environment: addMember creates it.
import type { UserLicenseType } from '@licentia/core';
import type { Kysely } from 'kysely';
import type { Schema } from '../schema.ts';
import { keysetPage, keysetRows } from './keyset-page.ts';
import { type Page, type PageRequest, toPage } from './page.ts';
import { type PersonRow, personColumns, personRepository } from './person-repository.ts';
import { deleteScopedRow } from './scoped-rows.ts';

export interface PermissionGroupRow {
  id: string;
  accountId: string;
  organizationId: string;
  environmentId: string;
  name: string;
  userLicenseType: UserLicenseType;
  createdAt: Date;
  /** People in the group. */
  memberCount: number;
}

const columns = [
  'g.id',
  'g.account_id as accountId',
  'g.organization_id as organizationId',
  'g.environment_id as environmentId',
  'g.name',
  'g.user_license_type as userLicenseType',
  'g.created_at as createdAt',
] as const;

function scoped(db: Kysely<Schema>, accountId: string, organizationId: string) {
  return db
    .selectFrom('permission_groups as g')
    .select(columns)
    .select((eb) =>
      eb
        .selectFrom('permission_group_members as m')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('m.group_id', '=', 'g.id')
        .as('memberCount'),
    )
    .where('g.account_id', '=', accountId)
    .where('g.organization_id', '=', organizationId);
}

const withCount = <T extends { memberCount: number | string | null }>(row: T) => ({
  ...row,
  memberCount: Number(row.memberCount ?? 0),
});

export const permissionGroupRepository = {
  async insert(
    db: Kysely<Schema>,
    accountId: string,
    row: Pick<PermissionGroupRow, 'id' | 'organizationId' | 'environmentId' | 'name' | 'userLicenseType'>,
  ): Promise<PermissionGroupRow> {
    await db
      .insertInto('permission_groups')
      .values({
        id: row.id,
        account_id: accountId,
        organization_id: row.organizationId,
        environment_id: row.environmentId,
        name: row.name,
        user_license_type: row.userLicenseType,
      })
      .execute();
    return (await permissionGroupRepository.get(db, accountId, row.organizationId, row.id))!;
  },

  async get(
    db: Kysely<Schema>,
    accountId: string,
    organizationId: string,
    id: string,
  ): Promise<PermissionGroupRow | undefined> {
    const row = await scoped(db, accountId, organizationId).where('g.id', '=', id).executeTakeFirst();
    return row && withCount(row);
  },

  async list(
    db: Kysely<Schema>,
    accountId: string,
    organizationId: string,
    filters: { environmentId?: string | undefined },
    page: PageRequest,
  ): Promise<Page<PermissionGroupRow>> {
    let q = scoped(db, accountId, organizationId);
    if (filters.environmentId) q = q.where('g.environment_id', '=', filters.environmentId);
    const rows = await keysetRows(q, 'g.id', page);
    return toPage(rows.map(withCount), page.limit);
  },

  async update(
    db: Kysely<Schema>,
    accountId: string,
    organizationId: string,
    id: string,
    changes: { name?: string; userLicenseType?: UserLicenseType },
  ): Promise<PermissionGroupRow | undefined> {
    const set: { name?: string; user_license_type?: UserLicenseType } = {};
    if (changes.name !== undefined) set.name = changes.name;
    if (changes.userLicenseType !== undefined) set.user_license_type = changes.userLicenseType;
    if (Object.keys(set).length > 0) {
      await db
        .updateTable('permission_groups')
        .set(set)
        .where('account_id', '=', accountId)
        .where('organization_id', '=', organizationId)
        .where('id', '=', id)
        .execute();
    }
    return permissionGroupRepository.get(db, accountId, organizationId, id);
  },

  /** Deletes the group and its memberships; the members keep their environment accounts. */
  async delete(db: Kysely<Schema>, accountId: string, organizationId: string, id: string): Promise<boolean> {
    return deleteScopedRow(db, 'permission_groups', accountId, { organization_id: organizationId, id });
  },

  async listMembers(
    db: Kysely<Schema>,
    accountId: string,
    groupId: string,
    page: PageRequest,
  ): Promise<Page<PersonRow>> {
    const q = db
      .selectFrom('permission_group_members as m')
      .innerJoin('people as p', 'p.id', 'm.person_id')
      .select(personColumns)
      .where('m.account_id', '=', accountId)
      .where('m.group_id', '=', groupId);
    return keysetPage(q, 'p.id', page);
  },

  /**
   * Add the person to the group, giving them an account in the group's environment if they have
   * none. Returns whether the membership is new.
   */
  async addMember(
    db: Kysely<Schema>,
    accountId: string,
    group: Pick<PermissionGroupRow, 'id' | 'organizationId' | 'environmentId'>,
    personId: string,
  ): Promise<boolean> {
    await personRepository.addEnvironmentAccount(
      db,
      accountId,
      group.organizationId,
      group.environmentId,
      personId,
    );
    const r = await db
      .insertInto('permission_group_members')
      .values({ account_id: accountId, group_id: group.id, person_id: personId })
      .onConflict((oc) => oc.columns(['group_id', 'person_id']).doNothing())
      .executeTakeFirst();
    return (r.numInsertedOrUpdatedRows ?? 0n) > 0n;
  },

  async removeMember(
    db: Kysely<Schema>,
    accountId: string,
    groupId: string,
    personId: string,
  ): Promise<boolean> {
    return deleteScopedRow(db, 'permission_group_members', accountId, {
      group_id: groupId,
      person_id: personId,
    });
  },

  /** The groups a person belongs to, in every environment. */
  async groupsOfPerson(
    db: Kysely<Schema>,
    accountId: string,
    organizationId: string,
    personId: string,
  ): Promise<Omit<PermissionGroupRow, 'memberCount'>[]> {
    return db
      .selectFrom('permission_groups as g')
      .innerJoin('permission_group_members as m', 'm.group_id', 'g.id')
      .select(columns)
      .where('g.account_id', '=', accountId)
      .where('g.organization_id', '=', organizationId)
      .where('m.person_id', '=', personId)
      .orderBy('g.id')
      .execute();
  },
};
