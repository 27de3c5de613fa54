// What an import would change (dry run) or changed (apply): counts, the bad rows with their line
// numbers, and the first rows that create or update something.
import type { ImportReport, ImportRowError } from '../../api/import-endpoints.ts';

export function ImportErrors(props: { errors: ImportRowError[]; errorCount: number }) {
  if (props.errorCount === 0) return null;
  return (
    <section className="card card-flush" data-testid="import-errors">
      <div className="card-head">
        <h2 className="card-title">
          {props.errorCount} invalid {props.errorCount === 1 ? 'row' : 'rows'}
          {props.errors.length < props.errorCount ? ` (first ${props.errors.length} shown)` : ''}
        </h2>
      </div>
      <table className="table table-compact">
        <thead>
          <tr>
            <th>Line</th>
            <th>Field</th>
            <th>Problem</th>
          </tr>
        </thead>
        <tbody>
          {props.errors.map((e) => (
            <tr key={`${e.line}:${e.field ?? ''}:${e.reason}`} data-testid="import-error" data-line={e.line}>
              <td className="mono">{e.line}</td>
              <td className="mono">{e.field ?? '—'}</td>
              <td>{e.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function ImportReportView(props: { report: ImportReport }) {
  const r = props.report;
  return (
    <div className="stack" data-testid="import-report" data-dry-run={r.dryRun}>
      <section className="stats">
        {(
          [
            ['Rows read', r.rows, 'import-rows'],
            [r.dryRun ? 'Would create' : 'Created', r.create, 'import-create'],
            [r.dryRun ? 'Would update' : 'Updated', r.update, 'import-update'],
            ['Unchanged', r.unchanged, 'import-unchanged'],
          ] as const
        ).map(([label, value, testId]) => (
          <div className="stat card" key={testId}>
            <span className="stat-label">{label}</span>
            <span className="stat-value" data-testid={testId}>
              {value}
            </span>
          </div>
        ))}
      </section>
      <ImportErrors errors={r.errors} errorCount={r.errorCount} />
      {r.changes.length > 0 && (
        <section className="card card-flush">
          <div className="card-head">
            <h2 className="card-title">Changes{r.changes.length === 100 ? ' (first 100)' : ''}</h2>
          </div>
          <table className="table table-compact" data-testid="import-changes">
            <tbody>
              {r.changes.map((c) => (
                <tr key={c.line}>
                  <td className="mono">{c.line}</td>
                  <td>
                    <span className="badge">{c.action}</span>
                  </td>
                  <td className="strong">{c.key}</td>
                  <td className="faint">{c.fields.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
