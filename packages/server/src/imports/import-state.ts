// Loads what an import plan compares against: the organization's environments, people (with their
// environment accounts), permission groups, memberships and active supervisors, in a few queries.
import type { AssignmentImportState, GroupImportState, PeopleImportState } from '@licentia/core';
import {
  environmentRepository,
  type ImportScope,
  importRepository,
  privilegeRepository,
  type Schema,
} from '@licentia/db';
import type { Kysely } from 'kysely';

async function environments(db: Kysely<Schema>, s: ImportScope) {
  return (await environmentRepository.listAll(db, s.accountId, s.organizationId)).map((e) => ({
    id: e.id,
    name: e.name,
  }));
}

export async function peopleImportState(db: Kysely<Schema>, s: ImportScope): Promise<PeopleImportState> {
  const [envs, people, accounts, supervisors] = [
    await environments(db, s),
    await importRepository.people(db, s),
    await importRepository.environmentAccounts(db, s),
    await privilegeRepository.activeSupervisors(db, s.accountId, s.organizationId),
  ];
  const byPerson = new Map<string, string[]>();
  for (const a of accounts) {
    const list = byPerson.get(a.personId);
    if (list) list.push(a.environmentId);
    else byPerson.set(a.personId, [a.environmentId]);
  }
  return {
    environments: envs,
    people: people.map((p) => ({ ...p, environmentIds: byPerson.get(p.id) ?? [] })),
    activeSupervisorIds: supervisors.map((p) => p.id),
  };
}

export async function groupImportState(db: Kysely<Schema>, s: ImportScope): Promise<GroupImportState> {
  return { environments: await environments(db, s), groups: await importRepository.groups(db, s) };
}

export async function assignmentImportState(
  db: Kysely<Schema>,
  s: ImportScope,
): Promise<AssignmentImportState> {
  return {
    environments: await environments(db, s),
    people: await importRepository.people(db, s),
    groups: await importRepository.groups(db, s),
    members: await importRepository.members(db, s),
  };
}
