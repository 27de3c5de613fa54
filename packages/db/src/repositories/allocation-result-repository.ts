// The outcomes of allocation: each person's stored decision, the recompute log, refused logins, and
// the rows the consumption report reads. Decisions are written in chunks (one statement per 500
// people) and only for people whose decision changed.
import type { ReleaseRule } from '@licentia/core';
import { type Kysely, sql } from 'kysely';
import type { AllocationTrigger } from '../allocation-schema.ts';
import type { Schema } from '../schema.ts';
import type { AllocationScope } from './allocation-repository.ts';
import { keysetPage } from './keyset-page.ts';
import type { Page, PageRequest } from './page.ts';
import { selectInOrganization } from './scoped-rows.ts';

export interface StoredRelease {
  code: string;
  rule: ReleaseRule;
  inFavourOf: string | null;
}

export interface EffectiveRow {
  personId: string;
  loginAllowed: boolean;
  effective: string[];
  released: StoredRelease[];
  decisionKey: string;
}

export interface StoredEffectiveRow extends EffectiveRow {
  revision: number;
  computedAt: Date;
}

export interface RecomputeRow {
  id: string;
  trigger: AllocationTrigger;
  peopleReached: number;
  peopleChanged: number;
  durationMs: number;
  createdAt: Date;
}

export interface LoginRefusalRow {
  id: string;
  personId: string;
  reasons: string[];
  occurredAt: Date;
}

const CHUNK = 500;

const effectiveColumns = [
  'person_id as personId',
  'login_allowed as loginAllowed',
  'effective',
  'released',
  'decision_key as decisionKey',
  'revision',
  'computed_at as computedAt',
] as const;
const recomputeColumns = [
  'id',
  'trigger',
  'people_reached as peopleReached',
  'people_changed as peopleChanged',
  'duration_ms as durationMs',
  'created_at as createdAt',
] as const;
const refusalColumns = ['id', 'person_id as personId', 'reasons', 'occurred_at as occurredAt'] as const;

export const allocationResultRepository = {
  /** Insert or replace decisions; a replaced row's revision goes up by one. */
  async upsertEffective(db: Kysely<Schema>, s: AllocationScope, rows: readonly EffectiveRow[], at: Date) {
    for (let i = 0; i < rows.length; i += CHUNK) {
      await db
        .insertInto('allocation_effective')
        .values(
          rows.slice(i, i + CHUNK).map((r) => ({
            person_id: r.personId,
            account_id: s.accountId,
            organization_id: s.organizationId,
            login_allowed: r.loginAllowed,
            effective: r.effective,
            released: JSON.stringify(r.released),
            decision_key: r.decisionKey,
            computed_at: at,
          })),
        )
        .onConflict((oc) =>
          oc.column('person_id').doUpdateSet((eb) => ({
            login_allowed: eb.ref('excluded.login_allowed'),
            effective: eb.ref('excluded.effective'),
            released: eb.ref('excluded.released'),
            decision_key: eb.ref('excluded.decision_key'),
            computed_at: eb.ref('excluded.computed_at'),
            revision: sql<number>`allocation_effective.revision + 1`,
          })),
        )
        .execute();
    }
  },

  async effectiveOf(
    db: Kysely<Schema>,
    s: AllocationScope,
    personId: string,
  ): Promise<StoredEffectiveRow | undefined> {
    const row = await selectInOrganization(db, 'allocation_effective', effectiveColumns, s)
      .where('person_id', '=', personId)
      .executeTakeFirst();
    return row && { ...row, released: row.released as StoredRelease[] };
  },

  /** Every stored decision of the organization with the person's status (the consumption report). */
  async allEffective(
    db: Kysely<Schema>,
    s: AllocationScope,
  ): Promise<(StoredEffectiveRow & { active: boolean })[]> {
    const rows = await db
      .selectFrom('allocation_effective as e')
      .innerJoin('people as p', 'p.id', 'e.person_id')
      .select([
        'e.person_id as personId',
        'e.login_allowed as loginAllowed',
        'e.effective',
        'e.released',
        'e.decision_key as decisionKey',
        'e.revision',
        'e.computed_at as computedAt',
        'p.status',
      ])
      .where('e.account_id', '=', s.accountId)
      .where('e.organization_id', '=', s.organizationId)
      .orderBy('e.person_id')
      .execute();
    return rows.map(({ status, ...r }) => ({
      ...r,
      released: r.released as StoredRelease[],
      active: status === 'ACTIVE',
    }));
  },

  async insertRecompute(db: Kysely<Schema>, s: AllocationScope, row: RecomputeRow): Promise<void> {
    await db
      .insertInto('allocation_recomputes')
      .values({
        id: row.id,
        account_id: s.accountId,
        organization_id: s.organizationId,
        trigger: row.trigger,
        people_reached: row.peopleReached,
        people_changed: row.peopleChanged,
        duration_ms: row.durationMs,
        created_at: row.createdAt,
      })
      .execute();
  },

  async listRecomputes(
    db: Kysely<Schema>,
    s: AllocationScope,
    page: PageRequest,
  ): Promise<Page<RecomputeRow>> {
    const q = selectInOrganization(db, 'allocation_recomputes', recomputeColumns, s);
    // Newest first: ids are time-sortable.
    return keysetPage(q, 'id', page, 'desc');
  },

  async insertRefusal(db: Kysely<Schema>, s: AllocationScope, row: LoginRefusalRow): Promise<void> {
    await db
      .insertInto('allocation_login_refusals')
      .values({
        id: row.id,
        account_id: s.accountId,
        organization_id: s.organizationId,
        person_id: row.personId,
        reasons: row.reasons,
        occurred_at: row.occurredAt,
      })
      .execute();
  },

  async listRefusals(
    db: Kysely<Schema>,
    s: AllocationScope,
    filter: { personId?: string | undefined },
    page: PageRequest,
  ): Promise<Page<LoginRefusalRow>> {
    let q = selectInOrganization(db, 'allocation_login_refusals', refusalColumns, s);
    if (filter.personId) q = q.where('person_id', '=', filter.personId);
    return keysetPage(q, 'id', page, 'desc');
  },
};
