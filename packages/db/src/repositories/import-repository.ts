// Bulk reads and writes of CSV imports (people, permission groups, assignments): the organization's
// whole current state in a few queries, and multi-row INSERT / UPDATE … FROM (VALUES …) in batches,
// so a 50,000-row import is a few dozen statements inside the caller's transaction.
import { type Kysely, sql } from 'kysely';
import type { Schema } from '../schema.ts';

/** Rows per statement: 2,000 × at most 9 parameters stays far below PostgreSQL's 65,535. */
const BATCH = 2000;

function* batches<T>(items: readonly T[], size = BATCH): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

type Status = 'ACTIVE' | 'DISABLED';
type UserLicenseType = 'USER' | 'LIGHT' | 'MEMBER';

export interface ImportScope {
  accountId: string;
  organizationId: string;
}

export interface ImportPersonInsert {
  id: string;
  username: string;
  email: string;
  name: string;
  status: Status;
}

/** Changed fields only; an absent field keeps the stored value. */
export interface ImportPersonUpdate {
  id: string;
  username?: string;
  email?: string;
  name?: string;
  status?: Status;
}

export const importRepository = {
  async people(db: Kysely<Schema>, s: ImportScope) {
    return db
      .selectFrom('people')
      .select(['id', 'username', 'email', 'name', 'status'])
      .where('account_id', '=', s.accountId)
      .where('organization_id', '=', s.organizationId)
      .execute();
  },

  async environmentAccounts(db: Kysely<Schema>, s: ImportScope) {
    return db
      .selectFrom('environment_accounts')
      .select(['person_id as personId', 'environment_id as environmentId'])
      .where('account_id', '=', s.accountId)
      .where('organization_id', '=', s.organizationId)
      .execute();
  },

  async groups(db: Kysely<Schema>, s: ImportScope) {
    return db
      .selectFrom('permission_groups')
      .select(['id', 'environment_id as environmentId', 'name', 'user_license_type as userLicenseType'])
      .where('account_id', '=', s.accountId)
      .where('organization_id', '=', s.organizationId)
      .execute();
  },

  async members(db: Kysely<Schema>, s: ImportScope) {
    return db
      .selectFrom('permission_group_members as m')
      .innerJoin('permission_groups as g', 'g.id', 'm.group_id')
      .select(['m.group_id as groupId', 'm.person_id as personId'])
      .where('g.account_id', '=', s.accountId)
      .where('g.organization_id', '=', s.organizationId)
      .execute();
  },

  async insertPeople(db: Kysely<Schema>, s: ImportScope, rows: readonly ImportPersonInsert[], at: Date) {
    for (const batch of batches(rows)) {
      await db
        .insertInto('people')
        .values(
          batch.map((r) => ({
            ...r,
            account_id: s.accountId,
            organization_id: s.organizationId,
            created_at: at,
            updated_at: at,
          })),
        )
        .execute();
    }
  },

  async updatePeople(db: Kysely<Schema>, s: ImportScope, rows: readonly ImportPersonUpdate[], at: Date) {
    for (const batch of batches(rows)) {
      const values = sql.join(
        batch.map(
          (r) =>
            sql`(${r.id}::text, ${r.username ?? null}::text, ${r.email ?? null}::text, ${r.name ?? null}::text, ${r.status ?? null}::text)`,
        ),
      );
      await sql`
        UPDATE people AS p SET
          username = coalesce(v.username, p.username), email = coalesce(v.email, p.email),
          name = coalesce(v.name, p.name), status = coalesce(v.status, p.status), updated_at = ${at}
        FROM (VALUES ${values}) AS v (id, username, email, name, status)
        WHERE p.id = v.id AND p.account_id = ${s.accountId} AND p.organization_id = ${s.organizationId}`.execute(
        db,
      );
    }
  },

  /** Environment accounts that may already exist (ON CONFLICT DO NOTHING). */
  async addEnvironmentAccounts(
    db: Kysely<Schema>,
    s: ImportScope,
    rows: readonly { personId: string; environmentId: string }[],
  ) {
    for (const batch of batches(rows)) {
      await db
        .insertInto('environment_accounts')
        .values(
          batch.map((r) => ({
            account_id: s.accountId,
            organization_id: s.organizationId,
            environment_id: r.environmentId,
            person_id: r.personId,
          })),
        )
        .onConflict((oc) => oc.columns(['environment_id', 'person_id']).doNothing())
        .execute();
    }
  },

  async insertGroups(
    db: Kysely<Schema>,
    s: ImportScope,
    rows: readonly { id: string; environmentId: string; name: string; userLicenseType: UserLicenseType }[],
  ) {
    for (const batch of batches(rows)) {
      await db
        .insertInto('permission_groups')
        .values(
          batch.map((r) => ({
            id: r.id,
            account_id: s.accountId,
            organization_id: s.organizationId,
            environment_id: r.environmentId,
            name: r.name,
            user_license_type: r.userLicenseType,
          })),
        )
        .execute();
    }
  },

  async updateGroups(
    db: Kysely<Schema>,
    s: ImportScope,
    rows: readonly { id: string; name?: string; userLicenseType?: UserLicenseType }[],
  ) {
    for (const batch of batches(rows)) {
      const values = sql.join(
        batch.map((r) => sql`(${r.id}::text, ${r.name ?? null}::text, ${r.userLicenseType ?? null}::text)`),
      );
      await sql`
        UPDATE permission_groups AS g SET
          name = coalesce(v.name, g.name), user_license_type = coalesce(v.type, g.user_license_type)
        FROM (VALUES ${values}) AS v (id, name, type)
        WHERE g.id = v.id AND g.account_id = ${s.accountId} AND g.organization_id = ${s.organizationId}`.execute(
        db,
      );
    }
  },

  /** Memberships that may already exist; the caller adds the environment accounts first. */
  async addMembers(
    db: Kysely<Schema>,
    s: ImportScope,
    rows: readonly { groupId: string; personId: string }[],
  ) {
    for (const batch of batches(rows)) {
      await db
        .insertInto('permission_group_members')
        .values(batch.map((r) => ({ account_id: s.accountId, group_id: r.groupId, person_id: r.personId })))
        .onConflict((oc) => oc.columns(['group_id', 'person_id']).doNothing())
        .execute();
    }
  },
};
