// The live leases of one floating license (in use, borrowed, lingering) with a force-remove that asks
// for a second click; removing checks the lease in with reason ADMIN_REMOVED and frees its seats.
import { useState } from 'react';
import type { FloatingLease } from '../../api/floating-endpoints.ts';
import { ConfirmButton, EmptyState, ErrorBanner } from '../../ui/feedback.tsx';
import { formatDateTime, shortId } from '../../ui/format.ts';
import { useResource } from '../../ui/use-resource.ts';
import { useSignedIn } from '../auth/session.tsx';
import { LIVE_REFRESH_MS } from './floating-pools.tsx';

function stateOf(lease: FloatingLease): { label: string; className: string } {
  if (lease.lingerUntil) return { label: 'Lingering', className: 'badge badge-warning' };
  if (lease.borrowedUntil) return { label: 'Borrowed', className: 'badge badge-info' };
  return { label: 'In use', className: 'badge' };
}

export function FloatingLeases(props: {
  accountId: string;
  licenseId: string;
  version: number;
  onRemoved: () => void;
}) {
  const { api, can } = useSignedIn();
  const { accountId, licenseId } = props;
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const leases = useResource(
    () => api.listFloatingLeases(accountId, licenseId),
    `floating-leases:${accountId}:${licenseId}:${props.version}`,
    { refreshMs: LIVE_REFRESH_MS },
  );
  const rows = leases.data?.data ?? [];
  // floating:write: vendor admins and developers, and the customer's org-admins (the server decides).
  const mayRemove = can('floating:write');

  async function remove(lease: FloatingLease) {
    setBusy(true);
    setError(null);
    try {
      await api.removeFloatingLease(accountId, licenseId, lease.id);
      props.onRemoved();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card card-flush" data-testid="floating-leases">
      <div className="card-head">
        <h2 className="card-title">Leases</h2>
        <span className="faint">{rows.length === 1 ? '1 lease' : `${rows.length} leases`}</span>
      </div>
      <ErrorBanner error={error} />
      <ErrorBanner error={leases.error} />
      <table className="table" data-testid="floating-leases-table">
        <thead>
          <tr>
            <th>User</th>
            <th>Host</th>
            <th>Feature</th>
            <th>Seats</th>
            <th>State</th>
            <th>Since</th>
            <th>Until</th>
            {mayRemove && <th className="actions-col">Actions</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((lease) => {
            const state = stateOf(lease);
            return (
              <tr key={lease.id} data-testid="floating-lease-row" data-lease-id={lease.id}>
                <td className="strong">
                  {lease.user}
                  <div className="mono faint" title={lease.id}>
                    {shortId(lease.id)}
                  </div>
                </td>
                <td>{lease.host}</td>
                <td className="mono">{lease.feature}</td>
                <td>{lease.count}</td>
                <td>
                  <span className={state.className}>{state.label}</span>
                </td>
                <td className="nowrap">{formatDateTime(lease.startedAt)}</td>
                <td className="nowrap">
                  {formatDateTime(lease.lingerUntil ?? lease.borrowedUntil ?? lease.expiresAt)}
                </td>
                {mayRemove && (
                  <td className="actions-col">
                    <ConfirmButton
                      label="Remove"
                      confirmLabel="Confirm remove"
                      disabled={busy}
                      onConfirm={() => void remove(lease)}
                      testId="remove-lease"
                    />
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      {!leases.loading && rows.length === 0 && <EmptyState>No seats are checked out.</EmptyState>}
    </section>
  );
}
