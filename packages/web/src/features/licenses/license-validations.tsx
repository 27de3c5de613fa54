// A license's validation history, newest first: each answer's code, whether it was valid, and
// the machine and version it was asked for. Identical answers close together are one row.
import type { License } from '../../api/api-types.ts';
import { EmptyState, ErrorBanner, LoadMore } from '../../ui/feedback.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { useSignedIn } from '../auth/session.tsx';

export function LicenseValidations(props: { license: License }) {
  const { api } = useSignedIn();
  const { license } = props;
  const list = usePagedList(
    (cursor) => api.listValidations(license.accountId, license.id, { limit: 50, cursor }),
    `validations:${license.id}:${license.updatedAt}`,
  );
  return (
    <section className="card card-flush section-gap" data-testid="license-validations">
      <div className="card-head">
        <h2 className="card-title">Validation history</h2>
        <button type="button" className="button button-ghost button-small" onClick={list.reload}>
          Refresh
        </button>
      </div>
      <ErrorBanner error={list.error} />
      <table className="table" data-testid="validations-table">
        <thead>
          <tr>
            <th>When</th>
            <th>Result</th>
            <th>Fingerprint</th>
            <th>Version</th>
            <th>Times</th>
          </tr>
        </thead>
        <tbody>
          {list.items.map((event) => (
            <tr key={event.id} data-testid="validation-row">
              <td>{formatDateTime(event.occurredAt)}</td>
              <td>
                <span className={event.valid ? 'badge state state-active' : 'badge state state-revoked'}>
                  {event.code}
                </span>
              </td>
              <td className="mono" title={event.fingerprint ?? undefined}>
                {event.fingerprint ? `${event.fingerprint.slice(0, 16)}…` : '—'}
              </td>
              <td className="mono">{event.version ?? '—'}</td>
              <td>{typeof event.details.count === 'number' ? event.details.count : 1}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!list.loading && list.items.length === 0 && (
        <EmptyState>This license has not been validated yet.</EmptyState>
      )}
      <LoadMore hasMore={list.hasMore} loading={list.loading} onClick={list.loadMore} />
    </section>
  );
}
