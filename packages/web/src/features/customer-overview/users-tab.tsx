// The Users tab of the license overview: purchased against used user licenses per type across every
// environment (a person counts once, as the highest type held anywhere; MEMBER is free), the overage
// banner when USER or LIGHT use exceeds the purchase, people per environment, and the CSV export.
import { useState } from 'react';
import type { OrgScope } from '../../api/organization-endpoints.ts';
import type { LicenseOverview } from '../../api/organization-types.ts';
import { BarChart } from '../../ui/charts/bar-chart.tsx';
import { downloadFile } from '../../ui/download-file.ts';
import { useSignedIn } from '../auth/session.tsx';
import { Meter } from '../portal/meter.tsx';
import { ProblemBanner } from '../portal/problem-banner.tsx';

const TYPE_LABELS = { USER: 'User', LIGHT: 'Light user', MEMBER: 'Member (read-only, guests)' };

export function UsersTab(props: { scope: OrgScope; overview: LicenseOverview }) {
  const { api } = useSignedIn();
  const { types, overage, message, nonProductionOnly, environments } = props.overview.users;
  const [exportError, setExportError] = useState<unknown>(null);

  async function exportCsv() {
    setExportError(null);
    try {
      downloadFile('user-licenses.csv', await api.exportUserLicenses(props.scope));
    } catch (error) {
      setExportError(error);
    }
  }

  return (
    <div className="stack" data-testid="overview-users">
      {overage.length > 0 && (
        <div className="alert alert-error" role="alert" data-testid="overage-banner">
          <strong>
            {overage.map((o) => `${o.type}: ${o.used} used of ${o.purchased} purchased`).join('; ')}.
          </strong>{' '}
          Please {message ?? 'contact your account manager for a license adjustment'}.
        </div>
      )}
      <section className="card card-flush">
        <div className="card-head">
          <h2 className="card-title">User licenses across all environments</h2>
          <button
            type="button"
            className="button button-ghost button-small"
            onClick={exportCsv}
            data-testid="export-users"
          >
            Export CSV
          </button>
        </div>
        <table className="table" data-testid="user-types">
          <thead>
            <tr>
              <th>Type</th>
              <th>Purchased</th>
              <th>Used</th>
              <th>Use</th>
            </tr>
          </thead>
          <tbody>
            {types.map((t) => (
              <tr
                key={t.type}
                className={t.overage ? 'row-over' : undefined}
                data-testid="user-type-row"
                data-type={t.type}
                data-overage={t.overage}
              >
                <td className="strong">{TYPE_LABELS[t.type]}</td>
                <td data-testid="purchased">{t.free ? 'Free' : t.purchased}</td>
                <td data-testid="used">{t.used}</td>
                <td className="nowrap">
                  {t.free ? (
                    <span className="faint">Not counted against a purchase</span>
                  ) : (
                    <>
                      <Meter used={t.used} capacity={t.purchased} />
                      {t.overage ? (
                        <span className="badge state-revoked">Over by {t.used - t.purchased}</span>
                      ) : (
                        <span className="faint">{t.purchased - t.used} left</span>
                      )}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <ProblemBanner error={exportError} testId="export-error" />
      <section className="card">
        <BarChart
          title="People with an account, per environment"
          unit="people"
          data={environments.map((e) => ({ label: e.name, value: e.people }))}
          testId="people-per-environment"
        />
        <p className="fine-print" data-testid="non-production-only">
          {nonProductionOnly} {nonProductionOnly === 1 ? 'person exists' : 'people exist'} only in test or
          training copies; they still consume a user license.
        </p>
      </section>
    </div>
  );
}
