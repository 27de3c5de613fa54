// The customer's change requests: the list with case numbers and status (filterable), filing a new
// request (`#/change-requests/new`) and one request with its comments (`#/change-requests/<id>`).
// Only the vendor changes licenses; this is how the customer asks.
import { useState } from 'react';
import { CHANGE_REQUEST_STATUSES } from '../../api/change-request-endpoints.ts';
import type { OrgScope } from '../../api/organization-endpoints.ts';
import { EmptyState, LoadMore, PageHeader } from '../../ui/feedback.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { useResource } from '../../ui/use-resource.ts';
import { useSignedIn } from '../auth/session.tsx';
import { notifyInboxChanged } from '../notifications/inbox-events.ts';
import { PortalScoped, useOrgAbilities } from '../portal/org-scope.tsx';
import { ProblemBanner } from '../portal/problem-banner.tsx';
import { useHashPath } from '../shell/app-shell.tsx';
import { ChangeRequestDetail } from './change-request-detail.tsx';
import { KIND_LABELS, STATUS_LABELS, StatusBadge } from './change-request-format.tsx';
import { NewChangeRequestForm } from './new-change-request-form.tsx';

const open = (id: string) => {
  window.location.hash = `#/change-requests/${encodeURIComponent(id)}`;
};

function Detail(props: { scope: OrgScope; id: string; mayComment: boolean }) {
  const { api } = useSignedIn();
  const { scope, id } = props;
  const request = useResource(() => api.getChangeRequest(scope, id), `change-request:${id}`);
  return (
    <ChangeRequestDetail
      request={request}
      side="ORGANIZATION"
      backHref="#/change-requests"
      onComment={props.mayComment ? (body) => api.commentChangeRequest(scope, id, body) : undefined}
    />
  );
}

function ChangeRequests(props: { scope: OrgScope }) {
  const { api } = useSignedIn();
  const { scope } = props;
  const [path] = useHashPath();
  const mayFile = useOrgAbilities(scope).has('LICENSING');
  const [status, setStatus] = useState('');
  const list = usePagedList(
    (cursor) => api.listChangeRequests(scope, { limit: 50, cursor, status }),
    `change-requests:${scope.organizationId}:${status}`,
  );

  if (path && path !== 'new') return <Detail scope={scope} id={path} mayComment={mayFile} />;
  return (
    <>
      <PageHeader
        title="Change requests"
        description="Only your vendor changes product and integration licenses. Ask here: each request gets a case number and your vendor answers in its thread."
        actions={
          <>
            <label className="picker">
              <span className="picker-label">Status</span>
              <select
                value={status}
                onChange={(e) => setStatus(e.target.value)}
                data-testid="change-request-status-filter"
              >
                <option value="">Any</option>
                {CHANGE_REQUEST_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {STATUS_LABELS[s]}
                  </option>
                ))}
              </select>
            </label>
            {mayFile && path !== 'new' && (
              <a
                className="button button-primary"
                href="#/change-requests/new"
                data-testid="new-change-request"
              >
                New request
              </a>
            )}
          </>
        }
      />
      {path === 'new' && (
        <NewChangeRequestForm
          scope={scope}
          onCancel={() => (window.location.hash = '#/change-requests')}
          onFiled={(filed) => {
            notifyInboxChanged();
            open(filed.id);
          }}
        />
      )}
      <ProblemBanner error={list.error} />
      <section className="card card-flush">
        <table className="table" data-testid="change-requests-table">
          <thead>
            <tr>
              <th>Case</th>
              <th>Subject</th>
              <th>Kind</th>
              <th>Status</th>
              <th>Filed</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((r) => (
              <tr key={r.id} data-testid="change-request-row" data-case={r.caseNumber}>
                <td className="mono">
                  <a href={`#/change-requests/${encodeURIComponent(r.id)}`} data-testid="open-change-request">
                    {r.caseNumber}
                  </a>
                </td>
                <td className="strong">{r.subject}</td>
                <td>{KIND_LABELS[r.kind]}</td>
                <td>
                  <StatusBadge status={r.status} />
                </td>
                <td>{formatDateTime(r.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {!list.loading && list.items.length === 0 && <EmptyState>No change requests.</EmptyState>}
        <LoadMore hasMore={list.hasMore} loading={list.loading} onClick={list.loadMore} />
      </section>
    </>
  );
}

export function ChangeRequestsPage() {
  return <PortalScoped>{(scope) => <ChangeRequests scope={scope} />}</PortalScoped>;
}
