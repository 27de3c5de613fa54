// The change-request lists: the customer's own, the vendor's queue across customers (with a
// Customer column) and a customer's Change requests tab all show a request as one row — case link,
// subject, kind, status, filing date — and the two paged lists share the table and status filter.
import {
  CHANGE_REQUEST_STATUSES,
  type ChangeRequest,
  type ChangeRequestStatus,
} from '../../api/change-request-endpoints.ts';
import { ListEnd } from '../../ui/feedback.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { codeOptions, Picker } from '../../ui/select-field.tsx';
import type { PagedList } from '../../ui/use-paged-list.ts';
import { KIND_LABELS, STATUS_LABELS, StatusBadge } from './change-request-format.tsx';

/** The vendor's view of a queued request (the queue page opens it from the path). */
export function queuedRequestHref(accountId: string, id: string): string {
  return `#/request-queue/${encodeURIComponent(accountId)}/${encodeURIComponent(id)}`;
}

export function ChangeRequestRow(props: {
  request: ChangeRequest;
  /** Where the case number links to: the customer's or the vendor's view of the request. */
  href: string;
  testId: string;
  linkTestId?: string;
  /** The customer's name, in the vendor's queue across customers only. */
  customer?: string;
}) {
  const r = props.request;
  return (
    <tr data-testid={props.testId} data-case={r.caseNumber}>
      <td className="mono">
        <a href={props.href} data-testid={props.linkTestId}>
          {r.caseNumber}
        </a>
      </td>
      {props.customer !== undefined && <td>{props.customer}</td>}
      <td className="strong">{r.subject}</td>
      <td>{KIND_LABELS[r.kind]}</td>
      <td>
        <StatusBadge status={r.status} />
      </td>
      <td>{formatDateTime(r.createdAt)}</td>
    </tr>
  );
}

/** A paged list of requests in a card; `customerOf` adds the queue's Customer column. */
export function ChangeRequestTable(props: {
  list: PagedList<ChangeRequest>;
  testId: string;
  rowTestId: string;
  linkTestId: string;
  href: (request: ChangeRequest) => string;
  customerOf?: (request: ChangeRequest) => string;
  empty: string;
}) {
  const { list, customerOf } = props;
  return (
    <section className="card card-flush">
      <table className="table" data-testid={props.testId}>
        <thead>
          <tr>
            <th>Case</th>
            {customerOf && <th>Customer</th>}
            <th>Subject</th>
            <th>Kind</th>
            <th>Status</th>
            <th>Filed</th>
          </tr>
        </thead>
        <tbody>
          {list.items.map((r) => (
            <ChangeRequestRow
              key={r.id}
              request={r}
              href={props.href(r)}
              testId={props.rowTestId}
              linkTestId={props.linkTestId}
              customer={customerOf?.(r)}
            />
          ))}
        </tbody>
      </table>
      <ListEnd list={list} empty={props.empty} />
    </section>
  );
}

const STATUS_OPTIONS = codeOptions<ChangeRequestStatus>(CHANGE_REQUEST_STATUSES, STATUS_LABELS);

/** Filters a list by status; '' is any status. */
export function StatusFilter(props: { value: string; onChange: (status: string) => void; testId: string }) {
  return (
    <Picker
      label="Status"
      value={props.value}
      onChange={props.onChange}
      options={STATUS_OPTIONS}
      placeholder="Any"
      testId={props.testId}
    />
  );
}
