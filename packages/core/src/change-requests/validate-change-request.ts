// Checks a change request as the customer sent it: the kind, the payload that kind requires
// (field by field, every error reported), a subject line (derived from the payload when absent).
import { fieldErrors, isIntIn, isNonBlank, type Validated } from '../catalog/field-errors.ts';
import {
  CHANGE_REQUEST_KINDS,
  type ChangeRequestInput,
  type ChangeRequestKind,
  type ChangeRequestPayloads,
  isChangeRequestKind,
  type KindWithPayload,
} from './change-request-types.ts';

/** The raw request body: `payload` is whatever JSON object was sent. */
export interface RawChangeRequest {
  kind: unknown;
  payload: unknown;
  subject?: unknown;
  description?: unknown;
}

export const MAX_REQUEST_QUANTITY = 100_000;
const ID = /^[a-z]+_[0-9a-z]{26}$/;
const CODE = /^[a-z0-9][a-z0-9._-]{0,63}$/;

type Errors = ReturnType<typeof fieldErrors>;
type Raw = Record<string, unknown>;

function id(e: Errors, raw: Raw, key: string, prefix: string): string {
  const value = raw[key];
  if (typeof value !== 'string' || !ID.test(value) || !value.startsWith(`${prefix}_`)) {
    e.add(`payload.${key}`, 'INVALID_FORMAT', `payload.${key} must be an id of the form ${prefix}_…`);
    return '';
  }
  return value;
}

function text(e: Errors, raw: Raw, key: string, max: number): string {
  const value = raw[key];
  if (!isNonBlank(value, max))
    e.add(`payload.${key}`, 'REQUIRED', `payload.${key} must be 1–${max} characters`);
  return typeof value === 'string' ? value.trim() : '';
}

function quantity(e: Errors, raw: Raw): number {
  const value = raw.quantity;
  if (!isIntIn(value, 1, MAX_REQUEST_QUANTITY)) {
    e.add(
      'payload.quantity',
      'OUT_OF_RANGE',
      `payload.quantity must be an integer 1–${MAX_REQUEST_QUANTITY}`,
    );
  }
  return typeof value === 'number' ? value : 0;
}

const PAYLOADS: { [K in ChangeRequestKind]: (e: Errors, raw: Raw) => ChangeRequestPayloads[K] } = {
  ADD_SEATS: (e, raw) => ({ licenseId: id(e, raw, 'licenseId', 'lic'), quantity: quantity(e, raw) }),
  ADD_INTEGRATION: (e, raw) => {
    const code = raw.code;
    if (typeof code !== 'string' || !CODE.test(code)) {
      e.add('payload.code', 'INVALID_FORMAT', 'payload.code must be a lowercase code of 1–64 characters');
    }
    const name = raw.name === undefined || raw.name === null ? null : text(e, raw, 'name', 200);
    return { code: typeof code === 'string' ? code : '', name, quantity: quantity(e, raw) };
  },
  RENAME_PRODUCT_DISPLAY_NAME: (e, raw) => ({
    productId: id(e, raw, 'productId', 'prod'),
    displayName: text(e, raw, 'displayName', 200),
  }),
  MOVE_LICENSE_ENVIRONMENT: (e, raw) => ({
    licenseId: id(e, raw, 'licenseId', 'lic'),
    environmentId: id(e, raw, 'environmentId', 'env'),
  }),
  OTHER: (e, raw) => ({ text: text(e, raw, 'text', 4000) }),
};

const ALLOWED_KEYS: Record<ChangeRequestKind, readonly string[]> = {
  ADD_SEATS: ['licenseId', 'quantity'],
  ADD_INTEGRATION: ['code', 'name', 'quantity'],
  RENAME_PRODUCT_DISPLAY_NAME: ['productId', 'displayName'],
  MOVE_LICENSE_ENVIRONMENT: ['licenseId', 'environmentId'],
  OTHER: ['text'],
};

/** A subject line for a request filed without one. */
export function defaultSubject(input: KindWithPayload): string {
  switch (input.kind) {
    case 'ADD_SEATS':
      return `Add ${input.payload.quantity} seat(s) to license ${input.payload.licenseId}`;
    case 'ADD_INTEGRATION':
      return `Add integration ${input.payload.name ?? input.payload.code} (×${input.payload.quantity})`;
    case 'RENAME_PRODUCT_DISPLAY_NAME':
      return `Show product ${input.payload.productId} as “${input.payload.displayName}”`;
    case 'MOVE_LICENSE_ENVIRONMENT':
      return `Move license ${input.payload.licenseId} to environment ${input.payload.environmentId}`;
    case 'OTHER':
      return input.payload.text.split('\n')[0]!.slice(0, 120);
  }
}

/**
 * Validate a change request; unknown payload members are refused so a typo is not silently dropped.
 * @example
 * validateChangeRequest({ kind: 'ADD_SEATS', payload: { licenseId: 'lic_…', quantity: 5 } })
 * // → { ok: true, value: { kind: 'ADD_SEATS', payload: {…}, subject: 'Add 5 seat(s) to license lic_…', description: null } }
 */
export function validateChangeRequest(raw: RawChangeRequest): Validated<ChangeRequestInput> {
  const e = fieldErrors();
  if (!isChangeRequestKind(raw.kind)) {
    e.add('kind', 'NOT_ALLOWED', `kind must be one of ${CHANGE_REQUEST_KINDS.join(', ')}`);
    return e.result(() => undefined as never);
  }
  const kind = raw.kind;
  const payloadRaw = raw.payload;
  if (typeof payloadRaw !== 'object' || payloadRaw === null || Array.isArray(payloadRaw)) {
    e.add('payload', 'REQUIRED', `payload must be an object with ${ALLOWED_KEYS[kind].join(', ')}`);
    return e.result(() => undefined as never);
  }
  for (const key of Object.keys(payloadRaw)) {
    if (!ALLOWED_KEYS[kind].includes(key)) {
      e.add(`payload.${key}`, 'NOT_ALLOWED', `payload.${key} is not a member of a ${kind} request`);
    }
  }
  const payload = PAYLOADS[kind](e, payloadRaw as Raw);
  const subjectRaw = raw.subject;
  if (subjectRaw !== undefined && !isNonBlank(subjectRaw, 200)) {
    e.add('subject', 'INVALID_FORMAT', 'subject must be 1–200 characters');
  }
  const descriptionRaw = raw.description;
  if (descriptionRaw !== undefined && descriptionRaw !== null && !isNonBlank(descriptionRaw, 4000)) {
    e.add('description', 'INVALID_FORMAT', 'description must be 1–4000 characters');
  }
  return e.result(() => {
    const input = { kind, payload } as KindWithPayload;
    return {
      ...input,
      subject: typeof subjectRaw === 'string' ? subjectRaw.trim() : defaultSubject(input),
      description: typeof descriptionRaw === 'string' ? descriptionRaw.trim() : null,
    } as ChangeRequestInput;
  });
}
