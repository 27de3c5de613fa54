// The members of one permission group, with add (which also gives the person an account in the
// group's environment) and remove for administrators.
import { useState } from 'react';
import type { OrgScope } from '../../api/organization-endpoints.ts';
import type { PermissionGroup } from '../../api/organization-types.ts';
import { ConfirmButton, ListEnd } from '../../ui/feedback.tsx';
import { useAction } from '../../ui/use-action.ts';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { useSignedIn } from '../auth/session.tsx';
import { ProblemBanner } from '../portal/problem-banner.tsx';
import { PersonActionBar } from './person-picker.tsx';

export function GroupMembers(props: {
  scope: OrgScope;
  group: PermissionGroup;
  mayWrite: boolean;
  onChanged: () => void;
}) {
  const { api } = useSignedIn();
  const { scope, group } = props;
  const [personId, setPersonId] = useState('');
  const change = useAction();
  const members = usePagedList(
    (cursor) => api.listGroupMembers(scope, group.id, { limit: 100, cursor }),
    `members:${group.id}`,
  );

  const run = (action: () => Promise<unknown>) =>
    change.run(async () => {
      await action();
      members.reload();
      props.onChanged();
    });

  return (
    <section className="card card-flush" data-testid="group-members" data-group={group.name}>
      <div className="card-head">
        <h2 className="card-title">
          Members of {group.name} <span className="badge badge-inline">{group.userLicenseType}</span>
        </h2>
      </div>
      <ProblemBanner error={change.error ?? members.error} />
      <table className="table table-compact">
        <tbody>
          {members.items.map((m) => (
            <tr key={m.id} data-testid="member-row" data-username={m.username}>
              <td className="strong">{m.name}</td>
              <td className="mono">{m.username}</td>
              <td className="actions-col">
                {props.mayWrite && (
                  <ConfirmButton
                    label="Remove"
                    confirmLabel="Confirm remove"
                    onConfirm={() => void run(() => api.removeGroupMember(scope, group.id, m.id))}
                    testId="remove-member"
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ListEnd list={members} empty="No members." />
      {props.mayWrite && (
        <PersonActionBar
          scope={scope}
          value={personId}
          onChange={setPersonId}
          label="Add member"
          pickerTestId="member-person"
          exclude={new Set(members.items.map((m) => m.id))}
          action="Add member"
          actionTestId="add-member"
          onAction={() => void run(() => api.addGroupMember(scope, group.id, personId))}
        />
      )}
    </section>
  );
}
