// The one error type the console shows: built from an RFC 9457 problem document, or from a
// network failure, so every page can render `code` and `detail` the same way.

interface ProblemDocument {
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  requestId?: string;
  field?: string;
  errors?: FieldProblem[];
}

/** One bad input field of a 400 INVALID_FIELD answer, e.g. `{ field: 'body.durationIso', … }`. */
export interface FieldProblem {
  field: string;
  reason?: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly requestId: string | null;
  /** The first bad field of a 400, when the server named one. */
  readonly field: string | null;
  /** Every field error the server found (catalog and policy input report all at once). */
  readonly fieldErrors: FieldProblem[];
  /** The whole problem document, for extension members such as `supervisors` or `includedIn`. */
  readonly problem: Readonly<Record<string, unknown>>;

  constructor(
    status: number,
    code: string,
    detail: string,
    requestId: string | null = null,
    fields: { field?: string | undefined; errors?: FieldProblem[] | undefined } = {},
    problem: Record<string, unknown> = {},
  ) {
    super(`${code}: ${detail}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.requestId = requestId;
    this.field = fields.field ?? null;
    this.fieldErrors = Array.isArray(fields.errors)
      ? fields.errors
      : fields.field
        ? [{ field: fields.field, message: detail }]
        : [];
    this.problem = problem;
  }
}

/** Turn a non-2xx response into an ApiError, whether or not its body is a problem document. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  const requestId = response.headers.get('x-request-id');
  let problem: ProblemDocument = {};
  try {
    problem = (await response.json()) as ProblemDocument;
  } catch {
    // A proxy or a crashed server may answer with HTML or nothing; fall back to the status line.
  }
  return new ApiError(
    response.status,
    problem.code ?? `HTTP_${response.status}`,
    problem.detail ?? problem.title ?? (response.statusText || 'The server returned an error'),
    problem.requestId ?? requestId,
    { field: problem.field, errors: problem.errors },
    problem as Record<string, unknown>,
  );
}

/** A readable one-liner for any thrown value, used by error banners. */
export function describeError(error: unknown): { code: string; detail: string } {
  if (error instanceof ApiError) return { code: error.code, detail: error.detail };
  if (error instanceof Error) return { code: 'ERROR', detail: error.message };
  return { code: 'ERROR', detail: String(error) };
}
