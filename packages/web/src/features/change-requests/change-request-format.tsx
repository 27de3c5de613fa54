// How change requests read in the console: kind and status labels, the status badge, and a
// request's typed payload as label/value pairs.
import type {
  ChangeRequest,
  ChangeRequestKind,
  ChangeRequestStatus,
} from '../../api/change-request-endpoints.ts';

export const KIND_LABELS: Record<ChangeRequestKind, string> = {
  ADD_SEATS: 'Add seats',
  ADD_INTEGRATION: 'Add an integration',
  RENAME_PRODUCT_DISPLAY_NAME: "Rename a product's display name",
  MOVE_LICENSE_ENVIRONMENT: 'Move a license to another environment',
  OTHER: 'Something else',
};

export const STATUS_LABELS: Record<ChangeRequestStatus, string> = {
  OPEN: 'Open',
  IN_PROGRESS: 'In progress',
  RESOLVED: 'Resolved',
  REJECTED: 'Rejected',
};

/** The vendor's button for moving a request to a status. */
export const STEP_LABELS: Record<ChangeRequestStatus, string> = {
  OPEN: 'Reopen',
  IN_PROGRESS: 'Take in progress',
  RESOLVED: 'Resolve',
  REJECTED: 'Reject',
};

export function StatusBadge(props: { status: ChangeRequestStatus }) {
  return (
    <span
      className={`badge cr-${props.status.toLowerCase().replace('_', '-')}`}
      data-testid="change-request-status"
      data-status={props.status}
    >
      {STATUS_LABELS[props.status]}
    </span>
  );
}

const PAYLOAD_LABELS: Record<string, string> = {
  licenseId: 'License',
  quantity: 'Quantity',
  code: 'Code',
  name: 'Name',
  productId: 'Product',
  displayName: 'Display name',
  environmentId: 'Environment',
  text: 'Request',
};

/** The payload members in a stable order, labelled; `names` turns ids into names where known. */
export function payloadRows(
  request: Pick<ChangeRequest, 'payload'>,
  names: ReadonlyMap<string, string> = new Map(),
): [string, string][] {
  return Object.entries(request.payload)
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([key, value]) => {
      const text = String(value);
      return [PAYLOAD_LABELS[key] ?? key, names.get(text) ?? text];
    });
}
