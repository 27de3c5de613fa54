// The CSV import part of the API client (issue 5 item 9): upload a people, groups or assignments
// file for a dry run that reports what would change, then apply it. Shapes from /tmp/h contract
// "CSV import API" (routes/imports/): 200 with a report, 422 IMPORT_INVALID when an apply has bad rows.
import { withQuery } from './licensing-endpoints.ts';
import { type OrgScope, orgPath } from './organization-endpoints.ts';

export const IMPORT_KINDS = ['people', 'groups', 'assignments'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ImportRowError {
  line: number;
  field?: string;
  reason: string;
}

export interface ImportReport {
  kind: ImportKind;
  dryRun: boolean;
  /** Data rows read (header and blank lines not counted). */
  rows: number;
  create: number;
  update: number;
  unchanged: number;
  /** The first 100 bad rows; `errorCount` counts them all. */
  errors: ImportRowError[];
  errorCount: number;
  /** The first 100 rows that create or update something. */
  changes: { line: number; action: 'create' | 'update' | 'unchanged'; key: string; fields: string[] }[];
}

/** Sends a raw body with its content type; same token and problem+json handling as JSON calls. */
export type SendRaw = <T>(method: 'POST', path: string, body: string, contentType: string) => Promise<T>;

export function importEndpoints(sendRaw: SendRaw) {
  return {
    importCsv: (scope: OrgScope, kind: ImportKind, csv: string, dryRun: boolean) =>
      sendRaw<ImportReport>(
        'POST',
        withQuery(`${orgPath(scope)}/imports/${kind}`, { dryRun: String(dryRun) }),
        csv,
        'text/csv; charset=utf-8',
      ),
  };
}
