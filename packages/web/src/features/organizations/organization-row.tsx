// One organization in the table, with inline rename and a two-click delete.
import { type FormEvent, useState } from 'react';
import type { Organization } from '../../api/api-types.ts';
import { ConfirmButton } from '../../ui/feedback.tsx';
import { formatDateTime, shortId } from '../../ui/format.ts';
import { useSignedIn } from '../auth/session.tsx';

export function OrganizationRow(props: {
  organization: Organization;
  canWrite: boolean;
  onChanged: () => void;
  onError: (error: unknown) => void;
}) {
  const { api } = useSignedIn();
  const org = props.organization;
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(org.name);
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    props.onError(null);
    try {
      await action();
      setEditing(false);
      props.onChanged();
    } catch (error) {
      props.onError(error);
    } finally {
      setBusy(false);
    }
  }

  function rename(event: FormEvent) {
    event.preventDefault();
    if (name.trim() === org.name) return setEditing(false);
    void run(() => api.renameOrganization(org.accountId, org.id, name.trim()));
  }

  return (
    <tr data-testid="organization-row">
      <td>
        {editing ? (
          <form className="inline-edit" onSubmit={rename}>
            <input
              value={name}
              maxLength={200}
              onChange={(e) => setName(e.target.value)}
              aria-label="Organization name"
              data-testid="rename-input"
            />
            <button
              type="submit"
              className="button button-primary button-small"
              disabled={busy || !name.trim()}
            >
              Save
            </button>
            <button
              type="button"
              className="button button-ghost button-small"
              onClick={() => {
                setName(org.name);
                setEditing(false);
              }}
            >
              Cancel
            </button>
          </form>
        ) : (
          <a
            className="strong"
            href={`#/organizations/${encodeURIComponent(org.accountId)}/${encodeURIComponent(org.id)}`}
            data-testid="open-organization"
          >
            {org.name}
          </a>
        )}
      </td>
      <td className="mono" title={org.id}>
        {shortId(org.id)}
      </td>
      <td>{formatDateTime(org.createdAt)}</td>
      <td className="actions-col">
        {props.canWrite && !editing && (
          <div className="row-actions">
            <button
              type="button"
              className="button button-ghost button-small"
              onClick={() => setEditing(true)}
              data-testid="rename-organization"
            >
              Rename
            </button>
            <ConfirmButton
              label="Delete"
              confirmLabel="Confirm delete"
              disabled={busy}
              onConfirm={() => void run(() => api.deleteOrganization(org.accountId, org.id))}
              testId="delete-organization"
            />
          </div>
        )}
      </td>
    </tr>
  );
}
