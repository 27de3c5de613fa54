// Who is in which allocation group, which groups nest in which, and which products are assigned to
// people and groups. Adds answer whether a row was inserted (false: it already existed), removes
// whether one was deleted, so the server recomputes only when something changed.
import type { Kysely } from 'kysely';
import type { Schema } from '../schema.ts';
import type { AllocationScope } from './allocation-repository.ts';
import { keysetPage } from './keyset-page.ts';
import type { Page, PageRequest } from './page.ts';
import { deleteScopedRow, selectInOrganization } from './scoped-rows.ts';

export interface AllocationAssignmentRow {
  id: string;
  organizationId: string;
  productCode: string;
  personId: string | null;
  groupId: string | null;
  createdAt: Date;
}

export interface AllocationMembers {
  personIds: string[];
  groupIds: string[];
}

const assignmentColumns = [
  'id',
  'organization_id as organizationId',
  'product_code as productCode',
  'person_id as personId',
  'group_id as groupId',
  'created_at as createdAt',
] as const;

const org = (s: AllocationScope) => ({ account_id: s.accountId, organization_id: s.organizationId });

export const allocationMembershipRepository = {
  async addPerson(
    db: Kysely<Schema>,
    s: AllocationScope,
    groupId: string,
    personId: string,
  ): Promise<boolean> {
    const r = await db
      .insertInto('allocation_group_people')
      .values({ ...org(s), group_id: groupId, person_id: personId })
      .onConflict((oc) => oc.columns(['group_id', 'person_id']).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0n) > 0;
  },

  async removePerson(
    db: Kysely<Schema>,
    s: AllocationScope,
    groupId: string,
    personId: string,
  ): Promise<boolean> {
    return deleteScopedRow(db, 'allocation_group_people', s.accountId, {
      group_id: groupId,
      person_id: personId,
    });
  },

  async nest(db: Kysely<Schema>, s: AllocationScope, parentId: string, childId: string): Promise<boolean> {
    const r = await db
      .insertInto('allocation_group_nesting')
      .values({ ...org(s), parent_group_id: parentId, child_group_id: childId })
      .onConflict((oc) => oc.columns(['parent_group_id', 'child_group_id']).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0n) > 0;
  },

  async unnest(db: Kysely<Schema>, s: AllocationScope, parentId: string, childId: string): Promise<boolean> {
    return deleteScopedRow(db, 'allocation_group_nesting', s.accountId, {
      parent_group_id: parentId,
      child_group_id: childId,
    });
  },

  async members(db: Kysely<Schema>, s: AllocationScope, groupId: string): Promise<AllocationMembers> {
    const [people, groups] = await Promise.all([
      db
        .selectFrom('allocation_group_people')
        .select('person_id as id')
        .where('account_id', '=', s.accountId)
        .where('group_id', '=', groupId)
        .orderBy('person_id')
        .execute(),
      db
        .selectFrom('allocation_group_nesting')
        .select('child_group_id as id')
        .where('account_id', '=', s.accountId)
        .where('parent_group_id', '=', groupId)
        .orderBy('child_group_id')
        .execute(),
    ]);
    return { personIds: people.map((p) => p.id), groupIds: groups.map((g) => g.id) };
  },

  async insertAssignment(
    db: Kysely<Schema>,
    s: AllocationScope,
    row: { id: string; productCode: string; personId: string | null; groupId: string | null },
  ): Promise<AllocationAssignmentRow | undefined> {
    return db
      .insertInto('allocation_assignments')
      .values({
        ...org(s),
        id: row.id,
        product_code: row.productCode,
        person_id: row.personId,
        group_id: row.groupId,
      })
      .onConflict((oc) => oc.doNothing())
      .returning(assignmentColumns)
      .executeTakeFirst();
  },

  async getAssignment(
    db: Kysely<Schema>,
    s: AllocationScope,
    id: string,
  ): Promise<AllocationAssignmentRow | undefined> {
    return selectInOrganization(db, 'allocation_assignments', assignmentColumns, s)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  async deleteAssignment(db: Kysely<Schema>, s: AllocationScope, id: string): Promise<boolean> {
    return deleteScopedRow(db, 'allocation_assignments', s.accountId, {
      organization_id: s.organizationId,
      id,
    });
  },

  async listAssignments(
    db: Kysely<Schema>,
    s: AllocationScope,
    filter: { personId?: string | undefined; groupId?: string | undefined },
    page: PageRequest,
  ): Promise<Page<AllocationAssignmentRow>> {
    let q = selectInOrganization(db, 'allocation_assignments', assignmentColumns, s);
    if (filter.personId) q = q.where('person_id', '=', filter.personId);
    if (filter.groupId) q = q.where('group_id', '=', filter.groupId);
    return keysetPage(q, 'id', page);
  },
};
