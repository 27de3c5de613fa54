// Writes a valid import plan's operations with batched statements, inside the caller's transaction.
import type { AssignmentImportOp, GroupImportOp, IdKind, PeopleImportOp } from '@licentia/core';
import { type ImportPersonUpdate, type ImportScope, importRepository, type Schema } from '@licentia/db';
import type { Kysely } from 'kysely';

export interface WriteContext {
  newId: (kind: IdKind) => string;
  at: Date;
}

export async function writePeople(
  db: Kysely<Schema>,
  s: ImportScope,
  ops: readonly PeopleImportOp[],
  w: WriteContext,
) {
  const inserts = [];
  const updates: ImportPersonUpdate[] = [];
  const accounts: { personId: string; environmentId: string }[] = [];
  for (const op of ops) {
    if (op.action === 'create') {
      const id = w.newId('person');
      inserts.push({ id, username: op.username, email: op.email, name: op.name, status: op.status });
      for (const environmentId of op.environmentIds) accounts.push({ personId: id, environmentId });
    } else {
      if (Object.keys(op.changes).length > 0) updates.push({ id: op.personId, ...op.changes });
      for (const environmentId of op.addEnvironmentIds)
        accounts.push({ personId: op.personId, environmentId });
    }
  }
  await importRepository.insertPeople(db, s, inserts, w.at);
  await importRepository.updatePeople(db, s, updates, w.at);
  await importRepository.addEnvironmentAccounts(db, s, accounts);
}

export async function writeGroups(
  db: Kysely<Schema>,
  s: ImportScope,
  ops: readonly GroupImportOp[],
  w: WriteContext,
) {
  await importRepository.insertGroups(
    db,
    s,
    ops.flatMap((op) => (op.action === 'create' ? [{ ...op, id: w.newId('permissionGroup') }] : [])),
  );
  await importRepository.updateGroups(
    db,
    s,
    ops.flatMap((op) => (op.action === 'update' ? [{ id: op.groupId, ...op.changes }] : [])),
  );
}

/** Memberships need an account in the group's environment: accounts first, then memberships. */
export async function writeAssignments(
  db: Kysely<Schema>,
  s: ImportScope,
  ops: readonly AssignmentImportOp[],
) {
  await importRepository.addEnvironmentAccounts(db, s, ops);
  await importRepository.addMembers(db, s, ops);
}
