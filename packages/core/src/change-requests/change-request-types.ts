// What a customer can ask the vendor for, the typed payload of each kind, and the request's states.
// Only the vendor changes product and integration licenses; a change request is how a customer asks.

export const CHANGE_REQUEST_KINDS = [
  'ADD_SEATS',
  'ADD_INTEGRATION',
  'RENAME_PRODUCT_DISPLAY_NAME',
  'MOVE_LICENSE_ENVIRONMENT',
  'OTHER',
] as const;
export type ChangeRequestKind = (typeof CHANGE_REQUEST_KINDS)[number];

export const CHANGE_REQUEST_STATUSES = ['OPEN', 'IN_PROGRESS', 'RESOLVED', 'REJECTED'] as const;
export type ChangeRequestStatus = (typeof CHANGE_REQUEST_STATUSES)[number];

/** Who wrote a comment or took a step: the vendor (account tokens) or the customer organization. */
export type ChangeRequestSide = 'VENDOR' | 'ORGANIZATION';

/** The payload of each kind, after validation (every member present, strings trimmed). */
export interface ChangeRequestPayloads {
  /** More seats (named users or machines) on one of the organization's licenses. */
  ADD_SEATS: { licenseId: string; quantity: number };
  /** A new integration (connector), add-on or database instance, by catalog code. */
  ADD_INTEGRATION: { code: string; name: string | null; quantity: number };
  /** Show a product under another name in this organization's overview. */
  RENAME_PRODUCT_DISPLAY_NAME: { productId: string; displayName: string };
  /** Install a license in another production environment of the organization. */
  MOVE_LICENSE_ENVIRONMENT: { licenseId: string; environmentId: string };
  /** Anything else, in words. */
  OTHER: { text: string };
}

export type ChangeRequestPayload = ChangeRequestPayloads[ChangeRequestKind];

/** A kind with its typed payload (discriminated by `kind`). */
export type KindWithPayload = {
  [K in ChangeRequestKind]: { kind: K; payload: ChangeRequestPayloads[K] };
}[ChangeRequestKind];

/** A validated request to file: the kind, its typed payload, a subject line and an optional text. */
export type ChangeRequestInput = {
  [K in ChangeRequestKind]: {
    kind: K;
    payload: ChangeRequestPayloads[K];
    subject: string;
    description: string | null;
  };
}[ChangeRequestKind];

export function isChangeRequestKind(value: unknown): value is ChangeRequestKind {
  return typeof value === 'string' && (CHANGE_REQUEST_KINDS as readonly string[]).includes(value);
}
