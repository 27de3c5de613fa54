// The seats of one named-user license: who holds them, assign a seat to a person, unassign one, and
// transfer a seat from its holder to someone else in one step (works on a full license).
import { useState } from 'react';
import type { OrgScope } from '../../api/organization-endpoints.ts';
import { ConfirmButton, EmptyState, LoadMore } from '../../ui/feedback.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { useSignedIn } from '../auth/session.tsx';
import { PersonPicker } from '../people/person-picker.tsx';
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
  const [error, setError] = useState<unknown>(null);
  const seats = usePagedList(
    (cursor) => api.listSeats(scope, licenseId, { limit: 100, cursor }),
    `seats:${licenseId}`,
  );
  const holders = new Set(seats.items.map((s) => s.personId));

  async function run(action: () => Promise<unknown>) {
    setError(null);
    try {
      await action();
      setMoving(null);
      seats.reload();
      props.onChanged();
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <section className="card card-flush" data-testid="seat-holders">
      <div className="card-head">
        <h2 className="card-title">Seat holders</h2>
      </div>
      <ProblemBanner error={error ?? seats.error} testId="seat-error" />
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
      {!seats.loading && seats.items.length === 0 && <EmptyState>No seat is assigned.</EmptyState>}
      <LoadMore hasMore={seats.hasMore} loading={seats.loading} onClick={seats.loadMore} />
      {props.mayWrite && moving && (
        <div className="inline-form" style={{ padding: 16 }} data-testid="transfer-form">
          <div className="field-grow">
            <PersonPicker
              scope={scope}
              value={toPersonId}
              onChange={setToPersonId}
              label="Transfer the seat to"
              testId="transfer-to"
              exclude={holders}
            />
          </div>
          <button type="button" className="button button-ghost" onClick={() => setMoving(null)}>
            Cancel
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={!toPersonId}
            onClick={() => void run(() => api.transferSeat(scope, licenseId, moving, toPersonId))}
            data-testid="confirm-transfer"
          >
            Transfer
          </button>
        </div>
      )}
      {props.mayWrite && !moving && (
        <div className="inline-form" style={{ padding: 16 }}>
          <div className="field-grow">
            <PersonPicker
              scope={scope}
              value={personId}
              onChange={setPersonId}
              label="Assign a seat to"
              testId="seat-person"
              exclude={holders}
            />
          </div>
          <button
            type="button"
            className="button button-primary"
            disabled={!personId}
            onClick={() => void run(() => api.assignSeat(scope, licenseId, personId))}
            data-testid="assign-seat"
          >
            Assign seat
          </button>
        </div>
      )}
    </section>
  );
}
