// The audit log over HTTP: every mutation appends in its own transaction, chains verify, and a
// stored event changed behind the triggers' back is named by /v1/audit/verify.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachEngine } from '../../db/test/test-databases.ts';
import { call, newTenant, type TestApp, useTestApp } from './harness.ts';

async function tamper(t: TestApp, eventId: string) {
  const session = await t.database.session();
  try {
    // As a superuser, bypass the append-only triggers: what an attacker with DB access could do.
    await session.script('SET session_replication_role = replica');
    await session.query(`UPDATE audit_events SET changes = '{"forged":true}'::jsonb WHERE id = $1`, [
      eventId,
    ]);
    await session.script('SET session_replication_role = DEFAULT');
  } finally {
    session.release();
  }
}

forEachEngine('audit log', (engine) => {
  const getApp = useTestApp(engine);

  it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    const t = getApp();
    await newTenant(t);
    for (const statement of [
      'UPDATE audit_events SET action = $1',
      'DELETE FROM audit_events WHERE action <> $1',
      'TRUNCATE audit_events',
    ]) {
      const session = await t.database.session();
      try {
        await assert.rejects(session.query(statement, statement.includes('$1') ? ['x'] : []), /append-only/);
      } finally {
        session.release();
      }
    }
  });

  it('records actor, action, target and request id for each change, in order', async () => {
    const t = getApp();
    const tenant = await newTenant(t);
    const res = await call(t, 'POST', `/v1/accounts/${tenant.accountId}/organizations`, {
      token: tenant.tokens.admin,
      body: { name: 'Hooli' },
      headers: { 'x-request-id': 'req-audit-1' },
    });
    const events = (
      await call(t, 'GET', `/v1/audit/events?accountId=${tenant.accountId}&targetId=${res.json.id}`, {
        token: tenant.tokens.admin,
      })
    ).json.data;
    assert.equal(events.length, 1);
    assert.equal(events[0].action, 'organization.created');
    assert.equal(events[0].requestId, 'req-audit-1');
    assert.equal(events[0].actorType, 'account-token');
    assert.deepEqual(events[0].changes, { name: 'Hooli' });
  });

  it('names the first broken event after tampering, while other chains still verify', async () => {
    const t = getApp();
    const victim = await newTenant(t);
    const bystander = await newTenant(t);
    const events = (
      await call(t, 'GET', `/v1/audit/events?accountId=${victim.accountId}`, { token: t.operatorToken })
    ).json.data;
    const target = events[2];
    await tamper(t, target.id);
    const broken = await call(t, 'GET', `/v1/audit/verify?accountId=${victim.accountId}`, {
      token: victim.tokens.readOnly,
    });
    assert.equal(broken.json.ok, false);
    assert.deepEqual(broken.json.chains[0].firstBroken, {
      id: target.id,
      seq: target.seq,
      reason: 'hash-mismatch',
    });
    const intact = await call(t, 'GET', `/v1/audit/verify?accountId=${bystander.accountId}`, {
      token: bystander.tokens.readOnly,
    });
    assert.equal(intact.json.ok, true);
  });

  it('exports a chain as JSON lines in order', async () => {
    const t = getApp();
    const tenant = await newTenant(t);
    const res = await call(t, 'GET', `/v1/audit/export?accountId=${tenant.accountId}`, {
      token: tenant.tokens.admin,
    });
    assert.match(String(res.headers['content-type']), /application\/x-ndjson/);
    const lines = res.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.deepEqual(
      lines.map((e) => e.seq),
      lines.map((_, i) => i + 1),
    );
  });

  it('keeps appends of concurrent requests strictly sequential within a chain', async () => {
    const t = getApp();
    const tenant = await newTenant(t);
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        call(t, 'POST', `/v1/accounts/${tenant.accountId}/organizations`, {
          token: tenant.tokens.admin,
          body: { name: `C${i}` },
        }),
      ),
    );
    const verify = await call(t, 'GET', `/v1/audit/verify?accountId=${tenant.accountId}`, {
      token: tenant.tokens.admin,
    });
    assert.equal(verify.json.ok, true);
    assert.ok(verify.json.chains[0].checked >= 19);
  });
});
