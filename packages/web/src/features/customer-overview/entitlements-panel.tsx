// The vendor's management of one customer's entitlements: the list with quantity and term status,
// quantity changes in place, removal, and the form to add one.
import { useState } from 'react';
import type { OrgScope } from '../../api/organization-endpoints.ts';
import type { OrgEntitlement } from '../../api/organization-types.ts';
import { ConfirmButton, EmptyState } from '../../ui/feedback.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { useResource } from '../../ui/use-resource.ts';
import { useSignedIn } from '../auth/session.tsx';
import { ProblemBanner } from '../portal/problem-banner.tsx';
import { EntitlementForm } from './entitlement-form.tsx';

function QuantityCell(props: {
  entitlement: OrgEntitlement;
  mayWrite: boolean;
  onSave: (quantity: number) => void;
}) {
  const [value, setValue] = useState(String(props.entitlement.quantity));
  if (!props.mayWrite) return <>{props.entitlement.quantity}</>;
  const changed = value !== String(props.entitlement.quantity) && value !== '';
  return (
    <span className="inline-edit">
      <input
        type="number"
        min={0}
        value={value}
        style={{ width: 90 }}
        onChange={(e) => setValue(e.target.value)}
        aria-label="Quantity"
        data-testid="entitlement-row-quantity"
      />
      {changed && (
        <button
          type="button"
          className="button button-primary button-small"
          onClick={() => props.onSave(Number(value))}
          data-testid="save-quantity"
        >
          Save
        </button>
      )}
    </span>
  );
}

export function EntitlementsPanel(props: { scope: OrgScope; mayWrite: boolean; onChanged: () => void }) {
  const { api } = useSignedIn();
  const { scope } = props;
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const list = useResource(
    () => api.listEntitlements(scope, { limit: 200 }),
    `entitlements:${scope.organizationId}`,
  );

  async function run(action: () => Promise<unknown>) {
    setError(null);
    try {
      await action();
      list.reload();
      props.onChanged();
    } catch (caught) {
      setError(caught);
    }
  }

  const rows = list.data?.data ?? [];
  return (
    <div className="stack" data-testid="entitlements-panel">
      {props.mayWrite && !adding && (
        <div>
          <button
            type="button"
            className="button button-primary"
            onClick={() => setAdding(true)}
            data-testid="new-entitlement"
          >
            Add entitlement
          </button>
        </div>
      )}
      {adding && (
        <EntitlementForm
          scope={scope}
          onCancel={() => setAdding(false)}
          onAdded={() => {
            setAdding(false);
            list.reload();
            props.onChanged();
          }}
        />
      )}
      <ProblemBanner error={error ?? list.error} />
      <section className="card card-flush">
        <table className="table" data-testid="entitlements-table">
          <thead>
            <tr>
              <th>Kind</th>
              <th>Name</th>
              <th>Code</th>
              <th>Quantity</th>
              <th>Term</th>
              <th>Status</th>
              <th className="actions-col" />
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => (
              <tr key={e.id} data-testid="entitlement-row" data-code={e.code} data-kind={e.kind}>
                <td>
                  <span className="badge">{e.kind}</span>
                </td>
                <td className="strong">{e.name}</td>
                <td className="mono">{e.code}</td>
                <td>
                  <QuantityCell
                    key={e.quantity}
                    entitlement={e}
                    mayWrite={props.mayWrite}
                    onSave={(quantity) => void run(() => api.updateEntitlement(scope, e.id, { quantity }))}
                  />
                </td>
                <td className="nowrap">
                  {formatDateTime(e.startsAt)} → {e.endsAt ? formatDateTime(e.endsAt) : 'open-ended'}
                </td>
                <td>{e.status}</td>
                <td className="actions-col">
                  {props.mayWrite && (
                    <ConfirmButton
                      label="Remove"
                      confirmLabel="Confirm remove"
                      onConfirm={() => void run(() => api.deleteEntitlement(scope, e.id))}
                      testId="delete-entitlement"
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {!list.loading && rows.length === 0 && <EmptyState>No entitlements.</EmptyState>}
      </section>
    </div>
  );
}
