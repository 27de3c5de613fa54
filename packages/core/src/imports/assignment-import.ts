// Plans a group-assignment import: each row puts an existing person into an existing permission
// group of an environment (which also gives the person an account there). Nothing is removed.

import type { CsvImportRead } from './import-csv.ts';
import { byLowerName, duplicateTracker, RowCheck } from './import-fields.ts';
import {
  IMPORT_LIMITS,
  type ImportChange,
  type ImportPlan,
  type ImportRowError,
  toPlan,
} from './import-formats.ts';

export interface AssignmentImportState {
  environments: readonly { id: string; name: string }[];
  people: readonly { id: string; username: string }[];
  groups: readonly { id: string; environmentId: string; name: string }[];
  /** Current memberships. */
  members: readonly { groupId: string; personId: string }[];
}

export interface AssignmentImportOp {
  action: 'create';
  line: number;
  personId: string;
  groupId: string;
  environmentId: string;
}

/**
 * Rules, each reported with the row's line: the person (by username, any case), the environment and
 * the group of that environment exist; a membership appears once in the file. A membership already
 * stored is unchanged.
 * @example
 * planAssignmentImport(readImportCsv('assignments', 'username,environment,group\nann,Prod,Editors'), state);
 */
export function planAssignmentImport(
  read: CsvImportRead,
  state: AssignmentImportState,
): ImportPlan<AssignmentImportOp> {
  const environments = byLowerName(state.environments, (e) => e.name);
  const people = byLowerName(state.people, (p) => p.username);
  const groups = new Map(state.groups.map((g) => [`${g.environmentId}\n${g.name.toLowerCase()}`, g]));
  const members = new Set(state.members.map((m) => `${m.groupId} ${m.personId}`));
  const seen = duplicateTracker();
  const errors: ImportRowError[] = [...read.errors];
  const changes: ImportChange[] = [];
  const ops: AssignmentImportOp[] = [];

  for (const { line, values } of read.rows) {
    const row = new RowCheck(line, values);
    const username = row.username('username', IMPORT_LIMITS.usernameChars);
    const envName = row.text('environment', IMPORT_LIMITS.environmentNameChars);
    const groupName = row.text('group', IMPORT_LIMITS.groupNameChars);
    const person = username ? people.get(username.toLowerCase()) : undefined;
    if (username && !person) row.fail('username', `unknown person "${username}"`);
    const env = envName ? environments.get(envName.toLowerCase()) : undefined;
    if (envName && !env) row.fail('environment', `unknown environment "${envName}"`);
    const group = env && groupName ? groups.get(`${env.id}\n${groupName.toLowerCase()}`) : undefined;
    if (env && groupName && !group) row.fail('group', `no group "${groupName}" in environment ${env.name}`);
    const earlier = person && group ? seen(`${group.id} ${person.id}`, line) : undefined;
    if (earlier !== undefined) row.fail(undefined, `the same assignment is already on line ${earlier}`);
    errors.push(...row.errors);
    if (!row.ok || !person || !group || !env) continue;

    const key = `${person.username} → ${env.name}/${group.name}`;
    if (members.has(`${group.id} ${person.id}`)) {
      changes.push({ line, action: 'unchanged', key, fields: [] });
      continue;
    }
    changes.push({ line, action: 'create', key, fields: [] });
    ops.push({ action: 'create', line, personId: person.id, groupId: group.id, environmentId: env.id });
  }
  return toPlan('assignments', read.records, errors, changes, ops);
}
