// The Products tab of the license overview: product licenses per production environment (test and
// training copies borrow them and are shown attached, not as licenses of their own), licenses not
// installed anywhere yet, and for every environment which products it is licensed for.
import type { LicenseOverview, OverviewLicense } from '../../api/organization-types.ts';
import { EmptyState } from '../../ui/feedback.tsx';
import { formatDateTime } from '../../ui/format.ts';

const KIND_LABELS: Record<string, string> = {
  PRODUCTION: 'Production',
  TEST: 'Test',
  TRAINING: 'Training',
  STORAGE: 'Storage',
};

function LicenseTable(props: { licenses: OverviewLicense[]; testId: string }) {
  if (props.licenses.length === 0) return <EmptyState>No product licenses.</EmptyState>;
  return (
    <table className="table table-compact" data-testid={props.testId}>
      <thead>
        <tr>
          <th>Product</th>
          <th>License</th>
          <th>Status</th>
          <th>Expires</th>
          <th>Seats</th>
        </tr>
      </thead>
      <tbody>
        {props.licenses.map((l) => (
          <tr key={l.id} data-testid="overview-license" data-product={l.productName}>
            <td className="strong">{l.productName}</td>
            <td>{l.name ?? l.id}</td>
            <td>
              <span className={`badge state state-${l.status.toLowerCase()}`}>{l.status}</span>
            </td>
            <td>{l.expiresAt ? formatDateTime(l.expiresAt) : 'Never'}</td>
            <td className="nowrap">{l.maxUsers === null ? '—' : `${l.seatsAssigned} of ${l.maxUsers}`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ProductsTab(props: { overview: LicenseOverview }) {
  const { environments, notInstalled, licensedProducts } = props.overview.products;
  return (
    <div className="stack" data-testid="overview-products">
      {environments.length === 0 && <EmptyState>No production environment yet.</EmptyState>}
      {environments.map((env) => (
        <section className="card card-flush" key={env.environmentId} data-testid="production-environment">
          <div className="card-head">
            <h2 className="card-title">
              <span aria-hidden="true">⌂ </span>
              {env.name}
            </h2>
            <span className="faint">
              {env.attachedEnvironments.length > 0
                ? `Also licensed: ${env.attachedEnvironments.map((a) => `${a.name} (${KIND_LABELS[a.kind]})`).join(', ')}`
                : 'No attached test or training copies'}
            </span>
          </div>
          <LicenseTable licenses={env.licenses} testId="environment-licenses" />
        </section>
      ))}
      {notInstalled.length > 0 && (
        <section className="card card-flush">
          <div className="card-head">
            <h2 className="card-title">Not installed in an environment</h2>
          </div>
          <LicenseTable licenses={notInstalled} testId="not-installed-licenses" />
        </section>
      )}
      <section className="card card-flush">
        <div className="card-head">
          <h2 className="card-title">What each environment is licensed for</h2>
        </div>
        <table className="table table-compact" data-testid="licensed-products">
          <thead>
            <tr>
              <th>Environment</th>
              <th>Kind</th>
              <th>Licensed through</th>
              <th>Products</th>
            </tr>
          </thead>
          <tbody>
            {licensedProducts.map((e) => (
              <tr key={e.environmentId} data-testid="licensed-environment" data-environment={e.name}>
                <td className="strong">{e.name}</td>
                <td>{KIND_LABELS[e.kind] ?? e.kind}</td>
                <td>
                  {e.licensedThroughId === null
                    ? '— (holds data only)'
                    : e.licensedThroughId === e.environmentId
                      ? 'Its own licenses'
                      : (licensedProducts.find((p) => p.environmentId === e.licensedThroughId)?.name ??
                        e.licensedThroughId)}
                </td>
                <td data-testid="licensed-product-names">
                  {e.products.length === 0 ? (
                    <span className="faint">None</span>
                  ) : (
                    e.products.map((p) => p.productName).join(', ')
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
