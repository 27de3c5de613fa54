// The audit events whose target is this license (issued, suspended, key revealed …), oldest first,
// from the account's hash chain. Shown to tokens that may read the audit log.
import type { License } from '../../api/api-types.ts';
import { formatChanges, formatDateTime, shortId } from '../../ui/format.ts';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { useSignedIn } from '../auth/session.tsx';
import { LicenseListSection, RefreshButton } from './license-list-section.tsx';

export function LicenseAudit(props: { license: License }) {
  const { api } = useSignedIn();
  const { license } = props;
  const list = usePagedList(
    (cursor) =>
      api.listAuditEvents({ accountId: license.accountId, targetId: license.id, limit: 100, cursor }),
    `license-audit:${license.id}:${license.updatedAt}`,
  );
  return (
    <LicenseListSection
      title="Audit events"
      testId="license-audit"
      tools={<RefreshButton onClick={list.reload} />}
      list={list}
      empty="No events yet."
    >
      <table className="table" data-testid="license-audit-table">
        <thead>
          <tr>
            <th>#</th>
            <th>When</th>
            <th>Action</th>
            <th>Actor</th>
            <th>Changes</th>
          </tr>
        </thead>
        <tbody>
          {list.items.map((event) => (
            <tr key={event.id} data-testid="license-audit-row">
              <td className="mono">{event.seq}</td>
              <td>{formatDateTime(event.occurredAt)}</td>
              <td>
                <span className="action">{event.action}</span>
              </td>
              <td className="mono" title={event.actorId}>
                {event.actorType} {shortId(event.actorId)}
              </td>
              <td className="changes">{formatChanges(event.changes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </LicenseListSection>
  );
}
