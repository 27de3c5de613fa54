// Environments of the customer organization: production environments, test and training copies
// attached to one (they borrow its licenses), and storage instances; which products each is
// licensed for; create, rename and delete with the LICENSING privilege.
import { useState } from 'react';
import type { OrgScope } from '../../api/organization-endpoints.ts';
import { ConfirmButton, EmptyState, PageHeader } from '../../ui/feedback.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { useResource } from '../../ui/use-resource.ts';
import { useSignedIn } from '../auth/session.tsx';
import { PortalScoped, useOrgAbilities } from '../portal/org-scope.tsx';
import { ProblemBanner } from '../portal/problem-banner.tsx';
import { CreateEnvironmentForm } from './create-environment-form.tsx';

const KIND_BADGE: Record<string, string> = {
  PRODUCTION: 'badge badge-account',
  TEST: 'badge badge-info',
  TRAINING: 'badge badge-organization',
  STORAGE: 'badge',
};

/** `embedded`: inside another page (the vendor's customer detail), without a page title. */
export function Environments(props: { scope: OrgScope; embedded?: boolean }) {
  const { api } = useSignedIn();
  const { scope } = props;
  const abilities = useOrgAbilities(scope);
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const list = useResource(
    () => api.listEnvironments(scope, { limit: 200 }),
    `environments:${scope.organizationId}`,
  );
  const environments = list.data?.data ?? [];
  const nameOf = (id: string | null) => environments.find((e) => e.id === id)?.name ?? '—';
  const mayWrite = abilities.has('LICENSING');

  async function remove(id: string) {
    setError(null);
    try {
      await api.deleteEnvironment(scope, id);
      list.reload();
    } catch (caught) {
      setError(caught);
    }
  }

  const newButton = (
    <button
      type="button"
      className="button button-primary"
      onClick={() => setCreating(true)}
      data-testid="new-environment"
    >
      New environment
    </button>
  );
  return (
    <>
      {props.embedded ? (
        mayWrite && <div>{newButton}</div>
      ) : (
        <PageHeader
          title="Environments"
          description="Production environments hold the product licenses; test and training copies borrow them; storage instances keep historical data."
          actions={mayWrite && newButton}
        />
      )}
      {creating && (
        <CreateEnvironmentForm
          scope={scope}
          productions={environments.filter((e) => e.kind === 'PRODUCTION')}
          onCancel={() => setCreating(false)}
          onCreated={() => {
            setCreating(false);
            list.reload();
          }}
        />
      )}
      <ProblemBanner error={error ?? list.error} />
      <section className="card card-flush">
        <table className="table" data-testid="environments-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Kind</th>
              <th>Attached to</th>
              <th>Licensed for</th>
              <th>Created</th>
              <th className="actions-col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {environments.map((env) => (
              <tr key={env.id} data-testid="environment-row" data-environment={env.name}>
                <td className="strong">{env.name}</td>
                <td>
                  <span className={KIND_BADGE[env.kind]}>{env.kind}</span>
                </td>
                <td>{env.productionEnvironmentId ? nameOf(env.productionEnvironmentId) : '—'}</td>
                <td>
                  {env.products.length === 0 ? (
                    <span className="faint">No products</span>
                  ) : (
                    env.products.map((p) => p.productName).join(', ')
                  )}
                </td>
                <td>{formatDateTime(env.createdAt)}</td>
                <td className="actions-col">
                  {mayWrite && (
                    <ConfirmButton
                      label="Delete"
                      confirmLabel="Confirm delete"
                      onConfirm={() => void remove(env.id)}
                      testId="delete-environment"
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {!list.loading && environments.length === 0 && <EmptyState>No environments yet.</EmptyState>}
      </section>
    </>
  );
}

export function EnvironmentsPage() {
  return <PortalScoped>{(scope) => <Environments scope={scope} />}</PortalScoped>;
}
