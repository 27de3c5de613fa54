// The CSV import formats of customer-organization data (people, permission groups, group
// assignments) and the result types every import plan shares. The formats are documented in
// docs/imports.md; this table is what the header check and the row validators read.

export const IMPORT_KINDS = ['people', 'groups', 'assignments'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ImportFormat {
  /** Columns every file must have. */
  required: readonly string[];
  /** Columns a file may add; a missing optional column means "keep what is stored". */
  optional: readonly string[];
  /** What identifies a row's target, for messages ("username", "environment + name"). */
  key: string;
}

/**
 * The header of each format; column names are matched case-insensitively, in any order.
 * @example
 * IMPORT_FORMATS.people.required; // ['username', 'email', 'name']
 */
export const IMPORT_FORMATS: Readonly<Record<ImportKind, ImportFormat>> = {
  people: { required: ['username', 'email', 'name'], optional: ['status', 'environments'], key: 'username' },
  groups: { required: ['environment', 'name', 'user_license_type'], optional: [], key: 'environment + name' },
  assignments: {
    required: ['username', 'environment', 'group'],
    optional: [],
    key: 'username + environment + group',
  },
};

/** Environment names inside the people format's `environments` column are separated by this. */
export const ENVIRONMENT_LIST_SEPARATOR = ';';

/** The limits the HTTP routes apply to the same fields, so imported data can be edited later. */
export const IMPORT_LIMITS = {
  usernameChars: 100,
  emailChars: 254,
  personNameChars: 200,
  groupNameChars: 100,
  environmentNameChars: 100,
} as const;

/** One problem of one row: the physical line the record starts on (the header is line 1). */
export interface ImportRowError {
  line: number;
  field?: string;
  reason: string;
}

export type ImportAction = 'create' | 'update' | 'unchanged';

/** What one row does: its target's key and, for an update, the fields that change. */
export interface ImportChange {
  line: number;
  action: ImportAction;
  key: string;
  fields: string[];
}

/** The outcome of planning an import: counts, per-row changes, errors, and the operations to write. */
export interface ImportPlan<Op> {
  kind: ImportKind;
  rows: number;
  create: number;
  update: number;
  unchanged: number;
  errors: ImportRowError[];
  changes: ImportChange[];
  /** Create and update operations in file order; empty when `errors` is not. */
  ops: Op[];
}

/** Folds per-row changes into a plan; operations are dropped when any row is bad (nothing partial). */
export function toPlan<Op>(
  kind: ImportKind,
  rows: number,
  errors: ImportRowError[],
  changes: ImportChange[],
  ops: Op[],
): ImportPlan<Op> {
  const count = (action: ImportAction) => changes.filter((c) => c.action === action).length;
  const sorted = [...errors].sort((a, b) => a.line - b.line);
  return {
    kind,
    rows,
    create: count('create'),
    update: count('update'),
    unchanged: count('unchanged'),
    errors: sorted,
    changes,
    ops: sorted.length > 0 ? [] : ops,
  };
}
