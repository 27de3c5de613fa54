// The consumption report's tables: per product (with over-quantity flags), per environment, the
// releases with their rule and winner, and the user licenses next to the Users tab's count.
import type { AllocationConsumption } from '../../api/allocation-endpoints.ts';

export function ProductTable(props: { report: AllocationConsumption }) {
  return (
    <table className="table" data-testid="consumption-products">
      <thead>
        <tr>
          <th>Product</th>
          <th>Kind</th>
          <th>User license</th>
          <th>Quantity</th>
          <th>Consumed</th>
          <th>Released</th>
        </tr>
      </thead>
      <tbody>
        {props.report.products.map((p) => (
          <tr key={p.code} data-testid="consumption-product" data-code={p.code}>
            <td>
              <span className="strong">{p.name}</span>
              <div className="mono faint">{p.code}</div>
            </td>
            <td>{p.kind === 'BASE' ? 'Base' : 'Add-on'}</td>
            <td>{p.userLicenseType}</td>
            <td>{p.quantity ?? 'unlimited'}</td>
            <td>
              {p.consumed}
              {p.overQuantity && <span className="badge badge-warning badge-inline">over quantity</span>}
            </td>
            <td>{p.released}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function EnvironmentTable(props: { report: AllocationConsumption }) {
  const rows = props.report.environments.flatMap((e) => e.products.map((p) => ({ env: e, ...p })));
  if (rows.length === 0) return <p className="muted">No consumption in any environment yet.</p>;
  return (
    <table className="table" data-testid="consumption-environments">
      <thead>
        <tr>
          <th>Environment</th>
          <th>Kind</th>
          <th>Product</th>
          <th>Consumed</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.env.id}-${r.code}`}>
            <td>{r.env.name}</td>
            <td>{r.env.kind}</td>
            <td className="mono">{r.code}</td>
            <td>{r.consumed}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ReleaseTable(props: { report: AllocationConsumption }) {
  if (props.report.releases.length === 0)
    return <p className="muted">Nothing released: no overlapping assignments.</p>;
  return (
    <table className="table" data-testid="consumption-releases">
      <thead>
        <tr>
          <th>Released</th>
          <th>In favour of</th>
          <th>Rule</th>
          <th>People</th>
          <th>Why</th>
        </tr>
      </thead>
      <tbody>
        {props.report.releases.map((r) => (
          <tr key={`${r.code}-${r.rule}-${r.inFavourOf}`} data-testid="consumption-release">
            <td className="mono">{r.code}</td>
            <td className="mono">{r.inFavourOf ?? '—'}</td>
            <td>
              <span className="badge">{r.rule}</span>
            </td>
            <td>{r.people}</td>
            <td className="muted">{r.why}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function UserLicenseTable(props: { report: AllocationConsumption }) {
  const { types, agrees, differences } = props.report.userLicenses;
  return (
    <>
      <p data-testid="user-license-agreement" className={agrees ? 'muted' : ''}>
        {agrees
          ? 'User licenses from effective licenses agree with the Users tab of the license overview.'
          : `User licenses disagree with the Users tab for ${differences.length} people: check their permission groups.`}
      </p>
      <table className="table" data-testid="consumption-user-licenses">
        <thead>
          <tr>
            <th>Type</th>
            <th>From effective licenses</th>
            <th>Users tab</th>
            <th>Purchased</th>
          </tr>
        </thead>
        <tbody>
          {types.map((t) => (
            <tr key={t.type}>
              <td>{t.type}</td>
              <td>{t.consumed}</td>
              <td>{t.counted}</td>
              <td>{t.type === 'MEMBER' ? 'free' : t.purchased}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
