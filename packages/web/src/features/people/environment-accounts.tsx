// A person's accounts in the organization's environments, with the permission groups held in each;
// administrators add an account in another environment or remove one.
import { useState } from 'react';
import type { Environment, PersonDetail } from '../../api/organization-types.ts';
import { ConfirmButton, EmptyState } from '../../ui/feedback.tsx';

export function EnvironmentAccounts(props: {
  person: PersonDetail;
  environments: Environment[];
  mayWrite: boolean;
  onAdd: (environmentId: string) => void;
  onRemove: (environmentId: string) => void;
}) {
  const held = new Set(props.person.environments.map((e) => e.environmentId));
  const missing = props.environments.filter((e) => !held.has(e.id));
  const [chosen, setChosen] = useState('');
  const target = chosen && !held.has(chosen) ? chosen : (missing[0]?.id ?? '');
  return (
    <section className="card card-flush" data-testid="environment-accounts">
      <div className="card-head">
        <h2 className="card-title">Environment accounts</h2>
      </div>
      {props.person.environments.length === 0 ? (
        <EmptyState>No account in any environment.</EmptyState>
      ) : (
        <table className="table table-compact">
          <thead>
            <tr>
              <th>Environment</th>
              <th>Groups</th>
              <th className="actions-col" />
            </tr>
          </thead>
          <tbody>
            {props.person.environments.map((e) => (
              <tr key={e.environmentId} data-testid="environment-account" data-environment={e.name}>
                <td>
                  <span className="strong">{e.name}</span>{' '}
                  <span className="faint">{e.kind.toLowerCase()}</span>
                </td>
                <td>
                  {e.groups.length === 0 ? (
                    <span className="faint">No group</span>
                  ) : (
                    e.groups.map((g) => `${g.name} (${g.userLicenseType})`).join(', ')
                  )}
                </td>
                <td className="actions-col">
                  {props.mayWrite && (
                    <ConfirmButton
                      label="Remove"
                      confirmLabel="Confirm remove"
                      onConfirm={() => props.onRemove(e.environmentId)}
                      testId="remove-environment-account"
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.mayWrite && missing.length > 0 && (
        <div className="inline-form" style={{ padding: 16 }}>
          <label className="field field-grow">
            <span>Add an account in</span>
            <select
              value={target}
              onChange={(e) => setChosen(e.target.value)}
              data-testid="account-environment"
            >
              {missing.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button button-primary"
            disabled={!target}
            onClick={() => props.onAdd(target)}
            data-testid="add-environment-account"
          >
            Add account
          </button>
        </div>
      )}
    </section>
  );
}
