// Self-service for a person-bound organization token: my seats, the user-license type I consume,
// and the products of every environment I have an account in.
import { EmptyState, PageHeader } from '../../ui/feedback.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { useResource } from '../../ui/use-resource.ts';
import { useSignedIn } from '../auth/session.tsx';
import { ProblemBanner } from '../portal/problem-banner.tsx';

export function MyLicensesPage() {
  const { api } = useSignedIn();
  const mine = useResource(() => api.myLicenses(), 'my-licenses');
  const data = mine.data;
  return (
    <>
      <PageHeader
        title="My licenses"
        description={data ? `${data.person.name} · ${data.person.email}` : 'The licenses you use yourself.'}
      />
      <ProblemBanner error={mine.error} testId="my-licenses-error" />
      {data && (
        <div className="detail-grid" data-testid="my-licenses">
          <section className="card">
            <h2 className="card-title">User license</h2>
            <p className="stat-value" data-testid="my-license-type">
              {data.userLicenseType ?? 'None'}
            </p>
            <p className="muted">The highest type of the permission groups you belong to, counted once.</p>
          </section>
          <section className="card card-flush">
            <div className="card-head">
              <h2 className="card-title">My seats</h2>
            </div>
            {data.seats.length === 0 ? (
              <EmptyState>You hold no named-user seat.</EmptyState>
            ) : (
              <table className="table table-compact">
                <tbody>
                  {data.seats.map((s) => (
                    <tr key={s.licenseId} data-testid="my-seat">
                      <td className="strong">{s.productName}</td>
                      <td>{s.status}</td>
                      <td>{s.expiresAt ? `Until ${formatDateTime(s.expiresAt)}` : 'No end date'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section className="card card-flush">
            <div className="card-head">
              <h2 className="card-title">My environments</h2>
            </div>
            <table className="table table-compact">
              <tbody>
                {data.environments.map((e) => (
                  <tr key={e.environmentId} data-testid="my-environment">
                    <td className="strong">{e.name}</td>
                    <td className="faint">{e.kind.toLowerCase()}</td>
                    <td>{e.products.map((p) => p.productName).join(', ') || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </div>
      )}
    </>
  );
}
