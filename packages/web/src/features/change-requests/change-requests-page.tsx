// The customer's change requests: the list with case numbers and status (filterable), filing a new
// request (`#/change-requests/new`) and one request with its comments (`#/change-requests/<id>`).
// Only the vendor changes licenses; this is how the customer asks.
import { useState } from 'react';
import type { OrgScope } from '../../api/organization-endpoints.ts';
import { PageHeader } from '../../ui/feedback.tsx';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { useResource } from '../../ui/use-resource.ts';
import { useSignedIn } from '../auth/session.tsx';
import { notifyInboxChanged } from '../notifications/inbox-events.ts';
import { PortalScoped, useOrgAbilities } from '../portal/org-scope.tsx';
import { ProblemBanner } from '../portal/problem-banner.tsx';
import { useHashPath } from '../shell/app-shell.tsx';
import { ChangeRequestDetail } from './change-request-detail.tsx';
import { ChangeRequestTable, StatusFilter } from './change-request-list.tsx';
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
            <StatusFilter value={status} onChange={setStatus} testId="change-request-status-filter" />
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
      <ChangeRequestTable
        list={list}
        testId="change-requests-table"
        rowTestId="change-request-row"
        linkTestId="open-change-request"
        href={(r) => `#/change-requests/${encodeURIComponent(r.id)}`}
        empty="No change requests."
      />
    </>
  );
}

export function ChangeRequestsPage() {
  return <PortalScoped>{(scope) => <ChangeRequests scope={scope} />}</PortalScoped>;
}
