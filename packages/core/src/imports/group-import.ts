// Plans a permission-group import: each row names an environment, a group and the user-license type
// the group maps to; groups are matched by environment and name (any case), never deleted.

import type { CsvImportRead } from './import-csv.ts';
import { byLowerName, duplicateTracker, RowCheck } from './import-fields.ts';
import {
  IMPORT_LIMITS,
  type ImportChange,
  type ImportPlan,
  type ImportRowError,
  toPlan,
} from './import-formats.ts';

export type ImportUserLicenseType = 'USER' | 'LIGHT' | 'MEMBER';

export interface GroupImportState {
  environments: readonly { id: string; name: string }[];
  groups: readonly {
    id: string;
    environmentId: string;
    name: string;
    userLicenseType: ImportUserLicenseType;
  }[];
}

export type GroupImportOp =
  | {
      action: 'create';
      line: number;
      environmentId: string;
      name: string;
      userLicenseType: ImportUserLicenseType;
    }
  | {
      action: 'update';
      line: number;
      groupId: string;
      changes: { name?: string; userLicenseType?: ImportUserLicenseType };
    };

const groupKey = (environmentId: string, name: string) => `${environmentId}\n${name.toLowerCase()}`;

/**
 * Rules, each reported with the row's line: the environment exists (any case); name required
 * (≤ 100 characters) and once per environment in the file; user_license_type USER, LIGHT or MEMBER.
 * An existing group changes when its type (or the case of its name) differs.
 * @example
 * planGroupImport(readImportCsv('groups', 'environment,name,user_license_type\nProd,Editors,USER'), state);
 */
export function planGroupImport(read: CsvImportRead, state: GroupImportState): ImportPlan<GroupImportOp> {
  const environments = byLowerName(state.environments, (e) => e.name);
  const groups = new Map(state.groups.map((g) => [groupKey(g.environmentId, g.name), g]));
  const seen = duplicateTracker();
  const errors: ImportRowError[] = [...read.errors];
  const changes: ImportChange[] = [];
  const ops: GroupImportOp[] = [];

  for (const { line, values } of read.rows) {
    const row = new RowCheck(line, values);
    const envName = row.text('environment', IMPORT_LIMITS.environmentNameChars);
    const name = row.text('name', IMPORT_LIMITS.groupNameChars);
    const type = row.oneOf<ImportUserLicenseType>('user_license_type', ['USER', 'LIGHT', 'MEMBER'], false);
    const env = envName ? environments.get(envName.toLowerCase()) : undefined;
    if (envName && !env) row.fail('environment', `unknown environment "${envName}"`);
    const earlier = env && name ? seen(groupKey(env.id, name), line) : undefined;
    if (earlier !== undefined)
      row.fail('name', `group "${name}" of ${envName} is already on line ${earlier}`);
    errors.push(...row.errors);
    if (!row.ok || !env || !type) continue;

    const key = `${env.name}/${name}`;
    const existing = groups.get(groupKey(env.id, name));
    if (!existing) {
      changes.push({ line, action: 'create', key, fields: [] });
      ops.push({ action: 'create', line, environmentId: env.id, name, userLicenseType: type });
      continue;
    }
    const update: Extract<GroupImportOp, { action: 'update' }>['changes'] = {};
    if (existing.name !== name) update.name = name;
    if (existing.userLicenseType !== type) update.userLicenseType = type;
    const fields = Object.keys(update).map((f) => (f === 'userLicenseType' ? 'user_license_type' : f));
    changes.push({ line, action: fields.length > 0 ? 'update' : 'unchanged', key, fields });
    if (fields.length > 0) ops.push({ action: 'update', line, groupId: existing.id, changes: update });
  }
  return toPlan('groups', read.records, errors, changes, ops);
}
