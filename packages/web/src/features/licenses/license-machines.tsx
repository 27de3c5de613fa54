// The machines activated on a license, with a force-deactivate for those who may manage machines
// (the vendor, or the customer's own org-admin); deactivated machines on request.
import { useState } from 'react';
import type { License, Machine } from '../../api/api-types.ts';
import { ConfirmButton, EmptyState, ErrorBanner, LoadMore } from '../../ui/feedback.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { useSignedIn } from '../auth/session.tsx';

export function LicenseMachines(props: { license: License }) {
  const { api, can } = useSignedIn();
  const { license } = props;
  const [withDeactivated, setWithDeactivated] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const list = usePagedList(
    (cursor) =>
      api.listMachines(license.accountId, license.id, {
        limit: 100,
        cursor,
        includeDeactivated: withDeactivated ? 'true' : undefined,
      }),
    `machines:${license.id}:${withDeactivated}:${license.updatedAt}`,
  );

  async function remove(machine: Machine) {
    setBusy(true);
    setError(null);
    try {
      await api.removeMachine(license.accountId, license.id, machine.id);
      list.reload();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card card-flush section-gap" data-testid="license-machines">
      <div className="card-head">
        <h2 className="card-title">Machines</h2>
        <label className="check">
          <input
            type="checkbox"
            checked={withDeactivated}
            onChange={(e) => setWithDeactivated(e.target.checked)}
            data-testid="show-deactivated"
          />
          Show deactivated
        </label>
      </div>
      <ErrorBanner error={error} />
      <ErrorBanner error={list.error} />
      <table className="table" data-testid="machines-table">
        <thead>
          <tr>
            <th>Host</th>
            <th>Fingerprint</th>
            <th>Platform</th>
            <th>Activated</th>
            <th>Last seen</th>
            <th className="actions-col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {list.items.map((machine) => (
            <tr key={machine.id} data-testid="machine-row" data-machine-id={machine.id}>
              <td className="strong">{machine.hostname ?? '—'}</td>
              <td className="mono" title={machine.fingerprint}>
                {machine.fingerprint.length > 16
                  ? `${machine.fingerprint.slice(0, 16)}…`
                  : machine.fingerprint}
              </td>
              <td>{machine.platform ?? '—'}</td>
              <td>{formatDateTime(machine.activatedAt)}</td>
              <td>{formatDateTime(machine.lastSeenAt)}</td>
              <td className="actions-col">
                {machine.deactivatedAt ? (
                  <span className="faint">Deactivated {formatDateTime(machine.deactivatedAt)}</span>
                ) : (
                  can('machine:write') && (
                    <ConfirmButton
                      label="Deactivate"
                      confirmLabel="Confirm deactivate"
                      disabled={busy}
                      onConfirm={() => void remove(machine)}
                      testId="deactivate-machine"
                    />
                  )
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!list.loading && list.items.length === 0 && <EmptyState>No machines activated.</EmptyState>}
      <LoadMore hasMore={list.hasMore} loading={list.loading} onClick={list.loadMore} />
    </section>
  );
}
