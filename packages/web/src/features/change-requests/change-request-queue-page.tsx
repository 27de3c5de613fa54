// The vendor's queue of change requests across its customer organizations (oldest first): filter
// by status and customer, open one (`#/request-queue/<accountId>/<id>`) to take it in progress,
// resolve or reject it with a comment, and talk with the customer in its thread.
import { useState } from 'react';
import type { ChangeRequestStatus } from '../../api/change-request-endpoints.ts';
import { PageHeader } from '../../ui/feedback.tsx';
import { Picker } from '../../ui/select-field.tsx';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { useResource } from '../../ui/use-resource.ts';
import { useSignedIn } from '../auth/session.tsx';
import { notifyInboxChanged } from '../notifications/inbox-events.ts';
import { ProblemBanner } from '../portal/problem-banner.tsx';
import { useChosenAccount } from '../products/chosen-account.ts';
import { AccountPicker } from '../shell/account-picker.tsx';
import { useHashPath } from '../shell/app-shell.tsx';
import { ChangeRequestDetail } from './change-request-detail.tsx';
import { STATUS_LABELS } from './change-request-format.tsx';
import { ChangeRequestTable, queuedRequestHref, StatusFilter } from './change-request-list.tsx';

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
            <Picker
              label="Customer"
              value={organizationId}
              onChange={setOrganizationId}
              options={orgs.data?.data ?? []}
              placeholder="All customers"
              testId="queue-organization"
            />
            <StatusFilter value={status} onChange={setStatus} testId="queue-status" />
          </>
        }
      />
      <ProblemBanner error={list.error} />
      <ChangeRequestTable
        list={list}
        testId="request-queue"
        rowTestId="queue-row"
        linkTestId="open-queued-request"
        href={(r) => queuedRequestHref(accountId, r.id)}
        customerOf={(r) => orgNames.get(r.organizationId) ?? r.organizationId}
        empty={`No change requests${status ? ` with status ${STATUS_LABELS[status as ChangeRequestStatus]}` : ''}.`}
      />
    </>
  );
}
