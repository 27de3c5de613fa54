// Signing keys: every account gets one at creation, private halves are encrypted at rest, the JWKS
// serves public halves through a rotation overlap, and retired keys leave it.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { signingKeyRepository } from '@licentia/db';
import { forEachEngine } from '../../db/test/test-databases.ts';
import { KeyVault } from '../src/signing/key-vault.ts';
import { call, newTenant, useTestApp } from './harness.ts';
import { assertProblem } from './security-suite.ts';

forEachEngine('signing keys', (engine) => {
  const getApp = useTestApp(engine);

  it('gives a new account one ACTIVE Ed25519 key, served in its public JWKS', async () => {
    const t = getApp();
    const tenant = await newTenant(t);
    const keys = (
      await call(t, 'GET', `/v1/accounts/${tenant.accountId}/signing-keys`, { token: tenant.tokens.readOnly })
    ).json.data;
    assert.equal(keys.length, 1);
    assert.equal(keys[0].status, 'ACTIVE');
    const jwks = await call(t, 'GET', `/v1/accounts/${tenant.accountId}/jwks.json`);
    assert.deepEqual(jwks.json.keys, [keys[0].jwk]);
    assert.equal(jwks.json.keys[0].crv, 'Ed25519');
    assert.equal(jwks.json.keys[0].d, undefined, 'no private material in the JWKS');
  });

  it('stores private keys encrypted, bound to their account: the wrong master key or account cannot open them', async () => {
    const t = getApp();
    const tenant = await newTenant(t);
    const [row] = await signingKeyRepository.list(t.database.db, tenant.accountId);
    assert.match(row!.privateKeyEncrypted, /^v1\./);
    assert.ok(
      await t.ctx.keys.signer(t.database.db, tenant.accountId),
      'the server can decrypt with its master key',
    );
    const stranger = new KeyVault(new Uint8Array(32).fill(9));
    await assert.rejects(stranger.signer(t.database.db, tenant.accountId));
    const moved = { ...row!, accountId: (await newTenant(t)).accountId };
    const vault = t.ctx.keys as unknown as { decrypt(r: typeof row): unknown };
    assert.throws(() => vault.decrypt(moved));
  });

  it('rotates with overlap, then retires the old key out of the JWKS', async () => {
    const t = getApp();
    const tenant = await newTenant(t);
    const base = `/v1/accounts/${tenant.accountId}`;
    const first = (await call(t, 'GET', `${base}/signing-keys`, { token: tenant.tokens.admin })).json.data[0];
    const rotated = await call(t, 'POST', `${base}/signing-keys/rotate`, { token: tenant.tokens.admin });
    assert.equal(rotated.status, 201);
    const overlap = (await call(t, 'GET', `${base}/jwks.json`)).json.keys.map((k: { kid: string }) => k.kid);
    assert.deepEqual(overlap.sort(), [first.kid, rotated.json.kid].sort());
    assertProblem(
      await call(t, 'POST', `${base}/signing-keys/${rotated.json.kid}/retire`, {
        token: tenant.tokens.admin,
      }),
      409,
      'CONFLICT',
    );
    const retired = await call(t, 'POST', `${base}/signing-keys/${first.kid}/retire`, {
      token: tenant.tokens.admin,
    });
    assert.equal(retired.json.status, 'RETIRED');
    assert.deepEqual(
      (await call(t, 'GET', `${base}/jwks.json`)).json.keys.map((k: { kid: string }) => k.kid),
      [rotated.json.kid],
    );
    const actions = (
      await call(t, 'GET', `/v1/audit/events?accountId=${tenant.accountId}&limit=500`, {
        token: tenant.tokens.admin,
      })
    ).json.data
      .map((e: { action: string }) => e.action)
      .filter((a: string) => a.startsWith('signing-key.'));
    assert.deepEqual(actions, ['signing-key.created', 'signing-key.rotated', 'signing-key.retired']);
  });

  it('serves the default account at /.well-known/jwks.json and 404s a missing account JWKS', async () => {
    const t = getApp();
    // Test files share the database: make a default account unless another file already did.
    await call(t, 'POST', '/v1/accounts', {
      token: t.operatorToken,
      body: { name: 'Default vendor', isDefault: true },
    });
    const account = await t.database.db
      .selectFrom('accounts')
      .select('id')
      .where('is_default', '=', true)
      .executeTakeFirstOrThrow();
    const wellKnown = await call(t, 'GET', '/.well-known/jwks.json');
    const own = await call(t, 'GET', `/v1/accounts/${account.id}/jwks.json`);
    assert.equal(wellKnown.json.keys.length >= 1, true);
    assert.deepEqual(wellKnown.json, own.json);
    assertProblem(await call(t, 'GET', `/v1/accounts/${t.ctx.newId('account')}/jwks.json`), 404, 'NOT_FOUND');
  });
});
