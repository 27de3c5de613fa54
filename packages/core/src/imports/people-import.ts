// Plans a people import: validates each row, matches it to a stored person by username (any case)
// and says what would change. Imports add and update; they never delete people or their accounts.

import type { CsvImportRead } from './import-csv.ts';
import { byLowerName, duplicateTracker, RowCheck } from './import-fields.ts';
import {
  ENVIRONMENT_LIST_SEPARATOR,
  IMPORT_LIMITS,
  type ImportChange,
  type ImportPlan,
  type ImportRowError,
  toPlan,
} from './import-formats.ts';

export type ImportPersonStatus = 'ACTIVE' | 'DISABLED';

export interface PeopleImportState {
  environments: readonly { id: string; name: string }[];
  people: readonly {
    id: string;
    username: string;
    email: string;
    name: string;
    status: ImportPersonStatus;
    environmentIds: readonly string[];
  }[];
  /** Ids of the active people holding SUPERVISOR: an import may not disable the last of them. */
  activeSupervisorIds: readonly string[];
}

export type PeopleImportOp =
  | {
      action: 'create';
      line: number;
      username: string;
      email: string;
      name: string;
      status: ImportPersonStatus;
      environmentIds: string[];
    }
  | {
      action: 'update';
      line: number;
      personId: string;
      changes: { username?: string; email?: string; name?: string; status?: ImportPersonStatus };
      addEnvironmentIds: string[];
    };

/**
 * Rules, each reported with the row's line: username required, at most 100 characters, no spaces,
 * once per file (any case); email required and valid; name required (≤ 200); status empty (new
 * people: ACTIVE; existing: unchanged), ACTIVE or DISABLED; every environment named exists; the
 * organization keeps at least one active supervisor. Environments listed are added to the person's
 * accounts; accounts not listed are kept.
 * @example
 * planPeopleImport(readImportCsv('people', csv), { environments, people: [], activeSupervisorIds: [] }).create;
 */
export function planPeopleImport(read: CsvImportRead, state: PeopleImportState): ImportPlan<PeopleImportOp> {
  const environments = byLowerName(state.environments, (e) => e.name);
  const people = byLowerName(state.people, (p) => p.username);
  const seen = duplicateTracker();
  const errors: ImportRowError[] = [...read.errors];
  const changes: ImportChange[] = [];
  const ops: PeopleImportOp[] = [];
  const disabledSupervisors: { line: number; id: string }[] = [];
  const supervisors = new Set(state.activeSupervisorIds);

  for (const { line, values } of read.rows) {
    const row = new RowCheck(line, values);
    const username = row.username('username', IMPORT_LIMITS.usernameChars);
    const email = row.email('email', IMPORT_LIMITS.emailChars);
    const name = row.text('name', IMPORT_LIMITS.personNameChars);
    const status = row.oneOf<ImportPersonStatus>('status', ['ACTIVE', 'DISABLED'], true);
    const environmentIds: string[] = [];
    for (const envName of row.optional('environments').split(ENVIRONMENT_LIST_SEPARATOR)) {
      const trimmed = envName.trim();
      if (trimmed === '') continue;
      const env = environments.get(trimmed.toLowerCase());
      if (!env) row.fail('environments', `unknown environment "${trimmed}"`);
      else if (!environmentIds.includes(env.id)) environmentIds.push(env.id);
    }
    const earlier = username ? seen(username.toLowerCase(), line) : undefined;
    if (earlier !== undefined) row.fail('username', `username "${username}" is already on line ${earlier}`);
    errors.push(...row.errors);
    if (!row.ok) continue;

    const existing = people.get(username.toLowerCase());
    if (!existing) {
      changes.push({ line, action: 'create', key: username, fields: [] });
      ops.push({ action: 'create', line, username, email, name, status: status || 'ACTIVE', environmentIds });
      continue;
    }
    const update: Extract<PeopleImportOp, { action: 'update' }>['changes'] = {};
    if (existing.username !== username) update.username = username;
    if (existing.email !== email) update.email = email;
    if (existing.name !== name) update.name = name;
    if (status && existing.status !== status) update.status = status;
    const held = new Set(existing.environmentIds);
    const addEnvironmentIds = environmentIds.filter((id) => !held.has(id));
    const fields = [...Object.keys(update), ...(addEnvironmentIds.length > 0 ? ['environments'] : [])];
    if (update.status === 'DISABLED' && supervisors.has(existing.id)) {
      disabledSupervisors.push({ line, id: existing.id });
    }
    if (fields.length === 0) {
      changes.push({ line, action: 'unchanged', key: username, fields });
      continue;
    }
    changes.push({ line, action: 'update', key: username, fields });
    ops.push({ action: 'update', line, personId: existing.id, changes: update, addEnvironmentIds });
  }

  // Disabling every active supervisor would leave nobody to grant privileges (issue 5, D5).
  const last = disabledSupervisors.at(-1);
  if (last && disabledSupervisors.length >= supervisors.size) {
    errors.push({
      line: last.line,
      field: 'status',
      reason: "disables the organization's last active supervisor; grant SUPERVISOR to someone else first",
    });
  }
  return toPlan('people', read.records, errors, changes, ops);
}
