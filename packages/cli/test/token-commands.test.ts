// `licentia token …` against a served test app: the secret is shown once and works; revoke ends it.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachEngine } from '../../db/test/test-databases.ts';
import { newTenant } from '../../server/test/harness.ts';
import { useServedTestApp } from './cli-harness.ts';

forEachEngine('licentia token', (engine) => {
  const served = useServedTestApp(engine);

  it('creates a token whose printed secret authenticates the CLI', async () => {
    const s = served();
    const tenant = await newTenant(s.t);
    const r = await s.cli(tenant.tokens.admin, 'token', 'create', '--name', 'ci', '--role', 'read-only');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^kind\s+account$/m);
    assert.match(r.stdout, /shown only now/);
    const secret = /^secret\s+(lt_\S+)$/m.exec(r.stdout)?.[1];
    assert.ok(secret, r.stdout);
    const me = await s.cli(secret, 'account', 'get', tenant.accountId, '--json');
    assert.equal(me.code, 0, me.stderr);
    assert.equal(me.json().id, tenant.accountId);
  });

  it('infers an organization token from --org and returns {token, secret} with --json', async () => {
    const s = served();
    const tenant = await newTenant(s.t);
    const args = ['--name', 'portal', '--role', 'org-read', '--org', tenant.organizationId];
    const r = await s.cli(tenant.tokens.admin, '--json', 'token', 'create', ...args);
    assert.equal(r.code, 0, r.stderr);
    const { token, secret } = r.json();
    assert.equal(token.kind, 'organization');
    assert.equal(token.organizationId, tenant.organizationId);
    assert.deepEqual(token.roles, ['org-read']);
    assert.match(secret, /^lt_/);
  });

  it('lists and gets tokens without ever printing a secret', async () => {
    const s = served();
    const tenant = await newTenant(s.t);
    const table = await s.cli(tenant.tokens.admin, 'token', 'list');
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stdout, /^ID\s+KIND\s+NAME\s+ROLES\s+SCOPE\s+HINT\s+STATUS$/m);
    for (const secret of Object.values(tenant.tokens)) assert.ok(!table.stdout.includes(secret));
    const listed = (await s.cli(tenant.tokens.admin, 'token', 'list', '--json')).json();
    assert.equal(listed.data.length, 5);
    const id = listed.data[0].id as string;
    const got = await s.cli(tenant.tokens.admin, 'token', 'get', id, '--json');
    assert.equal(got.json().id, id);
    assert.equal(got.json().secret, undefined);
  });

  it('revokes a token: the CLI confirms, and the revoked secret is then refused (exit 1)', async () => {
    const s = served();
    const tenant = await newTenant(s.t);
    const created = await s.cli(
      tenant.tokens.admin,
      '--json',
      'token',
      'create',
      '--name',
      'x',
      '--role',
      'developer',
    );
    const { token, secret } = created.json();
    const revoked = await s.cli(tenant.tokens.admin, 'token', 'revoke', token.id);
    assert.equal(revoked.code, 0, revoked.stderr);
    assert.match(revoked.stdout, new RegExp(`Revoked token ${token.id} \\(x\\)`));
    const refused = await s.cli(secret, 'account', 'get', tenant.accountId);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /\(UNAUTHENTICATED\)/);
  });

  it('refuses to grant a role the caller lacks: exit 1 with the problem code', async () => {
    const s = served();
    const tenant = await newTenant(s.t);
    const r = await s.cli(tenant.tokens.developer, 'token', 'create', '--name', 'up', '--role', 'admin');
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^error: .+ \((FORBIDDEN|NOT_FOUND)\)$/m);
  });

  it('treats a missing --name or --role as a usage error: exit 2, nothing sent', async () => {
    const s = served();
    const r = await s.cli(s.t.operatorToken, 'token', 'create', '--role', 'admin');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--name <name>/);
  });
});
