// Acceptance: `licentia audit verify` detects a forged audit event and names it, while an untouched
// tenant's chain still verifies; `audit export` prints the chain as JSON lines.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachEngine } from '../../db/test/test-databases.ts';
import { call, newTenant, type TestApp } from '../../server/test/harness.ts';
import { useServedTestApp } from './cli-harness.ts';

/** Rewrites one stored event the way an attacker with database access would: around the triggers. */
async function forge(t: TestApp, eventId: string): Promise<void> {
  const session = await t.database.session();
  try {
    await session.script('SET session_replication_role = replica');
    await session.query(`UPDATE audit_events SET changes = '{"forged":true}' WHERE id = $1`, [eventId]);
  } finally {
    await session.script('RESET session_replication_role');
    session.release();
  }
}

forEachEngine('licentia audit', (engine) => {
  const served = useServedTestApp(engine);

  it('verify exits 1 naming the forged event, id and seq, while another tenant still verifies', async () => {
    const s = served();
    const [victim, bystander] = [await newTenant(s.t), await newTenant(s.t)];
    const op = s.t.operatorToken;
    const events = await call(s.t, 'GET', `/v1/audit/events?accountId=${victim.accountId}`, { token: op });
    assert.ok(events.json.data.length >= 5, 'the tenant has several audit events');
    const target = events.json.data[2] as { id: string; seq: number };

    const before = await s.cli(op, 'audit', 'verify', '--account', victim.accountId);
    assert.equal(before.code, 0, before.stdout + before.stderr);

    await forge(s.t, target.id);
    const after = await s.cli(op, 'audit', 'verify', '--account', victim.accountId);
    assert.equal(after.code, 1);
    assert.match(after.stdout, new RegExp(`BROKEN at event ${target.id} \\(seq ${target.seq}\\): \\S`));

    const json = await s.cli(op, 'audit', 'verify', '--account', victim.accountId, '--json');
    assert.equal(json.code, 1);
    assert.equal(json.json().ok, false);
    assert.equal(json.json().chains[0].firstBroken.id, target.id);

    const intact = await s.cli(
      bystander.tokens.readOnly,
      'audit',
      'verify',
      '--account',
      bystander.accountId,
    );
    assert.equal(intact.code, 0, intact.stdout + intact.stderr);
    assert.match(intact.stdout, /^\d+ events verified in 1 chain$/m);
  });

  it('verify reports an intact chain as "N events verified in 1 chain" with exit 0', async () => {
    const s = served();
    const tenant = await newTenant(s.t);
    const events = await call(s.t, 'GET', `/v1/audit/events?accountId=${tenant.accountId}`, {
      token: s.t.operatorToken,
    });
    const r = await s.cli(tenant.tokens.admin, 'audit', 'verify');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout.trim(), `${events.json.data.length} events verified in 1 chain`);
  });

  it('export prints the whole chain as one JSON object per line, oldest first', async () => {
    const s = served();
    const tenant = await newTenant(s.t);
    const r = await s.cli(tenant.tokens.readOnly, 'audit', 'export');
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    assert.ok(lines.length >= 5);
    assert.ok(lines.every((e) => e.chainId === tenant.accountId));
    assert.deepEqual(
      lines.map((e) => e.seq),
      lines.map((_, i) => i + 1),
    );
  });
});
