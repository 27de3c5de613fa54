// Privileges of an organization's people (SUPERVISOR, LICENSING, REPORTING). Every method takes the
// account and organization ids: another tenant's person holds nothing here.
import type { Kysely } from 'kysely';
import type { PersonPrivilegesTable, Schema } from '../schema.ts';
import { keysetPage } from './keyset-page.ts';
import type { Page, PageRequest } from './page.ts';

export type PrivilegeName = PersonPrivilegesTable['privilege'];

const ORDER: readonly PrivilegeName[] = ['SUPERVISOR', 'LICENSING', 'REPORTING'];
const sorted = (list: Iterable<PrivilegeName>) => {
  const set = new Set(list);
  return ORDER.filter((p) => set.has(p));
};

/** A person as the privilege checks see them: where they belong, whether active, what they hold. */
export interface PrivilegedPerson {
  id: string;
  organizationId: string;
  name: string;
  email: string;
  status: 'ACTIVE' | 'DISABLED';
  privileges: PrivilegeName[];
}

export interface SupervisorRow {
  id: string;
  name: string;
  email: string;
}

export const privilegeRepository = {
  /** The person with their privileges, or undefined when not a person of this organization. */
  async person(
    db: Kysely<Schema>,
    accountId: string,
    organizationId: string,
    personId: string,
  ): Promise<PrivilegedPerson | undefined> {
    const person = await db
      .selectFrom('people')
      .select(['id', 'organization_id as organizationId', 'name', 'email', 'status'])
      .where('account_id', '=', accountId)
      .where('organization_id', '=', organizationId)
      .where('id', '=', personId)
      .executeTakeFirst();
    if (!person) return undefined;
    const rows = await db
      .selectFrom('person_privileges')
      .select('privilege')
      .where('account_id', '=', accountId)
      .where('person_id', '=', personId)
      .execute();
    return { ...person, privileges: sorted(rows.map((r) => r.privilege)) };
  },

  /** Active people holding SUPERVISOR, by name: whom a refused person should ask. */
  async activeSupervisors(
    db: Kysely<Schema>,
    accountId: string,
    organizationId: string,
  ): Promise<SupervisorRow[]> {
    return db
      .selectFrom('person_privileges as pp')
      .innerJoin('people as p', 'p.id', 'pp.person_id')
      .select(['p.id', 'p.name', 'p.email'])
      .where('pp.account_id', '=', accountId)
      .where('pp.organization_id', '=', organizationId)
      .where('pp.privilege', '=', 'SUPERVISOR')
      .where('p.status', '=', 'ACTIVE')
      .orderBy('p.name')
      .orderBy('p.id')
      .execute();
  },

  /**
   * Lock the organization row until the transaction ends: privilege changes (and removals of people)
   * of one organization serialize, so two supervisors cannot remove each other at the same time.
   */
  async lockOrganization(db: Kysely<Schema>, accountId: string, organizationId: string): Promise<boolean> {
    const row = await db
      .selectFrom('organizations')
      .select('id')
      .where('account_id', '=', accountId)
      .where('id', '=', organizationId)
      .where('deleted_at', 'is', null)
      .forUpdate()
      .executeTakeFirst();
    return row !== undefined;
  },

  /** Make the person hold exactly `privileges`. */
  async replace(
    db: Kysely<Schema>,
    accountId: string,
    organizationId: string,
    personId: string,
    privileges: readonly PrivilegeName[],
    at: Date,
  ): Promise<void> {
    let remove = db
      .deleteFrom('person_privileges')
      .where('account_id', '=', accountId)
      .where('person_id', '=', personId);
    if (privileges.length > 0) remove = remove.where('privilege', 'not in', [...privileges]);
    await remove.execute();
    if (privileges.length === 0) return;
    await db
      .insertInto('person_privileges')
      .values(
        privileges.map((privilege) => ({
          account_id: accountId,
          organization_id: organizationId,
          person_id: personId,
          privilege,
          granted_at: at,
        })),
      )
      .onConflict((oc) => oc.columns(['person_id', 'privilege']).doNothing())
      .execute();
  },

  /** People of the organization holding at least one privilege, by person id (keyset pages). */
  async holders(
    db: Kysely<Schema>,
    accountId: string,
    organizationId: string,
    page: PageRequest,
  ): Promise<Page<PrivilegedPerson>> {
    const q = db
      .selectFrom('people as p')
      .select(['p.id', 'p.organization_id as organizationId', 'p.name', 'p.email', 'p.status'])
      .where('p.account_id', '=', accountId)
      .where('p.organization_id', '=', organizationId)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('person_privileges as pp')
            .select('pp.person_id')
            .whereRef('pp.person_id', '=', 'p.id'),
        ),
      );
    const people = await keysetPage(q, 'p.id', page);
    const ids = people.data.map((p) => p.id);
    const grants =
      ids.length === 0
        ? []
        : await db
            .selectFrom('person_privileges')
            .select(['person_id as personId', 'privilege'])
            .where('account_id', '=', accountId)
            .where('person_id', 'in', ids)
            .execute();
    return {
      data: people.data.map((p) => ({
        ...p,
        privileges: sorted(grants.filter((g) => g.personId === p.id).map((g) => g.privilege)),
      })),
      nextCursor: people.nextCursor,
    };
  },
};
