// People of customer organizations and their accounts in the organization's environments. Every
// method takes the account id (and the organization id): another tenant's person is a missing one.
import { type Kysely, sql } from 'kysely';
import type { Schema } from '../schema.ts';
import { keysetPage } from './keyset-page.ts';
import type { Page, PageRequest } from './page.ts';
import { deleteScopedRow, selectInOrganization } from './scoped-rows.ts';
import { containsText } from './text-search.ts';

export type PersonStatus = 'ACTIVE' | 'DISABLED';

export interface PersonRow {
  id: string;
  accountId: string;
  organizationId: string;
  username: string;
  email: string;
  name: string;
  status: PersonStatus;
  createdAt: Date;
  updatedAt: Date;
}

export type NewPerson = Pick<PersonRow, 'id' | 'organizationId' | 'username' | 'email' | 'name' | 'status'>;
export type PersonChanges = Partial<Pick<PersonRow, 'username' | 'email' | 'name' | 'status'>>;

export interface PersonFilters {
  status?: PersonStatus | undefined;
  /** Only people with an account in this environment. */
  environmentId?: string | undefined;
  /** Case-insensitive substring of username, name or email. */
  q?: string | undefined;
}

export interface EnvironmentAccountRow {
  environmentId: string;
  personId: string;
  createdAt: Date;
}

/** A person's columns, the table aliased `p` (group member lists read the same rows). */
export const personColumns = [
  'p.id',
  'p.account_id as accountId',
  'p.organization_id as organizationId',
  'p.username',
  'p.email',
  'p.name',
  'p.status',
  'p.created_at as createdAt',
  'p.updated_at as updatedAt',
] as const;

const environmentAccountColumns = [
  'environment_id as environmentId',
  'person_id as personId',
  'created_at as createdAt',
] as const;

function scoped(db: Kysely<Schema>, accountId: string, organizationId: string) {
  return db
    .selectFrom('people as p')
    .select(personColumns)
    .where('p.account_id', '=', accountId)
    .where('p.organization_id', '=', organizationId);
}

export const personRepository = {
  async insert(db: Kysely<Schema>, accountId: string, row: NewPerson, at: Date): Promise<PersonRow> {
    await db
      .insertInto('people')
      .values({
        id: row.id,
        account_id: accountId,
        organization_id: row.organizationId,
        username: row.username,
        email: row.email,
        name: row.name,
        status: row.status,
        created_at: at,
        updated_at: at,
      })
      .execute();
    return (await personRepository.get(db, accountId, row.organizationId, row.id))!;
  },

  async get(
    db: Kysely<Schema>,
    accountId: string,
    organizationId: string,
    id: string,
  ): Promise<PersonRow | undefined> {
    return scoped(db, accountId, organizationId).where('p.id', '=', id).executeTakeFirst();
  },

  /** A person's status alone (read on every request of a token bound to them). */
  async status(
    db: Kysely<Schema>,
    accountId: string,
    organizationId: string,
    id: string,
  ): Promise<PersonStatus | undefined> {
    const row = await selectInOrganization(db, 'people', ['status'], { accountId, organizationId })
      .where('id', '=', id)
      .executeTakeFirst();
    return row?.status as PersonStatus | undefined;
  },

  async findByUsername(
    db: Kysely<Schema>,
    accountId: string,
    organizationId: string,
    username: string,
  ): Promise<PersonRow | undefined> {
    return scoped(db, accountId, organizationId)
      .where(sql`lower(p.username)`, '=', username.toLowerCase())
      .executeTakeFirst();
  },

  /** Every person of the organization with the fields reports print, by id. */
  async directory(
    db: Kysely<Schema>,
    accountId: string,
    organizationId: string,
  ): Promise<Pick<PersonRow, 'id' | 'username' | 'name' | 'email'>[]> {
    return selectInOrganization(db, 'people', ['id', 'username', 'name', 'email'], {
      accountId,
      organizationId,
    })
      .orderBy('id')
      .execute();
  },

  async list(
    db: Kysely<Schema>,
    accountId: string,
    organizationId: string,
    filters: PersonFilters,
    page: PageRequest,
  ): Promise<Page<PersonRow>> {
    let q = scoped(db, accountId, organizationId);
    if (filters.status) q = q.where('p.status', '=', filters.status);
    if (filters.environmentId) {
      const environmentId = filters.environmentId;
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('environment_accounts as ea')
            .select('ea.person_id')
            .whereRef('ea.person_id', '=', 'p.id')
            .where('ea.environment_id', '=', environmentId),
        ),
      );
    }
    if (filters.q) {
      q = q.where(containsText(filters.q, [sql`lower(p.username)`, sql`lower(p.name)`, sql`lower(p.email)`]));
    }
    return keysetPage(q, 'p.id', page);
  },

  async update(
    db: Kysely<Schema>,
    accountId: string,
    organizationId: string,
    id: string,
    changes: PersonChanges,
    at: Date,
  ): Promise<PersonRow | undefined> {
    const r = await db
      .updateTable('people')
      .set({ ...changes, updated_at: at })
      .where('account_id', '=', accountId)
      .where('organization_id', '=', organizationId)
      .where('id', '=', id)
      .executeTakeFirst();
    return r.numUpdatedRows > 0n ? personRepository.get(db, accountId, organizationId, id) : undefined;
  },

  /** Deletes the person with their environment accounts, group memberships and seats (ON DELETE CASCADE). */
  async delete(db: Kysely<Schema>, accountId: string, organizationId: string, id: string): Promise<boolean> {
    return deleteScopedRow(db, 'people', accountId, { organization_id: organizationId, id });
  },

  async listEnvironmentAccounts(
    db: Kysely<Schema>,
    accountId: string,
    organizationId: string,
    personId: string,
  ): Promise<EnvironmentAccountRow[]> {
    return selectInOrganization(db, 'environment_accounts', environmentAccountColumns, {
      accountId,
      organizationId,
    })
      .where('person_id', '=', personId)
      .orderBy('environment_id')
      .execute();
  },

  /** Give the person an account in the environment; true when it was created, false when it existed. */
  async addEnvironmentAccount(
    db: Kysely<Schema>,
    accountId: string,
    organizationId: string,
    environmentId: string,
    personId: string,
  ): Promise<boolean> {
    const r = await db
      .insertInto('environment_accounts')
      .values({
        account_id: accountId,
        organization_id: organizationId,
        environment_id: environmentId,
        person_id: personId,
      })
      .onConflict((oc) => oc.columns(['environment_id', 'person_id']).doNothing())
      .executeTakeFirst();
    return (r.numInsertedOrUpdatedRows ?? 0n) > 0n;
  },

  /** Remove the person's account in the environment and their memberships of its permission groups. */
  async removeEnvironmentAccount(
    db: Kysely<Schema>,
    accountId: string,
    organizationId: string,
    environmentId: string,
    personId: string,
  ): Promise<boolean> {
    await db
      .deleteFrom('permission_group_members')
      .where('account_id', '=', accountId)
      .where('person_id', '=', personId)
      .where('group_id', 'in', (eb) =>
        eb.selectFrom('permission_groups').select('id').where('environment_id', '=', environmentId),
      )
      .execute();
    return deleteScopedRow(db, 'environment_accounts', accountId, {
      organization_id: organizationId,
      environment_id: environmentId,
      person_id: personId,
    });
  },
};
