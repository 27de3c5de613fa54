// Loads the part of an organization's assignment graph a recompute needs: every group with its own
// licenses and nesting (small), and for the selected people only, their group memberships, direct
// assignments and stored decision keys. Selecting by group keeps an incremental recompute's reads
// proportional to the people the change reaches.
import type { GroupKind } from '@licentia/core';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Schema } from '../schema.ts';
import type { AllocationScope } from './allocation-repository.ts';

/** Whose data to load: people in these groups and these people, or everyone with allocation data. */
export type PeopleSelection = { groupIds: readonly string[]; personIds: readonly string[] } | { all: true };

export interface GroupShape {
  id: string;
  kind: GroupKind;
  licenseCodes: string[];
}

export interface SelectedPeople {
  personIds: string[];
  memberships: { groupId: string; personId: string }[];
  direct: { personId: string; code: string }[];
  stored: Map<string, string>;
}

export const allocationGraphRepository = {
  async groups(
    db: Kysely<Schema>,
    s: AllocationScope,
  ): Promise<{ groups: GroupShape[]; nesting: { parentId: string; childId: string }[] }> {
    const [groups, licenses, nesting] = await Promise.all([
      db
        .selectFrom('allocation_groups')
        .select(['id', 'kind'])
        .where('account_id', '=', s.accountId)
        .where('organization_id', '=', s.organizationId)
        .orderBy('id')
        .execute(),
      // Through the groups: each group's assignments by index, never a scan of everyone's.
      db
        .selectFrom('allocation_groups as g')
        .innerJoin('allocation_assignments as a', 'a.group_id', 'g.id')
        .select(['a.group_id as groupId', 'a.product_code as code'])
        .where('g.account_id', '=', s.accountId)
        .where('g.organization_id', '=', s.organizationId)
        .execute(),
      db
        .selectFrom('allocation_group_nesting')
        .select(['parent_group_id as parentId', 'child_group_id as childId'])
        .where('account_id', '=', s.accountId)
        .where('organization_id', '=', s.organizationId)
        .execute(),
    ]);
    const codes = new Map<string, string[]>();
    for (const l of licenses) codes.set(l.groupId!, [...(codes.get(l.groupId!) ?? []), l.code]);
    return { groups: groups.map((g) => ({ ...g, licenseCodes: codes.get(g.id) ?? [] })), nesting };
  },

  /**
   * The selected people and what the recompute needs of them. With `all`, everyone who has a stored
   * decision, a membership or a direct assignment (people with none of these hold nothing).
   */
  async people(db: Kysely<Schema>, s: AllocationScope, selection: PeopleSelection): Promise<SelectedPeople> {
    if ('groupIds' in selection && selection.groupIds.length === 0 && selection.personIds.length === 0) {
      return { personIds: [], memberships: [], direct: [], stored: new Map() };
    }
    const selected = personFilter(s, selection);
    const [memberships, direct, stored] = await Promise.all([
      db
        .selectFrom('allocation_group_people')
        .select(['group_id as groupId', 'person_id as personId'])
        .where('account_id', '=', s.accountId)
        .where(selected)
        .execute(),
      db
        .selectFrom('allocation_assignments')
        .select(['person_id as personId', 'product_code as code'])
        .where('account_id', '=', s.accountId)
        .where('person_id', 'is not', null)
        .where(selected)
        .execute(),
      db
        .selectFrom('allocation_effective')
        .select(['person_id as personId', 'decision_key as key'])
        .where('account_id', '=', s.accountId)
        .where(selected)
        .execute(),
    ]);
    const people = new Set<string>('personIds' in selection ? selection.personIds : []);
    if ('groupIds' in selection) {
      const inGroups = new Set(selection.groupIds);
      for (const m of memberships) if (inGroups.has(m.groupId)) people.add(m.personId);
    } else {
      for (const m of memberships) people.add(m.personId);
      for (const d of direct) people.add(d.personId!);
      for (const r of stored) people.add(r.personId);
    }
    return {
      personIds: [...people].sort(),
      memberships,
      direct: direct.map((d) => ({ personId: d.personId!, code: d.code })),
      stored: new Map(stored.map((r) => [r.personId, r.key])),
    };
  },
};

/** The SQL condition on a table's person_id (and organization) that picks the selected people. */
function personFilter(s: AllocationScope, selection: PeopleSelection): RawBuilder<boolean> {
  if ('all' in selection) return sql<boolean>`organization_id = ${s.organizationId}`;
  const named = sql`person_id in (${sql.join([...selection.personIds])})`;
  if (selection.groupIds.length === 0) return sql<boolean>`${named}`;
  const inGroups = sql`person_id in (select person_id from allocation_group_people
    where account_id = ${s.accountId} and group_id in (${sql.join([...selection.groupIds])}))`;
  // Without an OR when one side is empty: the planner then joins instead of probing a subplan.
  return selection.personIds.length === 0
    ? sql<boolean>`${inGroups}`
    : sql<boolean>`(${named} or ${inGroups})`;
}
