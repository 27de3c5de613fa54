// The one closed table of failure codes: every AppError, problem+json body, SDK and CLI error uses it.
// Expected licensing outcomes (expired, over limit) are NOT here: they are data in validation answers.

export const ERROR_CODES = {
  BAD_REQUEST: { status: 400, title: 'Bad request' },
  MALFORMED_JSON: { status: 400, title: 'Malformed JSON body' },
  INVALID_FIELD: { status: 400, title: 'Invalid or missing field' },
  UNAUTHENTICATED: { status: 401, title: 'Missing or invalid credentials' },
  FORBIDDEN: { status: 403, title: 'Not allowed' },
  NOT_INCLUDED_IN_PLAN: { status: 403, title: 'Not included in your plan' },
  RESTRICTED_MODE: { status: 403, title: 'Refused in the current compliance mode' },
  PRIVILEGE_REQUIRED: { status: 403, title: 'Organization privilege required' },
  PERSON_DISABLED: { status: 403, title: 'The person this token acts for is disabled' },
  CONTACT_ACCOUNT_MANAGER: { status: 403, title: 'Contact your account manager' },
  NOT_FOUND: { status: 404, title: 'Not found' },
  ROUTE_NOT_FOUND: { status: 404, title: 'No such route' },
  METHOD_NOT_ALLOWED: { status: 405, title: 'Method not allowed' },
  CONFLICT: { status: 409, title: 'Conflict with the current state' },
  SEATS_EXHAUSTED: { status: 409, title: 'Every seat of the license is assigned' },
  LAST_SUPERVISOR: { status: 409, title: 'Cannot remove the last supervisor' },
  GROUP_CYCLE: { status: 409, title: 'Group membership would form a cycle' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'Request body too large' },
  IMPORT_INVALID: { status: 422, title: 'The import file has invalid rows' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported content type' },
  RATE_LIMITED: { status: 429, title: 'Too many requests' },
  INTERNAL: { status: 500, title: 'Internal error' },
  UNAVAILABLE: { status: 503, title: 'Service unavailable' },
} as const satisfies Record<string, { status: number; title: string }>;

/** A stable SCREAMING_SNAKE code from {@link ERROR_CODES}. */
export type ErrorCode = keyof typeof ERROR_CODES;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}
