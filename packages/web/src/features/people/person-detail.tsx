// One person of the organization: details with edit, disable/enable and delete, their accounts in
// environments (with the permission groups held there), the user-license type they consume, and
// their organization privileges (granted on the Privileges page by supervisors).
import { useState } from 'react';
import type { OrgScope } from '../../api/organization-endpoints.ts';
import type { Environment } from '../../api/organization-types.ts';
import { ConfirmButton, PageHeader } from '../../ui/feedback.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { useResource } from '../../ui/use-resource.ts';
import { useSignedIn } from '../auth/session.tsx';
import { useOrgAbilities } from '../portal/org-scope.tsx';
import { ProblemBanner } from '../portal/problem-banner.tsx';
import { EnvironmentAccounts } from './environment-accounts.tsx';
import { PersonForm } from './person-form.tsx';

export function PersonDetailView(props: { scope: OrgScope; personId: string; environments: Environment[] }) {
  const { api } = useSignedIn();
  const { scope, personId } = props;
  const abilities = useOrgAbilities(scope);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const person = useResource(() => api.getPerson(scope, personId), `person:${personId}`);
  const privileges = useResource(
    () => api.getPersonPrivileges(scope, personId),
    `person-privileges:${personId}`,
  );
  const p = person.data;
  const mayWrite = abilities.has('LICENSING');

  async function run(action: () => Promise<unknown>, after = person.reload) {
    setError(null);
    try {
      await action();
      after();
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <>
      <a className="back-link" href="#/people">
        ← All people
      </a>
      <PageHeader
        title={p?.name ?? 'Person'}
        description={p ? `${p.username} · ${p.email}` : 'Loading…'}
        actions={
          p &&
          mayWrite && (
            <>
              <button
                type="button"
                className="button button-ghost"
                onClick={() => setEditing(true)}
                data-testid="edit-person"
              >
                Edit
              </button>
              <button
                type="button"
                className="button button-ghost"
                data-testid="toggle-person-status"
                onClick={() =>
                  void run(() =>
                    api.updatePerson(scope, p.id, { status: p.status === 'ACTIVE' ? 'DISABLED' : 'ACTIVE' }),
                  )
                }
              >
                {p.status === 'ACTIVE' ? 'Disable' : 'Enable'}
              </button>
              <ConfirmButton
                label="Delete"
                confirmLabel="Confirm delete"
                testId="delete-person"
                onConfirm={() =>
                  void run(
                    () => api.deletePerson(scope, p.id),
                    () => (window.location.hash = '#/people'),
                  )
                }
              />
            </>
          )
        }
      />
      <ProblemBanner error={error ?? person.error} />
      {editing && p && (
        <PersonForm
          scope={scope}
          person={p}
          environments={props.environments}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            person.reload();
          }}
        />
      )}
      {p && (
        <div className="detail-grid">
          <section className="card" data-testid="person-summary">
            <h2 className="card-title">Details</h2>
            <dl className="kv">
              <div className="kv-row">
                <dt>Status</dt>
                <dd data-testid="person-status">{p.status}</dd>
              </div>
              <div className="kv-row">
                <dt>User license</dt>
                <dd data-testid="person-license-type">{p.userLicenseType ?? 'None (no typed group)'}</dd>
              </div>
              <div className="kv-row">
                <dt>Privileges</dt>
                <dd data-testid="person-privileges">
                  {privileges.data?.privileges.length
                    ? privileges.data.privileges.map((x) => (
                        <span key={x} className="badge badge-account" style={{ marginRight: 6 }}>
                          {x}
                        </span>
                      ))
                    : privileges.error
                      ? '—'
                      : 'None'}
                </dd>
              </div>
              <div className="kv-row">
                <dt>Updated</dt>
                <dd>{formatDateTime(p.updatedAt)}</dd>
              </div>
            </dl>
          </section>
          <EnvironmentAccounts
            person={p}
            environments={props.environments}
            mayWrite={mayWrite}
            onAdd={(environmentId) => void run(() => api.addEnvironmentAccount(scope, p.id, environmentId))}
            onRemove={(environmentId) =>
              void run(() => api.removeEnvironmentAccount(scope, p.id, environmentId))
            }
          />
        </div>
      )}
    </>
  );
}
