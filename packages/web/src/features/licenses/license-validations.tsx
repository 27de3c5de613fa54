// A license's validation history, newest first: each answer's code, whether it was valid, and
// the machine and version it was asked for. Identical answers close together are one row.
import type { License } from '../../api/api-types.ts';
import { formatDateTime } from '../../ui/format.ts';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { useSignedIn } from '../auth/session.tsx';
import { LicenseListSection, RefreshButton } from './license-list-section.tsx';

export function LicenseValidations(props: { license: License }) {
  const { api } = useSignedIn();
  const { license } = props;
  const list = usePagedList(
    (cursor) => api.listValidations(license.accountId, license.id, { limit: 50, cursor }),
    `validations:${license.id}:${license.updatedAt}`,
  );
  return (
    <LicenseListSection
      title="Validation history"
      testId="license-validations"
      tools={<RefreshButton onClick={list.reload} />}
      list={list}
      empty="This license has not been validated yet."
    >
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
    </LicenseListSection>
  );
}
