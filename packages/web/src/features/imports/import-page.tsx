// CSV import in the portal: choose what the file holds (people, permission groups or group
// assignments), upload it for a dry run that reports what would change and every bad row by line,
// then apply — all or nothing. Needs the LICENSING privilege.
import { useState } from 'react';
import { ApiError } from '../../api/api-error.ts';
import {
  IMPORT_KINDS,
  type ImportKind,
  type ImportReport,
  type ImportRowError,
} from '../../api/import-endpoints.ts';
import type { OrgScope } from '../../api/organization-endpoints.ts';
import { PageHeader } from '../../ui/feedback.tsx';
import { useSignedIn } from '../auth/session.tsx';
import { PortalScoped } from '../portal/org-scope.tsx';
import { ProblemBanner } from '../portal/problem-banner.tsx';
import { ImportErrors, ImportReportView } from './import-report.tsx';

const FORMATS: Record<ImportKind, string> = {
  people: 'username,email,name,status,environments (environment names separated by ;)',
  groups: 'environment,name,user_license_type (USER, LIGHT or MEMBER)',
  assignments: 'username,environment,group',
};

function Import(props: { scope: OrgScope }) {
  const { api } = useSignedIn();
  const [kind, setKind] = useState<ImportKind>('people');
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const rejected: { errors: ImportRowError[]; errorCount: number } | null =
    error instanceof ApiError && error.code === 'IMPORT_INVALID'
      ? {
          errors: (error.problem.errors as ImportRowError[] | undefined) ?? [],
          errorCount: Number(error.problem.errorCount ?? 0),
        }
      : null;

  async function run(dryRun: boolean) {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      setReport(await api.importCsv(props.scope, kind, file.text, dryRun));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  async function choose(chosen: File | undefined) {
    setReport(null);
    setError(null);
    setFile(chosen ? { name: chosen.name, text: await chosen.text() } : null);
  }

  const cleanDryRun = report?.dryRun === true && report.errorCount === 0;
  return (
    <>
      <PageHeader
        title="Import"
        description="Bring people, permission groups and group assignments from a CSV file. A dry run shows what would change; applying writes everything or nothing."
      />
      <section className="card form-grid" data-testid="import-form">
        <label className="field">
          <span>The file holds</span>
          <select
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as ImportKind);
              setReport(null);
            }}
            data-testid="import-kind"
          >
            {IMPORT_KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>CSV file</span>
          <input
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => void choose(e.target.files?.[0])}
            data-testid="import-file"
          />
        </label>
        <p className="fine-print full-row">
          Columns: <span className="mono">{FORMATS[kind]}</span>. The header row is required; imports never
          delete anything.
        </p>
        <div className="form-actions full-row">
          <button
            type="button"
            className="button button-ghost"
            disabled={!file || busy}
            onClick={() => void run(true)}
            data-testid="import-dry-run"
          >
            {busy && !cleanDryRun ? 'Checking…' : 'Dry run'}
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={!cleanDryRun || busy}
            onClick={() => void run(false)}
            data-testid="import-apply"
          >
            {busy && cleanDryRun ? 'Importing…' : 'Apply'}
          </button>
        </div>
      </section>
      <ProblemBanner error={error} testId="import-error-banner" />
      {rejected && <ImportErrors errors={rejected.errors} errorCount={rejected.errorCount} />}
      {report && !report.dryRun && (
        <div className="alert alert-success" data-testid="import-applied">
          Imported {file?.name}: {report.create} created, {report.update} updated.
        </div>
      )}
      {report && <ImportReportView report={report} />}
    </>
  );
}

export function ImportPage() {
  return <PortalScoped>{(scope) => <Import scope={scope} />}</PortalScoped>;
}
