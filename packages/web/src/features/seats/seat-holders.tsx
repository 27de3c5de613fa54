// The seats of one named-user license: who holds them, assign a seat to a person, unassign one, and
// transfer a seat from its holder to someone else in one step (works on a full license).
import { useState } from 'react';
import type { OrgScope } from '../../api/organization-endpoints.ts';
import { ConfirmButton, ListEnd } from '../../ui/feedback.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { useAction } from '../../ui/use-action.ts';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { useSignedIn } from '../auth/session.tsx';
import { PersonActionBar } from '../people/person-picker.tsx';
import { ProblemBanner } from '../portal/problem-banner.tsx';

export function SeatHolders(props: {
  scope: OrgScope;
  licenseId: string;
  mayWrite: boolean;
  onChanged: () => void;
}) {
  const { api } = useSignedIn();
  const { scope, licenseId } = props;
  const [personId, setPersonId] = useState('');
  const [moving, setMoving] = useState<string | null>(null);
  const [toPersonId, setToPersonId] = useState('');
  const change = useAction();
  const seats = usePagedList(
    (cursor) => api.listSeats(scope, licenseId, { limit: 100, cursor }),
    `seats:${licenseId}`,
  );
  const holders = new Set(seats.items.map((s) => s.personId));

  const run = (action: () => Promise<unknown>) =>
    change.run(async () => {
      await action();
      setMoving(null);
      seats.reload();
      props.onChanged();
    });

  return (
    <section className="card card-flush" data-testid="seat-holders">
      <div className="card-head">
        <h2 className="card-title">Seat holders</h2>
      </div>
      <ProblemBanner error={change.error ?? seats.error} testId="seat-error" />
      <table className="table table-compact">
        <thead>
          <tr>
            <th>Person</th>
            <th>Email</th>
            <th>Assigned</th>
            <th className="actions-col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {seats.items.map((s) => (
            <tr key={s.personId} data-testid="seat-row" data-username={s.username}>
              <td>
                <span className="strong">{s.name}</span> <span className="mono faint">{s.username}</span>
              </td>
              <td>{s.email}</td>
              <td>{formatDateTime(s.assignedAt)}</td>
              <td className="actions-col">
                {props.mayWrite && (
                  <div className="row-actions">
                    <button
                      type="button"
                      className="button button-ghost button-small"
                      onClick={() => setMoving(s.personId)}
                      data-testid="transfer-seat"
                    >
                      Transfer
                    </button>
                    <ConfirmButton
                      label="Unassign"
                      confirmLabel="Confirm unassign"
                      onConfirm={() => void run(() => api.unassignSeat(scope, licenseId, s.personId))}
                      testId="unassign-seat"
                    />
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ListEnd list={seats} empty="No seat is assigned." />
      {props.mayWrite && moving && (
        <PersonActionBar
          scope={scope}
          value={toPersonId}
          onChange={setToPersonId}
          label="Transfer the seat to"
          pickerTestId="transfer-to"
          exclude={holders}
          action="Transfer"
          actionTestId="confirm-transfer"
          onAction={() => void run(() => api.transferSeat(scope, licenseId, moving, toPersonId))}
          onCancel={() => setMoving(null)}
          testId="transfer-form"
        />
      )}
      {props.mayWrite && !moving && (
        <PersonActionBar
          scope={scope}
          value={personId}
          onChange={setPersonId}
          label="Assign a seat to"
          pickerTestId="seat-person"
          exclude={holders}
          action="Assign seat"
          actionTestId="assign-seat"
          onAction={() => void run(() => api.assignSeat(scope, licenseId, personId))}
        />
      )}
    </section>
  );
}
