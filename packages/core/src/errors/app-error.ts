// The single failure type of the domain: a closed code, a human detail, and optional context.
import { ERROR_CODES, type ErrorCode } from './error-codes.ts';

export interface AppErrorOptions {
  /** The request field at fault, for INVALID_FIELD (JSON pointer-ish, e.g. `/body/name`). */
  field?: string;
  /** Extra members rendered into the problem document (e.g. `supervisors` to contact). */
  extensions?: Record<string, unknown>;
  cause?: unknown;
}

/**
 * A failure with a stable code.
 * @example throw new AppError('NOT_FOUND', 'No organization org_123 in this account');
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly field: string | undefined;
  readonly extensions: Record<string, unknown>;

  constructor(code: ErrorCode, detail?: string, options: AppErrorOptions = {}) {
    super(detail ?? ERROR_CODES[code].title, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.field = options.field;
    this.extensions = options.extensions ?? {};
  }

  get title(): string {
    return ERROR_CODES[this.code].title;
  }
}

/** The same "not found" for missing and for not-visible resources, built fresh each time. */
export function notFound(kind: string, id: string): AppError {
  return new AppError('NOT_FOUND', `No ${kind} ${id}`);
}
