// Vendor accounts and customer organizations: creation, visibility per token kind, rename, soft
// delete (tokens of a deleted tenant stop working), pagination, and an audit event per change.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachEngine } from '../../db/test/test-databases.ts';
import { call, newTenant, useTestApp } from './harness.ts';
import { assertProblem } from './security-suite.ts';

forEachEngine('accounts and organizations', (engine) => {
  const getApp = useTestApp(engine);

  it('lets the operator create and list accounts, and a vendor token see only its own', async () => {
    const t = getApp();
    const a = await newTenant(t);
    const b = await newTenant(t);
    const all = await call(t, 'GET', '/v1/accounts?limit=200', { token: t.operatorToken });
    const ids = all.json.data.map((x: { id: string }) => x.id);
    assert.ok(ids.includes(a.accountId) && ids.includes(b.accountId));
    const own = await call(t, 'GET', '/v1/accounts', { token: a.tokens.readOnly });
    assert.deepEqual(
      own.json.data.map((x: { id: string }) => x.id),
      [a.accountId],
    );
  });

  it('pages through organizations with a cursor, without repeats or gaps', async () => {
    const t = getApp();
    const tenant = await newTenant(t);
    for (let i = 0; i < 4; i++) {
      await call(t, 'POST', `/v1/accounts/${tenant.accountId}/organizations`, {
        token: tenant.tokens.admin,
        body: { name: `Org ${i}` },
      });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `&cursor=${cursor}` : '';
      const page = await call(t, 'GET', `/v1/accounts/${tenant.accountId}/organizations?limit=2${q}`, {
        token: tenant.tokens.admin,
      });
      seen.push(...page.json.data.map((o: { id: string }) => o.id));
      cursor = page.json.nextCursor;
    } while (cursor);
    assert.equal(seen.length, 5);
    assert.equal(new Set(seen).size, 5);
    assert.deepEqual([...seen].sort(), seen, 'ids are time-sortable and pages are ordered');
  });

  it('shows an organization token only its own organization', async () => {
    const t = getApp();
    const tenant = await newTenant(t);
    await call(t, 'POST', `/v1/accounts/${tenant.accountId}/organizations`, {
      token: tenant.tokens.admin,
      body: { name: 'Sibling' },
    });
    const list = await call(t, 'GET', `/v1/accounts/${tenant.accountId}/organizations`, {
      token: tenant.tokens.orgRead,
    });
    assert.deepEqual(
      list.json.data.map((o: { id: string }) => o.id),
      [tenant.organizationId],
    );
  });

  it('renames an organization and records from/to in the audit log', async () => {
    const t = getApp();
    const tenant = await newTenant(t);
    const url = `/v1/accounts/${tenant.accountId}/organizations/${tenant.organizationId}`;
    const before = (await call(t, 'GET', url, { token: tenant.tokens.admin })).json;
    const renamed = await call(t, 'PATCH', url, {
      token: tenant.tokens.orgAdmin,
      body: { name: 'Globex Europe' },
    });
    assert.equal(renamed.json.name, 'Globex Europe');
    const events = await call(
      t,
      'GET',
      `/v1/audit/events?accountId=${tenant.accountId}&targetId=${tenant.organizationId}`,
      {
        token: tenant.tokens.admin,
      },
    );
    const update = events.json.data.find((e: { action: string }) => e.action === 'organization.updated');
    assert.deepEqual(update.changes, { name: { from: before.name, to: 'Globex Europe' } });
    assert.equal(update.actorType, 'organization-token');
  });

  it('deletes an organization softly: it disappears and its tokens stop working', async () => {
    const t = getApp();
    const tenant = await newTenant(t);
    const url = `/v1/accounts/${tenant.accountId}/organizations/${tenant.organizationId}`;
    assert.equal((await call(t, 'DELETE', url, { token: tenant.tokens.admin })).status, 204);
    assertProblem(await call(t, 'GET', url, { token: tenant.tokens.admin }), 404, 'NOT_FOUND');
    assertProblem(await call(t, 'GET', '/v1/me', { token: tenant.tokens.orgAdmin }), 401, 'UNAUTHENTICATED');
    assertProblem(await call(t, 'DELETE', url, { token: tenant.tokens.admin }), 404, 'NOT_FOUND');
  });

  it('deletes an account: its tokens stop working and its audit chain still verifies', async () => {
    const t = getApp();
    const tenant = await newTenant(t);
    assert.equal(
      (await call(t, 'DELETE', `/v1/accounts/${tenant.accountId}`, { token: t.operatorToken })).status,
      204,
    );
    assertProblem(await call(t, 'GET', '/v1/me', { token: tenant.tokens.admin }), 401, 'UNAUTHENTICATED');
    const verify = await call(t, 'GET', `/v1/audit/verify?accountId=${tenant.accountId}`, {
      token: t.operatorToken,
    });
    assert.equal(verify.json.ok, true);
    assert.ok(verify.json.chains[0].checked >= 8);
  });

  it('refuses an organization under a missing account with 404', async () => {
    const t = getApp();
    const res = await call(t, 'POST', `/v1/accounts/${t.ctx.newId('account')}/organizations`, {
      token: t.operatorToken,
      body: { name: 'x' },
    });
    assertProblem(res, 404, 'NOT_FOUND');
  });
});
