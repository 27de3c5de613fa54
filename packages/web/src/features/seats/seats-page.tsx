// Named-user seats of the organization: utilization per license and per environment the licenses
// are installed in, and for the chosen license (`#/seats/<licenseId>`) its holders with assign,
// unassign and transfer.
import type { OrgScope } from '../../api/organization-endpoints.ts';
import { EmptyState, PageHeader } from '../../ui/feedback.tsx';
import { useResource } from '../../ui/use-resource.ts';
import { useSignedIn } from '../auth/session.tsx';
import { Meter } from '../portal/meter.tsx';
import { PortalScoped, useOrgAbilities } from '../portal/org-scope.tsx';
import { ProblemBanner } from '../portal/problem-banner.tsx';
import { useHashPath } from '../shell/app-shell.tsx';
import { SeatHolders } from './seat-holders.tsx';

const percent = (ratio: number) => `${Math.round(ratio * 100)}%`;

function Seats(props: { scope: OrgScope }) {
  const { api } = useSignedIn();
  const { scope } = props;
  const [pathLicense] = useHashPath();
  const mayWrite = useOrgAbilities(scope).has('LICENSING');
  const utilization = useResource(
    () => api.seatUtilization(scope),
    `seat-utilization:${scope.organizationId}`,
  );
  const data = utilization.data;
  const licenseId = pathLicense ?? data?.licenses[0]?.licenseId ?? '';

  return (
    <>
      <PageHeader
        title="Seats"
        description="Named-user licenses: who holds a seat, and how many are used per license and per environment."
        actions={
          data && (
            <span className="live" data-testid="seat-total">
              {data.total.assigned} of {data.total.capacity} seats assigned ({percent(data.total.ratio)})
            </span>
          )
        }
      />
      <ProblemBanner error={utilization.error} />
      {data && data.licenses.length === 0 && (
        <EmptyState>No named-user license: none has a user limit.</EmptyState>
      )}
      {data && data.licenses.length > 0 && (
        <div className="detail-grid">
          <section className="card card-flush">
            <div className="card-head">
              <h2 className="card-title">Per license</h2>
            </div>
            <table className="table table-compact" data-testid="seat-licenses">
              <tbody>
                {data.licenses.map((l) => (
                  <tr
                    key={l.licenseId}
                    className={l.licenseId === licenseId ? 'unread' : undefined}
                    data-testid="seat-license"
                    data-license-id={l.licenseId}
                  >
                    <td>
                      <a
                        href={`#/seats/${encodeURIComponent(l.licenseId)}`}
                        className="strong"
                        data-testid="open-seat-license"
                      >
                        {l.productName}
                      </a>
                    </td>
                    <td className="nowrap">
                      <Meter used={l.assigned} capacity={l.capacity} />
                      <span data-testid="seat-license-use">
                        {l.assigned} / {l.capacity}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section className="card card-flush">
            <div className="card-head">
              <h2 className="card-title">Per environment</h2>
            </div>
            <table className="table table-compact" data-testid="seat-environments">
              <tbody>
                {data.environments.map((e) => (
                  <tr key={e.environmentId ?? 'none'} data-testid="seat-environment">
                    <td className="strong">{e.name ?? 'Not installed'}</td>
                    <td className="faint">{e.licenseCount} licenses</td>
                    <td className="nowrap">
                      <Meter used={e.assigned} capacity={e.capacity} />
                      {e.assigned} / {e.capacity}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </div>
      )}
      {licenseId && (
        <SeatHolders
          key={licenseId}
          scope={scope}
          licenseId={licenseId}
          mayWrite={mayWrite}
          onChanged={utilization.reload}
        />
      )}
    </>
  );
}

export function SeatsPage() {
  return <PortalScoped>{(scope) => <Seats scope={scope} />}</PortalScoped>;
}
