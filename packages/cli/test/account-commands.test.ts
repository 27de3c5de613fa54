// `licentia account …` against a served test app: human tables, --json, and operator-only actions.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachEngine, uniqueName } from '../../db/test/test-databases.ts';
import { newTenant } from '../../server/test/harness.ts';
import { useServedTestApp } from './cli-harness.ts';

forEachEngine('licentia account', (engine) => {
  const served = useServedTestApp(engine);

  it('creates an account and prints its id and name as key-value lines', async () => {
    const s = served();
    const name = uniqueName('vendor');
    const r = await s.cli(s.t.operatorToken, 'account', 'create', name);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^id\s+acct_[0-9a-z]{26}$/m);
    assert.match(r.stdout, new RegExp(`^name\\s+${name}$`, 'm'));
  });

  it('prints with --json exactly the object the API returned', async () => {
    const s = served();
    const name = uniqueName('vendor');
    const created = await s.cli(s.t.operatorToken, '--json', 'account', 'create', name);
    assert.equal(created.code, 0, created.stderr);
    const account = created.json();
    assert.equal(account.name, name);
    const got = await s.cli(s.t.operatorToken, 'account', 'get', account.id, '--json');
    assert.deepEqual(got.json(), account);
  });

  it('lists accounts as a table with a header row, and as {data, nextCursor} with --json', async () => {
    const s = served();
    const tenant = await newTenant(s.t);
    const table = await s.cli(tenant.tokens.admin, 'account', 'list');
    assert.equal(table.code, 0, table.stderr);
    const [header, ...rows] = table.stdout.trim().split('\n');
    assert.match(header ?? '', /^ID\s+NAME\s+DEFAULT\s+CREATED$/);
    assert.deepEqual(
      rows.map((row) => row.split(/\s+/)[0]),
      [tenant.accountId],
    );
    const json = (await s.cli(tenant.tokens.admin, 'account', 'list', '--json')).json();
    assert.deepEqual(
      json.data.map((a: { id: string }) => a.id),
      [tenant.accountId],
    );
    assert.equal(json.nextCursor, null);
  });

  it('pages with --limit and prints the cursor that continues the list', async () => {
    const s = served();
    for (let i = 0; i < 2; i++) await s.cli(s.t.operatorToken, 'account', 'create', uniqueName('page'));
    const first = await s.cli(s.t.operatorToken, 'account', 'list', '--limit', '1');
    const cursor = /--cursor (\S+)/.exec(first.stdout)?.[1];
    assert.ok(cursor, first.stdout);
    const next = await s.cli(
      s.t.operatorToken,
      'account',
      'list',
      '--limit',
      '1',
      '--cursor',
      cursor,
      '--json',
    );
    assert.equal(next.code, 0, next.stderr);
    assert.equal(next.json().data.length, 1);
  });

  it('deletes an account with an operator token; a later get answers NOT_FOUND with exit 1', async () => {
    const s = served();
    const tenant = await newTenant(s.t);
    const deleted = await s.cli(s.t.operatorToken, 'account', 'delete', tenant.accountId);
    assert.equal(deleted.code, 0, deleted.stderr);
    assert.match(deleted.stdout, new RegExp(`Deleted account ${tenant.accountId}`));
    const got = await s.cli(s.t.operatorToken, 'account', 'get', tenant.accountId);
    assert.equal(got.code, 1);
    assert.match(got.stderr, /^error: .+ \(NOT_FOUND\)$/m);
  });

  it('refuses account deletion to an account admin: exit 1 and the problem code', async () => {
    const s = served();
    const tenant = await newTenant(s.t);
    const r = await s.cli(tenant.tokens.admin, 'account', 'delete', tenant.accountId);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /\((FORBIDDEN|NOT_FOUND)\)/);
    assert.equal((await s.cli(tenant.tokens.admin, 'account', 'get', tenant.accountId)).code, 0);
  });
});
