// The SDK's two error types: an answer that cannot be trusted, and a problem the server reported.

/** Why an online answer was refused before any of it was believed. */
export type ResponseErrorCode = 'UNSIGNED_RESPONSE' | 'BAD_SIGNATURE' | 'NONCE_MISMATCH' | 'STALE_RESPONSE';

/**
 * The server's answer was unsigned, forged, altered, replayed or stale: treat the copy as NOT
 * validated (a man in the middle or a cache produced it). Retrying later is reasonable.
 * @example
 * try { await client.validate({ key }); } catch (e) {
 *   if (e instanceof LicentiaResponseError && e.code === 'NONCE_MISMATCH') warnReplay();
 * }
 */
export class LicentiaResponseError extends Error {
  override readonly name = 'LicentiaResponseError';
  constructor(
    readonly code: ResponseErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** An RFC 9457 problem as Licentia sends it. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  code?: string;
  field?: string;
  [member: string]: unknown;
}

/**
 * The server refused the request (problem+json, or another non-2xx answer): `code` is the
 * server's closed SCREAMING_SNAKE code (`UNAUTHENTICATED`, `RATE_LIMITED`, `INVALID_FIELD` …),
 * or `HTTP_<status>` when the answer was not a problem document.
 * @example
 * catch (e) { if (e instanceof LicentiaApiError && e.code === 'RATE_LIMITED') await backOff(); }
 */
export class LicentiaApiError extends Error {
  override readonly name = 'LicentiaApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problem: Problem | null,
  ) {
    super(message);
  }

  /**
   * Build from a non-2xx answer's status and body text.
   * @example LicentiaApiError.from(429, '{"code":"RATE_LIMITED","detail":"slow down"}').code // 'RATE_LIMITED'
   */
  static from(status: number, bodyText: string): LicentiaApiError {
    let problem: Problem | null = null;
    try {
      const parsed: unknown = JSON.parse(bodyText);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
        problem = parsed as Problem;
    } catch {
      problem = null;
    }
    const code = typeof problem?.code === 'string' ? problem.code : `HTTP_${status}`;
    const message = problem?.detail ?? problem?.title ?? `the server answered ${status}`;
    return new LicentiaApiError(status, code, String(message), problem);
  }
}
