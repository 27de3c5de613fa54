// The Integrations tab of the license overview: connectors to other systems, organization-wide
// add-ons and extra database instances, each with its quantity, term and whether it is in force.
import type { LicenseOverview, OverviewTerm } from '../../api/organization-types.ts';
import { EmptyState } from '../../ui/feedback.tsx';
import { formatDateTime } from '../../ui/format.ts';

const STATUS_CLASS = { ACTIVE: 'state-active', FUTURE: 'state-not-yet-valid', EXPIRED: 'state-expired' };

function TermTable(props: { title: string; terms: OverviewTerm[]; testId: string; empty: string }) {
  return (
    <section className="card card-flush">
      <div className="card-head">
        <h2 className="card-title">{props.title}</h2>
      </div>
      {props.terms.length === 0 ? (
        <EmptyState>{props.empty}</EmptyState>
      ) : (
        <table className="table table-compact" data-testid={props.testId}>
          <thead>
            <tr>
              <th>Name</th>
              <th>Code</th>
              <th>Quantity</th>
              <th>Term</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {props.terms.map((t) => (
              <tr key={t.id} data-testid="term-row" data-code={t.code}>
                <td className="strong">{t.name}</td>
                <td className="mono">{t.code}</td>
                <td data-testid="term-quantity">{t.quantity}</td>
                <td className="nowrap">
                  {formatDateTime(t.startsAt)} → {t.endsAt ? formatDateTime(t.endsAt) : 'open-ended'}
                </td>
                <td>
                  <span className={`badge state ${STATUS_CLASS[t.status]}`}>{t.status}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function IntegrationsTab(props: { overview: LicenseOverview }) {
  const { integrations, addOns, databaseInstances, databaseInstanceUse } = props.overview.integrations;
  return (
    <div className="stack" data-testid="overview-integrations">
      <TermTable
        title="Integrations"
        terms={integrations}
        testId="integrations-table"
        empty="No integration licenses."
      />
      <TermTable title="Add-ons" terms={addOns} testId="add-ons-table" empty="No add-ons." />
      <TermTable
        title="Extra database instances"
        terms={databaseInstances}
        testId="database-instances-table"
        empty="No extra database instances."
      />
      <p className="fine-print" data-testid="database-instance-use">
        Database instances: {databaseInstanceUse.inUse} in use of {databaseInstanceUse.purchased} purchased
        (storage environments hold historical data).
      </p>
    </div>
  );
}
