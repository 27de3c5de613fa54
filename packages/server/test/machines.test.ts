// Machine activation and deactivation by licensed apps, and the vendor's machine routes, on both
// engines. The limit holds under concurrency: 50 parallel activations admit exactly max × overage.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { forEachEngine } from '../../db/test/test-databases.ts';
import { call, newTenant, type Tenant, useTestApp } from './harness.ts';
import { activate, licenseFixture, productToken, validate } from './validation-helpers.ts';

const fp = (i: number) => i.toString(16).padStart(64, '0');

forEachEngine('machines', (engine) => {
  const getApp = useTestApp(engine);
  let tenant: Tenant;
  before(async () => {
    tenant = await newTenant(getApp());
  });

  for (const [overage, admitted] of [
    ['NO', 10],
    ['1.25X', 12],
  ] as const) {
    it(`admits exactly ${admitted} of 50 parallel activations with max 10 and overage ${overage}`, async () => {
      const t = getApp();
      const f = await licenseFixture(t, tenant, { model: 'FLOATING', maxMachines: 10, overage });
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          activate(t, { key: f.key, fingerprint: fp(1000 + i), hostname: `h${i}` }),
        ),
      );
      const created = results.filter((r) => r.status === 201 && r.json.activated === true);
      const refused = results.filter((r) => r.status === 200 && r.json.activated === false);
      assert.equal(created.length, admitted, results.map((r) => r.status).join(','));
      assert.equal(refused.length, 50 - admitted);
      for (const r of refused) assert.equal(r.json.code, 'TOO_MANY_MACHINES');
      const live = await t.database.db
        .selectFrom('machines')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('license_id', '=', f.licenseId)
        .where('deactivated_at', 'is', null)
        .executeTakeFirstOrThrow();
      assert.equal(Number(live.n), admitted);
    });
  }

  it('activates once per fingerprint: a repeat is idempotent (200) and counts no extra machine', async () => {
    const t = getApp();
    const f = await licenseFixture(t, tenant, { model: 'FLOATING', maxMachines: 1 });
    const first = await activate(t, {
      key: f.key,
      fingerprint: fp(1),
      platform: 'linux',
      components: { cpu: 'x' },
    });
    assert.equal(first.status, 201, first.body);
    assert.equal(first.json.valid, true);
    assert.ok(first.headers['licentia-signature'], 'activation answers are signed');
    const again = await activate(t, { key: f.key, fingerprint: fp(1) });
    assert.equal(again.status, 200);
    assert.equal(again.json.alreadyActivated, true);
    assert.equal(again.json.machine.id, first.json.machine.id);
    const second = await activate(t, { key: f.key, fingerprint: fp(2) });
    assert.equal(second.json.activated, false);
    assert.equal(second.json.code, 'TOO_MANY_MACHINES');
  });

  it('binds a node-locked license to its fingerprints and validates only there', async () => {
    const t = getApp();
    const f = await licenseFixture(
      t,
      tenant,
      { model: 'NODE_LOCKED', maxMachines: 2 },
      { boundFingerprints: [fp(7)] },
    );
    const elsewhere = await activate(t, { key: f.key, fingerprint: fp(8) });
    assert.equal(elsewhere.json.code, 'FINGERPRINT_MISMATCH');
    assert.equal((await activate(t, { key: f.key, fingerprint: fp(7) })).status, 201);
    assert.equal((await validate(t, { key: f.key, scope: { fingerprint: fp(7) } })).json.code, 'VALID');
    assert.equal(
      (await validate(t, { key: f.key, scope: { fingerprint: fp(8) } })).json.code,
      'FINGERPRINT_MISMATCH',
    );
  });

  it('starts a first-activation trial at the first activation, not at the second', async () => {
    const t = getApp();
    const f = await licenseFixture(t, tenant, {
      model: 'TRIAL',
      durationIso: 'P14D',
      trialStartsAt: 'FIRST_ACTIVATION',
      maxMachines: 3,
    });
    const read = () =>
      t.database.db
        .selectFrom('licenses')
        .select(['trial_activated_at', 'expires_at'])
        .where('id', '=', f.licenseId)
        .executeTakeFirstOrThrow();
    assert.equal((await read()).expires_at, null);
    const first = await activate(t, { key: f.key, fingerprint: fp(1) });
    const started = await read();
    assert.ok(started.trial_activated_at && started.expires_at);
    const days = (started.expires_at.getTime() - started.trial_activated_at.getTime()) / 86_400_000;
    assert.equal(days, 14);
    assert.equal(
      first.json.license.expiresAt,
      started.expires_at.toISOString(),
      'the answer shows the new expiry',
    );
    await activate(t, { key: f.key, fingerprint: fp(2) });
    assert.equal((await read()).expires_at?.getTime(), started.expires_at.getTime());
  });

  it('deactivates by fingerprint, freeing the seat, and audits both changes', async () => {
    const t = getApp();
    const f = await licenseFixture(t, tenant, { model: 'FLOATING', maxMachines: 1 });
    await activate(t, { key: f.key, fingerprint: fp(1) });
    const off = await call(t, 'POST', '/v1/licenses/deactivate', {
      body: { key: f.key, fingerprint: fp(1) },
    });
    assert.equal(off.status, 200, off.body);
    assert.equal(off.json.deactivated, true);
    const twice = await call(t, 'POST', '/v1/licenses/deactivate', {
      body: { key: f.key, fingerprint: fp(1) },
    });
    assert.equal(twice.json.deactivated, false);
    assert.equal(
      (await activate(t, { key: f.key, fingerprint: fp(2) })).status,
      201,
      'the seat is free again',
    );
    const events = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'actor_type'])
      .where('chain_id', '=', tenant.accountId)
      .where('action', 'like', 'machine.%')
      .execute();
    const actions = events.map((e) => e.action);
    assert.ok(actions.includes('machine.activated') && actions.includes('machine.deactivated'));
    assert.ok(events.every((e) => e.actor_type === 'license-key'));
  });

  it('lets a product token activate licenses of its product only', async () => {
    const t = getApp();
    const mine = await licenseFixture(t, tenant, { model: 'FLOATING', maxMachines: 5 });
    const theirs = await licenseFixture(t, tenant, { model: 'FLOATING', maxMachines: 5 });
    const token = await productToken(t, tenant, mine.productId);
    assert.equal((await activate(t, { licenseId: mine.licenseId, fingerprint: fp(1) }, token)).status, 201);
    const foreign = await activate(t, { licenseId: theirs.licenseId, fingerprint: fp(1) }, token);
    assert.equal(foreign.json.code, 'NOT_FOUND');
    assert.equal(foreign.json.activated, false);
  });

  it('rate-limits activations of one license (429)', async () => {
    const t = getApp();
    const f = await licenseFixture(t, tenant, { model: 'FLOATING', maxMachines: 1 });
    let status = 0;
    for (let i = 0; i < 80 && status !== 429; i++)
      status = (await activate(t, { key: f.key, fingerprint: fp(i) })).status;
    assert.equal(status, 429);
  });

  describe('vendor machine routes', () => {
    it('lists, force-deactivates and requests a transfer of machines', async () => {
      const t = getApp();
      const f = await licenseFixture(t, tenant, { model: 'FLOATING', maxMachines: 5 });
      const a = (await activate(t, { key: f.key, fingerprint: fp(1) })).json.machine;
      await activate(t, { key: f.key, fingerprint: fp(2) });
      const base = `/v1/accounts/${tenant.accountId}/licenses/${f.licenseId}`;
      const list = await call(t, 'GET', `${base}/machines`, { token: tenant.tokens.orgRead });
      assert.equal(list.status, 200, list.body);
      assert.deepEqual(
        list.json.data.map((m: { fingerprint: string }) => m.fingerprint),
        [fp(1), fp(2)],
      );
      const removed = await call(t, 'DELETE', `${base}/machines/${a.id}`, { token: tenant.tokens.orgAdmin });
      assert.equal(removed.status, 200, removed.body);
      assert.ok(removed.json.deactivatedAt);
      const all = await call(t, 'GET', `${base}/machines?includeDeactivated=true`, {
        token: tenant.tokens.admin,
      });
      assert.equal(all.json.data.length, 2);
      assert.equal(
        (await call(t, 'GET', `${base}/machines`, { token: tenant.tokens.admin })).json.data.length,
        1,
      );

      const transfer = await call(t, 'POST', `${base}/machine-transfer-requests`, {
        token: tenant.tokens.developer,
        body: { fromFingerprint: fp(2), toFingerprint: fp(3), reason: 'new motherboard' },
      });
      assert.equal(transfer.status, 201, transfer.body);
      assert.equal(transfer.json.kind, 'MACHINE_TRANSFER');
      assert.equal(transfer.json.status, 'PENDING');
      assert.deepEqual(Object.keys(transfer.json.payload).sort(), [
        'fromFingerprint',
        'machineId',
        'toFingerprint',
      ]);
      const stale = await call(t, 'POST', `${base}/machine-transfer-requests`, {
        token: tenant.tokens.developer,
        body: { fromFingerprint: fp(1), toFingerprint: fp(3) },
      });
      assert.equal(stale.status, 409, 'a deactivated machine cannot be transferred');
    });
  });
});
