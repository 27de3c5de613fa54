// A small fetch-based client for the Licentia HTTP API: bearer auth, JSON in and out, and every
// failure turned into one of two errors the CLI knows how to print (ApiError, ConnectionError).

export const DEFAULT_URL = 'http://127.0.0.1:8080';

/** The server answered with a problem (RFC 9457) or another non-2xx response. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    detail: string,
    readonly field?: string,
  ) {
    super(detail);
  }
}

/** No HTTP answer at all: refused, unknown host, reset. */
export class ConnectionError extends Error {}

export type Query = Record<string, string | number | undefined>;

export interface ApiClient {
  readonly baseUrl: string;
  get<T>(path: string, query?: Query): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
  patch<T>(path: string, body: unknown): Promise<T>;
  put<T>(path: string, body: unknown): Promise<T>;
  /** Resolves to the answer's JSON, or null for 204 No Content. */
  delete<T>(path: string): Promise<T | null>;
  /** The raw body of a streamed answer (NDJSON exports). */
  stream(path: string, query?: Query): Promise<ReadableStream<Uint8Array>>;
  /** POST a streamed body (a file being read) and read the JSON answer; the body is never buffered. */
  upload<T>(
    path: string,
    query: Query,
    body: AsyncIterable<Uint8Array> | Uint8Array,
    contentType: string,
  ): Promise<T>;
}

function queryString(query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function toApiError(response: Response): Promise<ApiError> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
    if (body && typeof body.code === 'string') {
      const detail = typeof body.detail === 'string' ? body.detail : response.statusText;
      return new ApiError(response.status, body.code, detail, body.field as string | undefined);
    }
  }
  // Not a Licentia problem document: a proxy, or something else entirely listening on that port.
  return new ApiError(
    response.status,
    `HTTP_${response.status}`,
    `HTTP ${response.status} ${response.statusText}`,
  );
}

function reasonOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}

export function createApiClient(options: { url: string; token: string }): ApiClient {
  const baseUrl = options.url.replace(/\/+$/, '');
  async function request(method: string, path: string, body?: unknown, query?: Query): Promise<Response> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${options.token}`,
      accept: 'application/json',
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${path}${queryString(query)}`, {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch (error) {
      throw new ConnectionError(
        `cannot connect to Licentia at ${baseUrl} (${reasonOf(error)}); is the server running? ` +
          'Point the CLI at it with --url or LICENTIA_URL',
      );
    }
    if (!response.ok) throw await toApiError(response);
    return response;
  }
  const json = async <T>(response: Response) => (response.status === 204 ? null : await response.json()) as T;
  return {
    baseUrl,
    get: async (path, query) => json(await request('GET', path, undefined, query)),
    post: async (path, body) => json(await request('POST', path, body)),
    patch: async (path, body) => json(await request('PATCH', path, body)),
    put: async (path, body) => json(await request('PUT', path, body)),
    delete: async (path) => json(await request('DELETE', path)),
    async stream(path, query) {
      const response = await request('GET', path, undefined, query);
      if (!response.body) throw new ApiError(response.status, 'EMPTY_BODY', 'The server sent no body');
      return response.body;
    },
    async upload<T>(
      path: string,
      query: Query,
      body: AsyncIterable<Uint8Array> | Uint8Array,
      contentType: string,
    ) {
      let response: Response;
      try {
        response = await fetch(`${baseUrl}${path}${queryString(query)}`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${options.token}`,
            accept: 'application/json',
            'content-type': contentType,
          },
          body: body as unknown as BodyInit,
          duplex: 'half',
        } as RequestInit);
      } catch (error) {
        throw new ConnectionError(`cannot upload to Licentia at ${baseUrl} (${reasonOf(error)})`);
      }
      if (!response.ok) throw await toApiError(response);
      return (await response.json()) as T;
    },
  };
}
