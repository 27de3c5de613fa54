// The machines activated on a license, with a force-deactivate for those who may manage machines
// (the vendor, or the customer's own org-admin); deactivated machines on request.
import { useState } from 'react';
import type { License, Machine } from '../../api/api-types.ts';
import { ConfirmButton } from '../../ui/feedback.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { useAction } from '../../ui/use-action.ts';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { useSignedIn } from '../auth/session.tsx';
import { LicenseListSection } from './license-list-section.tsx';

export function LicenseMachines(props: { license: License }) {
  const { api, can } = useSignedIn();
  const { license } = props;
  const [withDeactivated, setWithDeactivated] = useState(false);
  const removal = useAction();
  const list = usePagedList(
    (cursor) =>
      api.listMachines(license.accountId, license.id, {
        limit: 100,
        cursor,
        includeDeactivated: withDeactivated ? 'true' : undefined,
      }),
    `machines:${license.id}:${withDeactivated}:${license.updatedAt}`,
  );

  const remove = (machine: Machine) =>
    removal.run(async () => {
      await api.removeMachine(license.accountId, license.id, machine.id);
      list.reload();
    });

  return (
    <LicenseListSection
      title="Machines"
      testId="license-machines"
      tools={
        <label className="check">
          <input
            type="checkbox"
            checked={withDeactivated}
            onChange={(e) => setWithDeactivated(e.target.checked)}
            data-testid="show-deactivated"
          />
          Show deactivated
        </label>
      }
      list={list}
      actionError={removal.error}
      empty="No machines activated."
    >
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
                      disabled={removal.busy}
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
    </LicenseListSection>
  );
}
