// The shared security suite: every authenticated route is called with no token, a malformed one,
// a revoked one, an expired one, a role that lacks the permission, and another tenant's token.
// A route added without an entry here fails the coverage test in routes.security.test.ts.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { type CallResult, call, expiredToken, newTenant, type Tenant, type TestApp } from './harness.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface SecuredRoute {
  method: Method;
  /** The OpenAPI path template, e.g. /v1/tokens/{tokenId}. */
  path: string;
  /** A concrete URL inside the tenant (after `setup`). */
  url: (tenant: Tenant, fixture: Record<string, string>) => string;
  body?: (tenant: Tenant, fixture: Record<string, string>) => unknown;
  /** Creates what the URL names; runs once per case so destructive routes get a fresh target. */
  setup?: (t: TestApp, tenant: Tenant) => Promise<Record<string, string>>;
  /** The token expected to succeed. */
  allowed: (t: TestApp, tenant: Tenant) => string;
  /** A token of the same tenant that sees the route but lacks the permission (403), if any. */
  forbidden?: (tenant: Tenant) => string;
  /** The code of that 403 when it is not FORBIDDEN (e.g. PRIVILEGE_REQUIRED for an organization token). */
  forbiddenCode?: string;
  /** The route names a tenant's resource: another tenant gets the same 404 as for a missing one. */
  crossTenant?: { missingUrl: (tenant: Tenant) => string };
}

export function assertProblem(res: CallResult, status: number, code: string): void {
  assert.equal(res.status, status, `expected ${status} ${code}, got ${res.status}: ${res.body}`);
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
  assert.equal(res.json?.code, code);
  assert.equal(res.json?.status, status);
}

/** The parts of a 404 that must not differ between "missing" and "not yours". */
function shapeOf(res: CallResult) {
  const { type, title, status, code } = res.json ?? {};
  return { type, title, status, code, keys: Object.keys(res.json ?? {}).sort() };
}

export function runSecuritySuite(getApp: () => TestApp, routes: SecuredRoute[]): void {
  for (const route of routes) {
    describe(`security: ${route.method} ${route.path}`, () => {
      let tenant: Tenant;
      let other: Tenant;
      before(async () => {
        tenant = await newTenant(getApp());
        other = await newTenant(getApp());
      });
      const send = async (token: string | null, headerValue?: string) => {
        const t = getApp();
        const fixture = route.setup ? await route.setup(t, tenant) : {};
        return call(t, route.method, route.url(tenant, fixture), {
          token,
          ...(headerValue ? { headers: { authorization: headerValue } } : {}),
          ...(route.body ? { body: route.body(tenant, fixture) } : {}),
        });
      };

      it('refuses a request without a token (401)', async () =>
        assertProblem(await send(null), 401, 'UNAUTHENTICATED'));
      it('refuses a malformed token before any lookup (401)', async () => {
        assertProblem(await send(null, 'Bearer not-a-token'), 401, 'UNAUTHENTICATED');
        assertProblem(await send(null, 'Basic dXNlcjpwYXNz'), 401, 'UNAUTHENTICATED');
      });
      it('refuses a revoked token (401)', async () => {
        const t = getApp();
        const minted = await call(t, 'POST', '/v1/tokens', {
          token: t.operatorToken,
          body: { kind: 'account', name: 'to-revoke', roles: ['admin'], accountId: tenant.accountId },
        });
        await call(t, 'DELETE', `/v1/tokens/${minted.json.token.id}`, { token: t.operatorToken });
        assertProblem(await send(minted.json.secret), 401, 'UNAUTHENTICATED');
      });
      it('refuses an expired token (401)', async () => {
        assertProblem(await send(await expiredToken(getApp(), tenant)), 401, 'UNAUTHENTICATED');
      });
      if (route.forbidden) {
        it('refuses a role without the permission (403)', async () =>
          assertProblem(await send(route.forbidden!(tenant)), 403, route.forbiddenCode ?? 'FORBIDDEN'));
      }
      if (route.crossTenant) {
        it("answers another tenant's token with the same 404 as a missing resource", async () => {
          const t = getApp();
          const foreign = await send(other.tokens.admin);
          assertProblem(foreign, 404, 'NOT_FOUND');
          const missing = await call(t, route.method, route.crossTenant!.missingUrl(tenant), {
            token: route.allowed(t, tenant),
            ...(route.body ? { body: route.body(tenant, {}) } : {}),
          });
          assertProblem(missing, 404, 'NOT_FOUND');
          assert.deepEqual(shapeOf(foreign), shapeOf(missing));
        });
      }
      it('accepts the allowed token (2xx), so the refusals above are about security', async () => {
        const res = await send(route.allowed(getApp(), tenant));
        assert.ok(res.status >= 200 && res.status < 300, `${res.status}: ${res.body}`);
      });
    });
  }
}
