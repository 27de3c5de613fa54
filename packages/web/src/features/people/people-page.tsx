// People of the customer organization: search by name, username or email, filter by status and
// environment, create a person, and open one (`#/people/<personId>`) to edit, disable, manage
// environment accounts and see their privileges.
import { useState } from 'react';
import type { OrgScope } from '../../api/organization-endpoints.ts';
import { ListEnd, PageHeader } from '../../ui/feedback.tsx';
import { SelectField } from '../../ui/select-field.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { useResource } from '../../ui/use-resource.ts';
import { useSignedIn } from '../auth/session.tsx';
import { PortalScoped, useOrgAbilities } from '../portal/org-scope.tsx';
import { ProblemBanner } from '../portal/problem-banner.tsx';
import { useHashPath } from '../shell/app-shell.tsx';
import { PersonDetailView } from './person-detail.tsx';
import { PersonForm } from './person-form.tsx';

const STATUSES = [
  { id: 'ACTIVE', name: 'Active' },
  { id: 'DISABLED', name: 'Disabled' },
];

function People(props: { scope: OrgScope }) {
  const { api } = useSignedIn();
  const { scope } = props;
  const [personId] = useHashPath();
  const abilities = useOrgAbilities(scope);
  const [q, setQ] = useState('');
  const [status, setStatus] = useState('');
  const [environmentId, setEnvironmentId] = useState('');
  const [creating, setCreating] = useState(false);
  const environments = useResource(
    () => api.listEnvironments(scope, { limit: 200 }),
    `people-envs:${scope.organizationId}`,
  );
  const list = usePagedList(
    (cursor) => api.listPeople(scope, { limit: 50, cursor, q: q.trim(), status, environmentId }),
    `people:${scope.organizationId}:${q.trim()}:${status}:${environmentId}`,
  );
  const envs = environments.data?.data ?? [];

  if (personId) return <PersonDetailView scope={scope} personId={personId} environments={envs} />;
  return (
    <>
      <PageHeader
        title="People"
        description="Everyone with an account in one of your environments. Their permission groups decide which user license they consume."
        actions={
          abilities.has('LICENSING') && (
            <button
              type="button"
              className="button button-primary"
              onClick={() => setCreating(true)}
              data-testid="new-person"
            >
              New person
            </button>
          )
        }
      />
      {creating && (
        <PersonForm
          scope={scope}
          environments={envs}
          onCancel={() => setCreating(false)}
          onSaved={(id) => {
            setCreating(false);
            window.location.hash = `#/people/${encodeURIComponent(id)}`;
          }}
        />
      )}
      <div className="filters">
        <TextField
          label="Search"
          value={q}
          onChange={setQ}
          placeholder="Name, username or email"
          testId="people-search"
          className="field-grow"
        />
        <SelectField
          label="Status"
          value={status}
          onChange={setStatus}
          options={STATUSES}
          placeholder="Any"
          testId="people-status"
        />
        <SelectField
          label="Environment"
          value={environmentId}
          onChange={setEnvironmentId}
          options={envs}
          placeholder="Any"
          testId="people-environment"
        />
      </div>
      <ProblemBanner error={list.error} />
      <section className="card card-flush">
        <table className="table" data-testid="people-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Username</th>
              <th>Email</th>
              <th>Status</th>
              <th className="actions-col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((p) => (
              <tr key={p.id} data-testid="person-row" data-username={p.username}>
                <td className="strong">{p.name}</td>
                <td className="mono">{p.username}</td>
                <td>{p.email}</td>
                <td>
                  <span className={p.status === 'ACTIVE' ? 'status status-active' : 'status status-expired'}>
                    {p.status.toLowerCase()}
                  </span>
                </td>
                <td className="actions-col">
                  <a
                    className="button button-ghost button-small"
                    href={`#/people/${encodeURIComponent(p.id)}`}
                    data-testid="open-person"
                  >
                    Open
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <ListEnd list={list} empty="No people match." />
      </section>
    </>
  );
}

export function PeoplePage() {
  return <PortalScoped>{(scope) => <People scope={scope} />}</PortalScoped>;
}
