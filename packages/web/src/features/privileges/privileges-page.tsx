// Organization privileges: who holds SUPERVISOR, LICENSING and REPORTING. Supervisors grant and
// remove them (the last supervisor cannot be removed); everyone sees the warning while fewer than
// two active supervisors exist.
import { useState } from 'react';
import { ORG_PRIVILEGES, type OrgPrivilege } from '../../api/change-request-endpoints.ts';
import type { OrgScope } from '../../api/organization-endpoints.ts';
import { ListEnd, PageHeader } from '../../ui/feedback.tsx';
import { codeOptions, SelectField } from '../../ui/select-field.tsx';
import { useAction } from '../../ui/use-action.ts';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { useSignedIn } from '../auth/session.tsx';
import { PersonPicker } from '../people/person-picker.tsx';
import { PortalScoped, useOrgAbilities } from '../portal/org-scope.tsx';
import { ProblemBanner } from '../portal/problem-banner.tsx';

const DESCRIPTIONS: Record<OrgPrivilege, string> = {
  SUPERVISOR: "Grants and removes the privileges of the organization's people",
  LICENSING:
    'Installs and moves licenses, administers people, environments, groups and seats, files change requests',
  REPORTING: 'Reads reports (overview, usage, consumption) and downloads license packs',
};

export function Privileges(props: { scope: OrgScope }) {
  const { api } = useSignedIn();
  const { scope } = props;
  const maySupervise = useOrgAbilities(scope).has('SUPERVISOR');
  const update = useAction();
  const [personId, setPersonId] = useState('');
  const [privilege, setPrivilege] = useState<OrgPrivilege>('LICENSING');
  const [warning, setWarning] = useState<string | null>(null);
  const holders = usePagedList(async (cursor) => {
    const page = await api.listPrivilegeHolders(scope, { limit: 100, cursor });
    setWarning(page.warning);
    return page;
  }, `privileges:${scope.organizationId}`);

  const change = (action: () => Promise<{ warning: string | null }>) =>
    update.run(async () => {
      setWarning((await action()).warning);
      holders.reload();
    });

  return (
    <>
      <PageHeader
        title="Privileges"
        description="Who may do what in your organization. A person may hold several privileges."
      />
      {warning && (
        <div className="notice" role="status" data-testid="supervisor-warning">
          <strong>Fewer than two supervisors.</strong> {warning}
        </div>
      )}
      <ProblemBanner error={update.error ?? holders.error} testId="privilege-error" />
      <section className="card card-flush">
        <table className="table" data-testid="privileges-table">
          <thead>
            <tr>
              <th>Person</th>
              {ORG_PRIVILEGES.map((p) => (
                <th key={p} title={DESCRIPTIONS[p]}>
                  {p}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {holders.items.map((h) => (
              <tr key={h.personId} data-testid="privilege-row" data-email={h.email}>
                <td>
                  <span className="strong">{h.name}</span> <span className="faint">{h.email}</span>
                  {h.status === 'DISABLED' && <span className="badge badge-inline">disabled</span>}
                </td>
                {ORG_PRIVILEGES.map((p) => {
                  const held = h.privileges.includes(p);
                  return (
                    <td key={p}>
                      <label className="check">
                        <input
                          type="checkbox"
                          checked={held}
                          disabled={!maySupervise}
                          aria-label={`${p} for ${h.name}`}
                          data-testid={`privilege-${p}`}
                          onChange={() =>
                            void change(() =>
                              held
                                ? api.removePrivilege(scope, h.personId, p)
                                : api.grantPrivilege(scope, h.personId, p),
                            )
                          }
                        />
                      </label>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        <ListEnd list={holders} empty="Nobody holds a privilege yet." />
      </section>
      {maySupervise && (
        <section className="card inline-form" data-testid="grant-privilege-form">
          <div className="field-grow">
            <PersonPicker
              scope={scope}
              value={personId}
              onChange={setPersonId}
              label="Grant to"
              testId="privilege-person"
            />
          </div>
          <SelectField
            label="Privilege"
            value={privilege}
            onChange={setPrivilege}
            options={codeOptions(ORG_PRIVILEGES)}
            testId="privilege-kind"
          />
          <button
            type="button"
            className="button button-primary"
            disabled={!personId}
            onClick={() => void change(() => api.grantPrivilege(scope, personId, privilege))}
            data-testid="grant-privilege"
          >
            Grant
          </button>
        </section>
      )}
    </>
  );
}

export function PrivilegesPage() {
  return <PortalScoped>{(scope) => <Privileges scope={scope} />}</PortalScoped>;
}
