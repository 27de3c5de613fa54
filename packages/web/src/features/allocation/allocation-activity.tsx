// The latest recomputes (trigger, people reached and changed) and refused logins with their reasons.
import { formatDateTime } from '../../ui/format.ts';
import { useResource } from '../../ui/use-resource.ts';
import { useSignedIn } from '../auth/session.tsx';

export function AllocationActivity(props: { accountId: string; organizationId: string; version: number }) {
  const { api } = useSignedIn();
  const { accountId, organizationId, version } = props;
  const recomputes = useResource(
    () => api.allocationRecomputes(accountId, organizationId, { limit: 10 }),
    `allocation-recomputes:${accountId}:${organizationId}:${version}`,
  );
  const refusals = useResource(
    () => api.allocationLoginRefusals(accountId, organizationId, { limit: 10 }),
    `allocation-refusals:${accountId}:${organizationId}:${version}`,
  );
  return (
    <>
      <section className="card card-flush">
        <table className="table" data-testid="allocation-recomputes">
          <thead>
            <tr>
              <th>Recomputed</th>
              <th>Trigger</th>
              <th>People reached</th>
              <th>Changed</th>
              <th>Took</th>
            </tr>
          </thead>
          <tbody>
            {(recomputes.data?.data ?? []).map((r) => (
              <tr key={r.id}>
                <td className="nowrap">{formatDateTime(r.createdAt)}</td>
                <td>{r.trigger}</td>
                <td>{r.peopleReached}</td>
                <td>{r.peopleChanged}</td>
                <td>{r.durationMs.toFixed(1)} ms</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="card card-flush">
        <table className="table" data-testid="allocation-refusals">
          <thead>
            <tr>
              <th>Refused login</th>
              <th>Person</th>
              <th>Reasons</th>
            </tr>
          </thead>
          <tbody>
            {(refusals.data?.data ?? []).map((r) => (
              <tr key={r.id}>
                <td className="nowrap">{formatDateTime(r.occurredAt)}</td>
                <td className="mono">{r.personId}</td>
                <td className="muted">{r.reasons.join(' · ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
