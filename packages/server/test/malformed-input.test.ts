// Property test: malformed bodies, headers, parameters and query strings sent to every route of the
// OpenAPI document never produce a 5xx, and every error is application/problem+json with a code.
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import fc from 'fast-check';
import { forEachEngine } from '../../db/test/test-databases.ts';
import { call, newTenant, type Tenant, type TestApp, useTestApp } from './harness.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '%',
    '%zz',
    '../..',
    'null',
    '-1',
    '1e309',
    'acct_',
    '\u0000',
    'ünïcødé',
    '日本語',
    '🙂',
  ),
);
const asciiHeader = fc.string({ maxLength: 60 }).map((s) => s.replace(/[^\x20-\x7e]/g, ''));

const body = fc.oneof(
  fc.jsonValue(),
  fc.object(),
  fc.dictionary(
    fc.constantFrom('name', 'kind', 'roles', 'accountId', 'organizationId', 'expiresAt', 'isDefault'),
    fc.jsonValue(),
  ),
  fc.string({ unit: 'grapheme', maxLength: 80 }), // raw text: mostly malformed JSON
  fc.constant(undefined),
);

const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'garbage',
  '',
);

function fillPath(path: string, values: string[], tenant: Tenant): string {
  let i = 0;
  return path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const v = values[i++] ?? '';
    // Half the time use a real id of the caller's tenant so the request reaches the handler.
    if (v.length % 2 === 0 && name === 'accountId') return tenant.accountId;
    if (v.length % 2 === 0 && name === 'organizationId') return tenant.organizationId;
    return encodeURIComponent(v);
  });
}

forEachEngine('malformed input never yields a 5xx', (engine) => {
  const getApp = useTestApp(engine);
  let tenant: Tenant;
  let operations: { method: Method; path: string }[] = [];
  before(async () => {
    const t: TestApp = getApp();
    tenant = await newTenant(t);
    const doc = (await call(t, 'GET', '/openapi.json')).json;
    operations = Object.entries<Record<string, unknown>>(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => ({ method: m.toUpperCase() as Method, path })),
    );
  });

  it('answers every generated request below 500 with problem+json errors', async () => {
    assert.ok(operations.length > 10, 'the OpenAPI document lists the routes');
    const t = getApp();
    for (const op of operations) {
      await fc.assert(
        fc.asyncProperty(
          fc.array(text, { minLength: 3, maxLength: 3 }),
          fc.dictionary(fc.constantFrom('limit', 'cursor', 'accountId', 'targetId', 'x', 'ä'), text, {
            maxKeys: 3,
          }),
          body,
          contentType,
          fc.oneof(fc.constant('operator'), fc.constant('admin'), fc.constant('none'), asciiHeader),
          async (params, query, payload, type, auth) => {
            const qs = new URLSearchParams(query).toString();
            const url = `${fillPath(op.path, params, tenant)}${qs ? `?${qs}` : ''}`;
            const token =
              auth === 'operator' ? t.operatorToken : auth === 'admin' ? tenant.tokens.admin : null;
            const headers: Record<string, string> = {};
            if (type) headers['content-type'] = type;
            if (!token && auth !== 'none') headers.authorization = auth;
            const res = await t.app.inject({
              method: op.method,
              url,
              headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
              ...(payload !== undefined && op.method !== 'GET'
                ? { payload: typeof payload === 'string' ? payload : JSON.stringify(payload) }
                : {}),
            });
            const where = `${op.method} ${url} -> ${res.statusCode} ${res.body.slice(0, 200)}`;
            assert.ok(res.statusCode < 500, where);
            if (res.statusCode >= 400) {
              assert.match(String(res.headers['content-type']), /^application\/problem\+json/, where);
              assert.match(JSON.parse(res.body).code, /^[A-Z_]+$/, where);
            }
          },
        ),
        { numRuns: 40 },
      );
    }
  });
});
