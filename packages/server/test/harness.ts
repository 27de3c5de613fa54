// In-process test harness: one app per test file and engine (on the runner's migrated database),
// fresh tenants per test, requests through app.inject() — no network, no shared seed rows.
import { after, before } from 'node:test';
import { formatToken, type Role, type TokenKind, tokenHint } from '@licentia/core';
import { type Database, type Engine, tokenRepository } from '@licentia/db';
import { openTestDatabase, uniqueName } from '../../db/test/test-databases.ts';
import { type App, buildApp } from '../src/app.ts';
import { bootstrap } from '../src/bootstrap/bootstrap.ts';
import { hashToken } from '../src/http/authenticate.ts';
import type { AppContext } from '../src/http/context.ts';

export interface TestApp {
  engine: Engine;
  app: App;
  ctx: AppContext;
  database: Database;
  operatorToken: string;
}

export interface CallResult {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON shapes.
  json: any;
}

export async function startTestApp(
  engine: Engine,
  options: { webRoot?: string | null } = {},
): Promise<TestApp> {
  const database = await openTestDatabase(engine);
  const { app, ctx } = await buildApp({ database, webRoot: options.webRoot ?? null });
  const { operatorToken } = await bootstrap(ctx, {
    bootstrapToken: null,
    demo: false,
    issueOperatorToken: true,
  });
  return { engine, app, ctx, database, operatorToken: operatorToken! };
}

/** Register before/after hooks in the current suite; the getter is valid inside tests. */
export function useTestApp(engine: Engine): () => TestApp {
  let t: TestApp | undefined;
  before(async () => {
    t = await startTestApp(engine);
  });
  after(async () => {
    await t?.app.close();
    await t?.database.close();
  });
  return () => {
    if (!t) throw new Error('test app not started');
    return t;
  };
}

export async function call(
  t: TestApp,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  options: { token?: string | null; body?: unknown; headers?: Record<string, string> } = {},
): Promise<CallResult> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const res = await t.app.inject({
    method,
    url,
    headers,
    ...(options.body !== undefined ? { payload: options.body as object } : {}),
  });
  let json: unknown = null;
  try {
    json = res.body ? JSON.parse(res.body) : null;
  } catch {
    json = null;
  }
  return { status: res.statusCode, headers: res.headers, body: res.body, json };
}

export interface Tenant {
  accountId: string;
  organizationId: string;
  tokens: Record<'admin' | 'developer' | 'readOnly' | 'orgAdmin' | 'orgRead', string>;
}

/** A fresh vendor account with one organization and a token of every role, made through the API. */
export async function newTenant(t: TestApp): Promise<Tenant> {
  const op = { token: t.operatorToken };
  const account = await call(t, 'POST', '/v1/accounts', { ...op, body: { name: uniqueName('vendor') } });
  if (account.status !== 201) throw new Error(`account: ${account.body}`);
  const accountId = account.json.id as string;
  const org = await call(t, 'POST', `/v1/accounts/${accountId}/organizations`, {
    ...op,
    body: { name: uniqueName('customer') },
  });
  const organizationId = org.json.id as string;
  const mint = async (kind: TokenKind, role: Role) => {
    const r = await call(t, 'POST', '/v1/tokens', {
      ...op,
      body: {
        kind,
        name: role,
        roles: [role],
        accountId,
        ...(kind === 'organization' ? { organizationId } : {}),
      },
    });
    if (r.status !== 201) throw new Error(`token: ${r.body}`);
    return r.json.secret as string;
  };
  return {
    accountId,
    organizationId,
    tokens: {
      admin: await mint('account', 'admin'),
      developer: await mint('account', 'developer'),
      readOnly: await mint('account', 'read-only'),
      orgAdmin: await mint('organization', 'org-admin'),
      orgRead: await mint('organization', 'org-read'),
    },
  };
}

/** A token stored directly with an expiry in the past (the API refuses to create one). */
export async function expiredToken(t: TestApp, tenant: Tenant): Promise<string> {
  const secret = formatToken('account', t.ctx.randomBytes(32));
  await tokenRepository.insert(t.database.db, {
    id: t.ctx.newId('token'),
    kind: 'account',
    accountId: tenant.accountId,
    organizationId: null,
    productId: null,
    name: 'expired',
    roles: ['admin'],
    tokenHash: hashToken(secret),
    hint: tokenHint(secret),
    createdBy: null,
    expiresAt: new Date(Date.now() - 60_000),
  });
  return secret;
}
