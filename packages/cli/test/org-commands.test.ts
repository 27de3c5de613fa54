// `licentia org …` against a served test app: the whole lifecycle, --account defaulting, problems.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachEngine, uniqueName } from '../../db/test/test-databases.ts';
import { newTenant } from '../../server/test/harness.ts';
import { useServedTestApp } from './cli-harness.ts';

forEachEngine('licentia org', (engine) => {
  const served = useServedTestApp(engine);

  it('creates, lists, gets, renames and deletes an organization of the named account', async () => {
    const s = served();
    const tenant = await newTenant(s.t);
    const op = s.t.operatorToken;
    const acct = ['--account', tenant.accountId];
    const created = await s.cli(op, 'org', 'create', 'Initech', ...acct, '--json');
    assert.equal(created.code, 0, created.stderr);
    const org = created.json();
    assert.equal(org.name, 'Initech');
    assert.equal(org.accountId, tenant.accountId);

    const table = await s.cli(op, 'org', 'list', ...acct);
    assert.match(table.stdout, /^ID\s+NAME\s+CREATED$/m);
    assert.match(table.stdout, new RegExp(`^${org.id}\\s+Initech\\s`, 'm'));

    const renamed = await s.cli(op, 'org', 'rename', org.id, 'Initrode', ...acct);
    assert.equal(renamed.code, 0, renamed.stderr);
    assert.match(renamed.stdout, /^name\s+Initrode$/m);
    assert.equal((await s.cli(op, 'org', 'get', org.id, ...acct, '--json')).json().name, 'Initrode');

    const deleted = await s.cli(op, 'org', 'delete', org.id, ...acct);
    assert.equal(deleted.code, 0, deleted.stderr);
    const gone = await s.cli(op, 'org', 'get', org.id, ...acct);
    assert.equal(gone.code, 1);
    assert.match(gone.stderr, /\(NOT_FOUND\)/);
  });

  it("defaults --account to the token's own account", async () => {
    const s = served();
    const tenant = await newTenant(s.t);
    const name = uniqueName('customer');
    const created = await s.cli(tenant.tokens.admin, 'org', 'create', name, '--json');
    assert.equal(created.code, 0, created.stderr);
    assert.equal(created.json().accountId, tenant.accountId);
    const listed = (await s.cli(tenant.tokens.readOnly, 'org', 'list', '--json')).json();
    assert.ok(listed.data.some((o: { name: string }) => o.name === name));
  });

  it('acts in the default account for an operator token without --account', async () => {
    const s = served();
    // Test files share the database: create the default account unless one exists already.
    await s.cli(s.t.operatorToken, 'account', 'create', 'Default vendor', '--default', '--json');
    const accounts = (await s.cli(s.t.operatorToken, 'account', 'list', '--limit', '200', '--json')).json();
    const fallback = accounts.data.find((a: { isDefault: boolean }) => a.isDefault);
    assert.ok(fallback, 'a default account exists');
    const r = await s.cli(s.t.operatorToken, 'org', 'create', uniqueName('customer'), '--json');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.json().accountId, fallback.id);
  });

  it('reports a refused write as exit 1 with the problem detail and code', async () => {
    const s = served();
    const tenant = await newTenant(s.t);
    const r = await s.cli(tenant.tokens.readOnly, 'org', 'create', 'Nope');
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^error: .+ \(FORBIDDEN\)$/m);
    assert.equal(r.stdout, '');
  });

  it("hides another tenant's organizations: NOT_FOUND, exit 1", async () => {
    const s = served();
    const [mine, theirs] = [await newTenant(s.t), await newTenant(s.t)];
    const r = await s.cli(
      mine.tokens.admin,
      'org',
      'get',
      theirs.organizationId,
      '--account',
      theirs.accountId,
    );
    assert.equal(r.code, 1);
    assert.match(r.stderr, /\(NOT_FOUND\)/);
  });
});
