// The vendor's queue of change requests across its customer organizations (oldest first): filter
// by status and customer, open one (`#/request-queue/<accountId>/<id>`) to take it in progress,
// resolve or reject it with a comment, and talk with the customer in its thread.
import { useState } from 'react';
import { CHANGE_REQUEST_STATUSES, type ChangeRequestStatus } from '../../api/change-request-endpoints.ts';
import { EmptyState, LoadMore, PageHeader } from '../../ui/feedback.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { useResource } from '../../ui/use-resource.ts';
import { useSignedIn } from '../auth/session.tsx';
import { notifyInboxChanged } from '../notifications/inbox-events.ts';
import { ProblemBanner } from '../portal/problem-banner.tsx';
import { useChosenAccount } from '../products/chosen-account.ts';
import { AccountPicker } from '../shell/account-picker.tsx';
import { useHashPath } from '../shell/app-shell.tsx';
import { ChangeRequestDetail } from './change-request-detail.tsx';
import { KIND_LABELS, STATUS_LABELS, StatusBadge } from './change-request-format.tsx';

function QueuedRequest(props: { accountId: string; id: string; orgNames: ReadonlyMap<string, string> }) {
  const { api, can } = useSignedIn();
  const { accountId, id } = props;
  const request = useResource(() => api.getQueuedChangeRequest(accountId, id), `queued-request:${id}`);
  const mayHandle = can('organization:write');
  return (
    <ChangeRequestDetail
      request={request}
      side="VENDOR"
      backHref="#/request-queue"
      organizationName={request.data ? props.orgNames.get(request.data.organizationId) : undefined}
      onComment={mayHandle ? (body) => api.vendorCommentChangeRequest(accountId, id, body) : undefined}
      onStep={
        mayHandle
          ? async (status, comment) => {
              await api.setChangeRequestStatus(accountId, id, status, comment || undefined);
              notifyInboxChanged();
            }
          : undefined
      }
    />
  );
}

export function ChangeRequestQueuePage() {
  const { api } = useSignedIn();
  const [pathAccount, pathId] = useHashPath();
  const [chosen, setChosen] = useChosenAccount();
  const accountId = pathAccount ?? chosen;
  const [status, setStatus] = useState('OPEN');
  const [organizationId, setOrganizationId] = useState('');
  const orgs = useResource(
    () =>
      accountId
        ? api.listOrganizations(accountId, { limit: 200 })
        : Promise.resolve({ data: [], nextCursor: null }),
    `queue-orgs:${accountId}`,
  );
  const orgNames = new Map((orgs.data?.data ?? []).map((o) => [o.id, o.name]));
  const list = usePagedList(
    (cursor) =>
      accountId
        ? api.changeRequestQueue(accountId, { limit: 50, cursor, status, organizationId })
        : Promise.resolve({ data: [], nextCursor: null }),
    `queue:${accountId}:${status}:${organizationId}`,
  );

  if (accountId && pathId) return <QueuedRequest accountId={accountId} id={pathId} orgNames={orgNames} />;
  return (
    <>
      <PageHeader
        title="Change requests"
        description="What your customers asked for. Take a request in progress, then resolve or reject it; every step notifies the customer."
        actions={
          <>
            <AccountPicker value={accountId} onChange={setChosen} />
            <label className="picker">
              <span className="picker-label">Customer</span>
              <select
                value={organizationId}
                onChange={(e) => setOrganizationId(e.target.value)}
                data-testid="queue-organization"
              >
                <option value="">All customers</option>
                {orgs.data?.data.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="picker">
              <span className="picker-label">Status</span>
              <select value={status} onChange={(e) => setStatus(e.target.value)} data-testid="queue-status">
                <option value="">Any</option>
                {CHANGE_REQUEST_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {STATUS_LABELS[s]}
                  </option>
                ))}
              </select>
            </label>
          </>
        }
      />
      <ProblemBanner error={list.error} />
      <section className="card card-flush">
        <table className="table" data-testid="request-queue">
          <thead>
            <tr>
              <th>Case</th>
              <th>Customer</th>
              <th>Subject</th>
              <th>Kind</th>
              <th>Status</th>
              <th>Filed</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((r) => (
              <tr key={r.id} data-testid="queue-row" data-case={r.caseNumber}>
                <td className="mono">
                  <a
                    href={`#/request-queue/${encodeURIComponent(accountId)}/${encodeURIComponent(r.id)}`}
                    data-testid="open-queued-request"
                  >
                    {r.caseNumber}
                  </a>
                </td>
                <td>{orgNames.get(r.organizationId) ?? r.organizationId}</td>
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
        {!list.loading && list.items.length === 0 && (
          <EmptyState>
            No change requests{status ? ` with status ${STATUS_LABELS[status as ChangeRequestStatus]}` : ''}.
          </EmptyState>
        )}
        <LoadMore hasMore={list.hasMore} loading={list.loading} onClick={list.loadMore} />
      </section>
    </>
  );
}
