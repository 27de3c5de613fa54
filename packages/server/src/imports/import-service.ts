// CSV imports of customer-organization data: a dry run plans against the current state and answers
// what would change; an apply plans again inside one transaction (the organization row locked, so
// imports and privilege changes of one organization serialize) and writes everything or nothing.
import {
  AppError,
  type ImportChange,
  type ImportKind,
  type ImportPlan,
  type ImportRowError,
  planAssignmentImport,
  planGroupImport,
  planPeopleImport,
  readImportCsv,
} from '@licentia/core';
import { type ImportScope, privilegeRepository, type Schema } from '@licentia/db';
import type { Kysely } from 'kysely';
import { assignmentImportState, groupImportState, peopleImportState } from './import-state.ts';
import { type WriteContext, writeAssignments, writeGroups, writePeople } from './import-writer.ts';

/** How many errors and changes an answer lists; the counts always cover the whole file. */
export const IMPORT_LIST_LIMIT = 100;

export interface ImportAnswer {
  kind: ImportKind;
  dryRun: boolean;
  rows: number;
  create: number;
  update: number;
  unchanged: number;
  errors: ImportRowError[];
  errorCount: number;
  changes: ImportChange[];
}

/** Plans the import and, when `write` is given, writes it (only if no row is bad). */
async function planAndWrite(
  db: Kysely<Schema>,
  s: ImportScope,
  kind: ImportKind,
  text: string,
  write?: WriteContext,
): Promise<ImportPlan<unknown>> {
  const read = readImportCsv(kind, text);
  if (kind === 'people') {
    const plan = planPeopleImport(read, await peopleImportState(db, s));
    if (write && plan.errors.length === 0) await writePeople(db, s, plan.ops, write);
    return plan;
  }
  if (kind === 'groups') {
    const plan = planGroupImport(read, await groupImportState(db, s));
    if (write && plan.errors.length === 0) await writeGroups(db, s, plan.ops, write);
    return plan;
  }
  const plan = planAssignmentImport(read, await assignmentImportState(db, s));
  if (write && plan.errors.length === 0) await writeAssignments(db, s, plan.ops);
  return plan;
}

export function toImportAnswer(plan: ImportPlan<unknown>, dryRun: boolean): ImportAnswer {
  return {
    kind: plan.kind,
    dryRun,
    rows: plan.rows,
    create: plan.create,
    update: plan.update,
    unchanged: plan.unchanged,
    errors: plan.errors.slice(0, IMPORT_LIST_LIMIT),
    errorCount: plan.errors.length,
    changes: plan.changes.filter((c) => c.action !== 'unchanged').slice(0, IMPORT_LIST_LIMIT),
  };
}

/** What would change; writes nothing. Bad rows are listed, not thrown. */
export async function dryRunImport(db: Kysely<Schema>, s: ImportScope, kind: ImportKind, text: string) {
  return toImportAnswer(await planAndWrite(db, s, kind, text), true);
}

/**
 * Inside the caller's transaction: lock the organization, plan against the state seen under the
 * lock, and write. Any bad row throws IMPORT_INVALID (422) naming the rows, so nothing is written.
 */
export async function applyImport(
  trx: Kysely<Schema>,
  s: ImportScope,
  kind: ImportKind,
  text: string,
  write: WriteContext,
): Promise<ImportAnswer> {
  await privilegeRepository.lockOrganization(trx, s.accountId, s.organizationId);
  const plan = await planAndWrite(trx, s, kind, text, write);
  if (plan.errors.length > 0) {
    const first = plan.errors[0]!;
    const n = plan.errors.length;
    throw new AppError(
      'IMPORT_INVALID',
      `${n} invalid row${n === 1 ? '' : 's'} (line ${first.line}: ${first.reason}); nothing was imported`,
      { extensions: { errors: plan.errors.slice(0, IMPORT_LIST_LIMIT), errorCount: n } },
    );
  }
  return toImportAnswer(plan, false);
}
