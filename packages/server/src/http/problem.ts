// Renders every failure as RFC 9457 application/problem+json with a stable `code`.
// Known framework errors (bad JSON, wrong content type, oversized body, schema violations) are
// mapped to codes of the closed table; anything else is a 500 with a generic message and a log line.
import { AppError, type ErrorCode } from '@licentia/core';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: ErrorCode;
  field?: string;
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

const FRAMEWORK_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_CTP_INVALID_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_BAD_URL: 'BAD_REQUEST',
  FST_ERR_ASYNC_CONSTRAINT: 'BAD_REQUEST',
};

const BY_STATUS: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

/** The request part and field named by a schema violation, e.g. `body.name` or `querystring.limit`. */
function fieldOf(error: FastifyError): string {
  const v = error.validation?.[0];
  const part = error.validationContext ?? 'body';
  if (!v) return part;
  const missing = (v.params as { missingProperty?: string; additionalProperty?: string } | undefined) ?? {};
  const path = `${v.instancePath ?? ''}${missing.missingProperty ? `/${missing.missingProperty}` : ''}${
    missing.additionalProperty ? `/${missing.additionalProperty}` : ''
  }`;
  return `${part}${path.replaceAll('/', '.')}`;
}

/** Convert anything thrown into an AppError; unknown errors become INTERNAL. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const fe = error as FastifyError;
  if (fe?.validation) {
    const field = fieldOf(fe);
    return new AppError('INVALID_FIELD', `${field} ${fe.validation[0]?.message ?? 'is invalid'}`, { field });
  }
  const mapped = fe?.code ? FRAMEWORK_CODES[fe.code] : undefined;
  if (mapped) return new AppError(mapped, fe.message);
  if (error instanceof SyntaxError && fe.statusCode === 400)
    return new AppError('MALFORMED_JSON', error.message);
  // Safety net for input that reaches the database unchecked (both engines report SQLSTATE):
  // class 22 is a data exception (e.g. a NUL character PostgreSQL cannot store), 23505 a duplicate.
  const sqlState = (error as { code?: unknown })?.code;
  if (typeof sqlState === 'string' && /^22[0-9A-Z]{3}$/.test(sqlState)) {
    return new AppError(
      'BAD_REQUEST',
      'A value in the request cannot be stored (invalid characters or out of range)',
    );
  }
  if (sqlState === '23505')
    return new AppError('CONFLICT', 'A resource with the same unique value already exists');
  const status = fe?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new AppError(BY_STATUS[status] ?? 'BAD_REQUEST', fe.message);
  }
  return new AppError('INTERNAL', 'An unexpected error occurred; it has been logged.', { cause: error });
}

export function problemOf(error: AppError, instance: string): ProblemDocument {
  return {
    ...error.extensions,
    type: `urn:licentia:problem:${error.code}`,
    title: error.title,
    status: error.status,
    detail: error.message,
    instance,
    code: error.code,
    ...(error.field ? { field: error.field } : {}),
  };
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  const appError = toAppError(error);
  if (appError.code === 'INTERNAL') request.log.error({ err: error }, 'unhandled error');
  return reply
    .code(appError.status)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .send({ ...problemOf(appError, request.url.split('?')[0] ?? '/'), requestId: request.id });
}
