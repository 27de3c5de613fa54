// API tokens: shown once, stored hashed, scoped, no privilege escalation, expiry and revocation.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { it } from 'node:test';
import { forEachEngine } from '../../db/test/test-databases.ts';
import { call, newTenant, useTestApp } from './harness.ts';
import { assertProblem } from './security-suite.ts';

forEachEngine('API tokens', (engine) => {
  const getApp = useTestApp(engine);

  it('returns the secret once, stores only its SHA-256, and never lists it', async () => {
    const t = getApp();
    const tenant = await newTenant(t);
    const created = await call(t, 'POST', '/v1/tokens', {
      token: tenant.tokens.admin,
      body: { kind: 'account', name: 'ci', roles: ['read-only'] },
    });
    assert.equal(created.status, 201);
    const secret: string = created.json.secret;
    assert.match(secret, /^lt_acc_[A-Za-z0-9_-]{43}$/);
    const row = await t.database.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', created.json.token.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.token_hash, createHash('sha256').update(secret).digest('hex'));
    assert.ok(!JSON.stringify(row).includes(secret.slice(7)));
    const listed = await call(t, 'GET', '/v1/tokens', { token: tenant.tokens.admin });
    assert.ok(!listed.body.includes(secret.slice(7)));
    assert.equal((await call(t, 'GET', '/v1/me', { token: secret })).json.roles[0], 'read-only');
  });

  it('refuses privilege escalation: read-only cannot mint admin, admin cannot mint operator', async () => {
    const t = getApp();
    const tenant = await newTenant(t);
    const up = await call(t, 'POST', '/v1/tokens', {
      token: tenant.tokens.developer,
      body: { kind: 'account', name: 'x', roles: ['admin'] },
    });
    assertProblem(up, 403, 'FORBIDDEN');
    const op = await call(t, 'POST', '/v1/tokens', {
      token: tenant.tokens.admin,
      body: { kind: 'operator', name: 'x', roles: ['operator'] },
    });
    assertProblem(op, 404, 'NOT_FOUND');
    const wrongKind = await call(t, 'POST', '/v1/tokens', {
      token: tenant.tokens.admin,
      body: { kind: 'account', name: 'x', roles: ['org-admin'] },
    });
    assertProblem(wrongKind, 403, 'FORBIDDEN');
  });

  it("refuses a token for another tenant's account with the same 404 as a missing one", async () => {
    const t = getApp();
    const a = await newTenant(t);
    const b = await newTenant(t);
    const foreign = await call(t, 'POST', '/v1/tokens', {
      token: a.tokens.admin,
      body: { kind: 'account', name: 'x', roles: ['read-only'], accountId: b.accountId },
    });
    assertProblem(foreign, 404, 'NOT_FOUND');
    const orgOfOther = await call(t, 'POST', '/v1/tokens', {
      token: a.tokens.admin,
      body: { kind: 'organization', name: 'x', roles: ['org-read'], organizationId: b.organizationId },
    });
    assertProblem(orgOfOther, 404, 'NOT_FOUND');
  });

  it('lets an organization admin mint tokens for its organization only', async () => {
    const t = getApp();
    const tenant = await newTenant(t);
    const ok = await call(t, 'POST', '/v1/tokens', {
      token: tenant.tokens.orgAdmin,
      body: { kind: 'organization', name: 'x', roles: ['org-read'] },
    });
    assert.equal(ok.status, 201);
    assert.equal(ok.json.token.organizationId, tenant.organizationId);
    const list = await call(t, 'GET', '/v1/tokens', { token: tenant.tokens.orgAdmin });
    assert.ok(
      list.json.data.every((x: { organizationId: string }) => x.organizationId === tenant.organizationId),
    );
  });

  it('refuses an expiry in the past and accepts one in the future', async () => {
    const t = getApp();
    const tenant = await newTenant(t);
    const past = await call(t, 'POST', '/v1/tokens', {
      token: tenant.tokens.admin,
      body: { kind: 'account', name: 'x', roles: ['read-only'], expiresAt: '2001-01-01T00:00:00Z' },
    });
    assertProblem(past, 400, 'INVALID_FIELD');
    const future = await call(t, 'POST', '/v1/tokens', {
      token: tenant.tokens.admin,
      body: { kind: 'account', name: 'x', roles: ['read-only'], expiresAt: '2099-01-01T00:00:00Z' },
    });
    assert.equal(future.json.token.expiresAt, '2099-01-01T00:00:00.000Z');
  });

  it('stops accepting a token revoked elsewhere (another process, plain SQL) within moments', async () => {
    const t = getApp();
    const tenant = await newTenant(t);
    const created = await call(t, 'POST', '/v1/tokens', {
      token: tenant.tokens.admin,
      body: { kind: 'account', name: 'x', roles: ['read-only'] },
    });
    assert.equal((await call(t, 'GET', '/v1/me', { token: created.json.secret })).status, 200, 'now cached');
    await t.database.db
      .updateTable('api_tokens')
      .set({ revoked_at: new Date() })
      .where('id', '=', created.json.token.id)
      .execute();
    const deadline = Date.now() + 5_000;
    let status = 200;
    while (status === 200 && Date.now() < deadline) {
      status = (await call(t, 'GET', '/v1/me', { token: created.json.secret })).status;
      if (status === 200) await new Promise((r) => setTimeout(r, 20));
    }
    assert.equal(status, 401);
  });

  it('revokes once: the token stops working, a second revoke changes nothing', async () => {
    const t = getApp();
    const tenant = await newTenant(t);
    const created = await call(t, 'POST', '/v1/tokens', {
      token: tenant.tokens.admin,
      body: { kind: 'account', name: 'x', roles: ['read-only'] },
    });
    const id = created.json.token.id;
    const first = await call(t, 'DELETE', `/v1/tokens/${id}`, { token: tenant.tokens.admin });
    assert.ok(first.json.revokedAt);
    assertProblem(await call(t, 'GET', '/v1/me', { token: created.json.secret }), 401, 'UNAUTHENTICATED');
    const second = await call(t, 'DELETE', `/v1/tokens/${id}`, { token: tenant.tokens.admin });
    assert.equal(second.json.revokedAt, first.json.revokedAt);
    const events = await call(t, 'GET', `/v1/audit/events?accountId=${tenant.accountId}&targetId=${id}`, {
      token: tenant.tokens.admin,
    });
    assert.deepEqual(
      events.json.data.map((e: { action: string }) => e.action),
      ['token.created', 'token.revoked'],
    );
  });
});
