// Loads the part of an organization's assignment graph a recompute needs: every group with its own
// licenses and nesting (small), and for the selected people only, their group memberships, direct
// assignments and stored decision keys. Selecting by group keeps an incremental recompute's reads
// proportional to the people the change reaches.
import type { GroupKind } from '@licentia/core';
import { type Kysely, sql } from 'kysely';
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
    // The people first (by the groups' primary key), then their rows by person: one array parameter
    // keeps the plan a hash probe or an index scan on both engines, never a subplan per row.
    let ids: string[] | null = null;
    if ('groupIds' in selection) {
      const people = new Set(selection.personIds);
      if (selection.groupIds.length > 0) {
        const rows = await db
          .selectFrom('allocation_group_people')
          .select('person_id')
          .where('account_id', '=', s.accountId)
          .where('group_id', 'in', [...selection.groupIds])
          .execute();
        for (const r of rows) people.add(r.person_id);
      }
      if (people.size === 0) return { personIds: [], memberships: [], direct: [], stored: new Map() };
      ids = [...people].sort();
    }
    const selected =
      ids === null
        ? sql<boolean>`organization_id = ${s.organizationId}`
        : sql<boolean>`person_id = any(${ids}::text[])`;
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
    let personIds = ids;
    if (personIds === null) {
      const people = new Set<string>();
      for (const m of memberships) people.add(m.personId);
      for (const d of direct) people.add(d.personId!);
      for (const r of stored) people.add(r.personId);
      personIds = [...people].sort();
    }
    return {
      personIds,
      memberships,
      direct: direct.map((d) => ({ personId: d.personId!, code: d.code })),
      stored: new Map(stored.map((r) => [r.personId, r.key])),
    };
  },
};
