// Permission groups of the organization's environments, each mapped to a user-license type (USER,
// LIGHT, or MEMBER which is free); create and delete groups, and open one to manage its members.
import { type FormEvent, useState } from 'react';
import type { OrgScope } from '../../api/organization-endpoints.ts';
import type { UserLicenseType } from '../../api/organization-types.ts';
import { ConfirmButton, EmptyState, PageHeader } from '../../ui/feedback.tsx';
import { Picker, SelectField } from '../../ui/select-field.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useAction } from '../../ui/use-action.ts';
import { useResource } from '../../ui/use-resource.ts';
import { useSignedIn } from '../auth/session.tsx';
import { PortalScoped, useOrgAbilities } from '../portal/org-scope.tsx';
import { ProblemBanner } from '../portal/problem-banner.tsx';
import { GroupMembers } from './group-members.tsx';

const USER_LICENSE_TYPES: { id: UserLicenseType; name: string }[] = [
  { id: 'USER', name: 'USER' },
  { id: 'LIGHT', name: 'LIGHT' },
  { id: 'MEMBER', name: 'MEMBER (free)' },
];

function PermissionGroups(props: { scope: OrgScope }) {
  const { api } = useSignedIn();
  const { scope } = props;
  const mayWrite = useOrgAbilities(scope).has('LICENSING');
  const [environmentId, setEnvironmentId] = useState('');
  const [name, setName] = useState('');
  const [type, setType] = useState<UserLicenseType>('USER');
  const [open, setOpen] = useState('');
  const change = useAction();
  const environments = useResource(
    () => api.listEnvironments(scope, { limit: 200 }),
    `group-envs:${scope.organizationId}`,
  );
  const groups = useResource(
    () => api.listPermissionGroups(scope, { limit: 200, environmentId }),
    `groups:${scope.organizationId}:${environmentId}`,
  );
  const envs = environments.data?.data ?? [];
  const envName = (id: string) => envs.find((e) => e.id === id)?.name ?? id;
  const target = environmentId || envs[0]?.id || '';
  const opened = groups.data?.data.find((g) => g.id === open);

  const run = (action: () => Promise<unknown>) =>
    change.run(async () => {
      await action();
      groups.reload();
    });

  function create(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      await api.createPermissionGroup(scope, {
        environmentId: target,
        name: name.trim(),
        userLicenseType: type,
      });
      setName('');
    });
  }

  return (
    <>
      <PageHeader
        title="Permission groups"
        description="Groups give people their rights in an environment; each maps to the user-license type its members consume."
        actions={
          <Picker
            label="Environment"
            value={environmentId}
            onChange={setEnvironmentId}
            options={envs}
            placeholder="All environments"
            testId="groups-environment"
          />
        }
      />
      {mayWrite && (
        <form className="card inline-form" onSubmit={create} data-testid="create-group-form">
          <TextField
            label={<>New group in {target ? envName(target) : '…'}</>}
            value={name}
            onChange={setName}
            maxLength={100}
            placeholder="e.g. Editors"
            testId="group-name"
            className="field-grow"
          />
          <SelectField
            label="User license"
            value={type}
            onChange={setType}
            options={USER_LICENSE_TYPES}
            testId="group-type"
          />
          <button
            type="submit"
            className="button button-primary"
            disabled={!name.trim() || !target}
            data-testid="create-group"
          >
            Create group
          </button>
        </form>
      )}
      <ProblemBanner error={change.error ?? groups.error} />
      <section className="card card-flush">
        <table className="table" data-testid="groups-table">
          <thead>
            <tr>
              <th>Group</th>
              <th>Environment</th>
              <th>User license</th>
              <th>Members</th>
              <th className="actions-col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {groups.data?.data.map((g) => (
              <tr key={g.id} data-testid="group-row" data-group={g.name}>
                <td className="strong">{g.name}</td>
                <td>{envName(g.environmentId)}</td>
                <td>
                  <span className="badge">{g.userLicenseType}</span>
                </td>
                <td data-testid="group-member-count">{g.memberCount}</td>
                <td className="actions-col">
                  <div className="row-actions">
                    <button
                      type="button"
                      className="button button-ghost button-small"
                      onClick={() => setOpen(g.id)}
                      data-testid="open-group"
                    >
                      Members
                    </button>
                    {mayWrite && (
                      <ConfirmButton
                        label="Delete"
                        confirmLabel="Confirm delete"
                        onConfirm={() => void run(() => api.deletePermissionGroup(scope, g.id))}
                        testId="delete-group"
                      />
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {groups.data?.data.length === 0 && <EmptyState>No permission groups.</EmptyState>}
      </section>
      {opened && (
        <GroupMembers
          key={opened.id}
          scope={scope}
          group={opened}
          mayWrite={mayWrite}
          onChanged={groups.reload}
        />
      )}
    </>
  );
}

export function PermissionGroupsPage() {
  return <PortalScoped>{(scope) => <PermissionGroups scope={scope} />}</PortalScoped>;
}
