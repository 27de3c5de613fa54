// A typed fetch client for the Licentia API: adds the bearer token, sends and reads JSON, and
// throws ApiError for problem+json answers. One instance per signed-in session.

import { allocationEndpoints } from './allocation-endpoints.ts';
import { ApiError, errorFromResponse } from './api-error.ts';
import type {
  Account,
  ApiToken,
  AuditEvent,
  AuditVerification,
  CreatedToken,
  CreateTokenInput,
  Me,
  Organization,
  Overview,
  Page,
} from './api-types.ts';
import { changeRequestEndpoints } from './change-request-endpoints.ts';
import { complianceEndpoints } from './compliance-endpoints.ts';
import { floatingEndpoints } from './floating-endpoints.ts';
import { importEndpoints } from './import-endpoints.ts';
import { licenseOverviewEndpoints } from './license-overview-endpoints.ts';
import { licensingEndpoints, type Method, type Query, withQuery } from './licensing-endpoints.ts';
import { organizationEndpoints } from './organization-endpoints.ts';

export interface ApiClientOptions {
  token: string;
  /** Origin of the API; empty means the page's own origin (served by the same server). */
  baseUrl?: string;
  /** Called when the server no longer accepts the token, e.g. after it was revoked. */
  onUnauthorized?: (error: ApiError) => void;
}

export function createApiClient(options: ApiClientOptions) {
  const base = options.baseUrl ?? '';

  async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${options.token}`,
      accept: 'application/json',
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch (cause) {
      throw new ApiError(0, 'NETWORK_ERROR', `Cannot reach the server (${(cause as Error).message})`);
    }
    if (!response.ok) {
      const error = await errorFromResponse(response);
      if (error.status === 401) options.onUnauthorized?.(error);
      throw error;
    }
    return (response.status === 204 ? undefined : await response.json()) as T;
  }

  // Text answers (CSV exports): same bearer token and problem handling, body returned as is.
  async function requestText(path: string): Promise<string> {
    const response = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${options.token}` } });
    if (!response.ok) throw await errorFromResponse(response);
    return response.text();
  }

  // Raw uploads (CSV imports): the file as the body with its own content type, JSON answers.
  async function requestRaw<T>(method: Method, path: string, body: string, contentType: string): Promise<T> {
    const headers = { authorization: `Bearer ${options.token}`, accept: 'application/json' };
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method,
        headers: { ...headers, 'content-type': contentType },
        body,
      });
    } catch (cause) {
      throw new ApiError(0, 'NETWORK_ERROR', `Cannot reach the server (${(cause as Error).message})`);
    }
    if (!response.ok) throw await errorFromResponse(response);
    return (await response.json()) as T;
  }

  const seg = encodeURIComponent;
  return {
    me: () => request<Me>('GET', '/v1/me'),
    overview: () => request<Overview>('GET', '/v1/overview'),
    listAccounts: (query?: Query) => request<Page<Account>>('GET', withQuery('/v1/accounts', query)),
    listOrganizations: (accountId: string, query?: Query) =>
      request<Page<Organization>>('GET', withQuery(`/v1/accounts/${seg(accountId)}/organizations`, query)),
    createOrganization: (accountId: string, name: string) =>
      request<Organization>('POST', `/v1/accounts/${seg(accountId)}/organizations`, { name }),
    renameOrganization: (accountId: string, organizationId: string, name: string) =>
      request<Organization>('PATCH', `/v1/accounts/${seg(accountId)}/organizations/${seg(organizationId)}`, {
        name,
      }),
    deleteOrganization: (accountId: string, organizationId: string) =>
      request<unknown>('DELETE', `/v1/accounts/${seg(accountId)}/organizations/${seg(organizationId)}`),
    listTokens: (query?: Query) => request<Page<ApiToken>>('GET', withQuery('/v1/tokens', query)),
    createToken: (input: CreateTokenInput) => request<CreatedToken>('POST', '/v1/tokens', input),
    revokeToken: (tokenId: string) => request<ApiToken>('DELETE', `/v1/tokens/${seg(tokenId)}`),
    listAuditEvents: (query: Query) => request<Page<AuditEvent>>('GET', withQuery('/v1/audit/events', query)),
    verifyAudit: (accountId?: string) =>
      request<AuditVerification>('GET', withQuery('/v1/audit/verify', { accountId })),
    ...licensingEndpoints(request),
    ...floatingEndpoints(request),
    ...complianceEndpoints(request),
    ...allocationEndpoints(request, requestText),
    ...organizationEndpoints(request),
    ...licenseOverviewEndpoints(request, requestText),
    ...changeRequestEndpoints(request),
    ...importEndpoints(requestRaw),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
