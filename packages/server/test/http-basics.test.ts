// Cross-cutting HTTP behaviour: health, readiness, metrics, request ids, and the error contract
// for unknown routes, oversized bodies, wrong content types and malformed JSON.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { AppError } from '@licentia/core';
import { organizationRepository } from '@licentia/db';
import type { FastifyRequest } from 'fastify';
import { forEachEngine, uniqueName } from '../../db/test/test-databases.ts';
import { mutate } from '../src/http/context.ts';
import { call, newTenant, useTestApp } from './harness.ts';
import { assertProblem } from './security-suite.ts';

forEachEngine('HTTP basics', (engine) => {
  const getApp = useTestApp(engine);

  it('reports liveness and readiness with the database engine', async () => {
    assert.deepEqual((await call(getApp(), 'GET', '/healthz')).json, { status: 'ok' });
    assert.deepEqual((await call(getApp(), 'GET', '/readyz')).json, { status: 'ready', database: engine });
  });

  it('echoes a well-formed request id and generates one otherwise', async () => {
    const given = await call(getApp(), 'GET', '/healthz', { headers: { 'x-request-id': 'abc-123' } });
    assert.equal(given.headers['x-request-id'], 'abc-123');
    const generated = await call(getApp(), 'GET', '/healthz', {
      headers: { 'x-request-id': 'bad id with spaces' },
    });
    assert.match(String(generated.headers['x-request-id']), /^[0-9a-f-]{36}$/);
  });

  it('counts requests per route pattern in Prometheus metrics', async () => {
    const t = getApp();
    await call(t, 'GET', `/v1/accounts/${t.ctx.newId('account')}`, { token: t.operatorToken });
    const metrics = await call(t, 'GET', '/metrics');
    assert.match(
      metrics.body,
      /licentia_http_requests_total\{method="GET",route="\/v1\/accounts\/:accountId",status="404"\} 1/,
    );
    assert.match(metrics.body, /licentia_http_request_duration_seconds_bucket/);
  });

  it('answers an unknown route with a problem+json 404', async () => {
    assertProblem(await call(getApp(), 'GET', '/v1/nothing-here'), 404, 'ROUTE_NOT_FOUND');
  });

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const t = getApp();
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/accounts',
      payload: '{"name": ',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.operatorToken}` },
    });
    assert.equal(res.statusCode, 400);
    assert.equal(JSON.parse(res.body).code, 'MALFORMED_JSON');
  });

  it('names the field of a wrong or missing field', async () => {
    const t = getApp();
    const wrong = await call(t, 'POST', '/v1/accounts', { token: t.operatorToken, body: { name: 42 } });
    assertProblem(wrong, 400, 'INVALID_FIELD');
    assert.equal(wrong.json.field, 'body.name');
    const missing = await call(t, 'POST', '/v1/accounts', { token: t.operatorToken, body: {} });
    assert.equal(missing.json.field, 'body.name');
    const extra = await call(t, 'POST', '/v1/accounts', {
      token: t.operatorToken,
      body: { name: 'x', plan: 'gold' },
    });
    assert.equal(extra.json.field, 'body.plan');
  });

  it('refuses a body over the limit with 413 and a wrong content type with 415', async () => {
    const t = getApp();
    const auth = { authorization: `Bearer ${t.operatorToken}` };
    const big = await t.app.inject({
      method: 'POST',
      url: '/v1/accounts',
      headers: { ...auth, 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(1_100_000) }),
    });
    assert.equal(big.statusCode, 413);
    assert.equal(JSON.parse(big.body).code, 'PAYLOAD_TOO_LARGE');
    const xml = await t.app.inject({
      method: 'POST',
      url: '/v1/accounts',
      headers: { ...auth, 'content-type': 'application/xml' },
      payload: '<a/>',
    });
    assert.equal(xml.statusCode, 415);
    assert.equal(JSON.parse(xml.body).code, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers a NUL character the database cannot store with 400, not 500', async () => {
    const t = getApp();
    assertProblem(
      await call(t, 'GET', '/v1/accounts?cursor=%00', { token: t.operatorToken }),
      400,
      'BAD_REQUEST',
    );
    const created = await call(t, 'POST', '/v1/accounts', {
      token: t.operatorToken,
      body: { name: 'nul\u0000name' },
    });
    assertProblem(created, 400, 'BAD_REQUEST');
  });

  it('leaves no partial write when a change fails after writing inside its transaction', async () => {
    const t = getApp();
    const tenant = await newTenant(t);
    const before = (await call(t, 'GET', '/v1/overview', { token: tenant.tokens.admin })).json;
    const orgId = t.ctx.newId('organization');
    const request = { principal: null, ip: '127.0.0.1', id: 'req-rollback' } as unknown as FastifyRequest;
    await assert.rejects(
      mutate(t.ctx, request, async (trx, audit) => {
        await organizationRepository.insert(trx, tenant.accountId, { id: orgId, name: 'Half-made' });
        await audit({
          chainId: tenant.accountId,
          action: 'organization.created',
          targetType: 'organization',
          targetId: orgId,
        });
        throw new AppError('CONFLICT', 'a later step failed');
      }),
      /a later step failed/,
    );
    const url = `/v1/accounts/${tenant.accountId}/organizations/${orgId}`;
    assertProblem(await call(t, 'GET', url, { token: tenant.tokens.admin }), 404, 'NOT_FOUND');
    const after = (await call(t, 'GET', '/v1/overview', { token: tenant.tokens.admin })).json;
    assert.deepEqual(after, before);
    const verify = await call(t, 'GET', `/v1/audit/verify?accountId=${tenant.accountId}`, {
      token: t.operatorToken,
    });
    assert.equal(verify.json.ok, true, 'the chain head was rolled back with the event');
  });

  it('refuses a second default account with 409 and stores nothing for it', async () => {
    const t = getApp();
    // Test files share the database, so another may have made the default already: either way one exists.
    await call(t, 'POST', '/v1/accounts', {
      token: t.operatorToken,
      body: { name: 'First default', isDefault: true },
    });
    const name = uniqueName('second-default');
    const conflict = await call(t, 'POST', '/v1/accounts', {
      token: t.operatorToken,
      body: { name, isDefault: true },
    });
    assertProblem(conflict, 409, 'CONFLICT');
    const stored = await t.database.db.selectFrom('accounts').select('id').where('name', '=', name).execute();
    assert.deepEqual(stored, []);
  });
});
