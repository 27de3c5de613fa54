// What the CLI does before and around HTTP: help on every group, usage errors (exit 2), a missing
// token, an unreachable server, and the environment variables that stand in for --url/--token.
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { describe, it } from 'node:test';
import { forEachEngine } from '../../db/test/test-databases.ts';
import { newTenant } from '../../server/test/harness.ts';
import { runCli, useServedTestApp } from './cli-harness.ts';

/** A port nobody listens on: bind one, note it, close it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('licentia without a server', () => {
  for (const group of ['serve', 'migrate', 'account', 'org', 'token', 'audit']) {
    it(`prints help for "${group}" with exit 0`, async () => {
      const r = await runCli([group, '--help']);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, new RegExp(`^Usage: licentia ${group} `, 'm'));
      assert.match(r.stdout, /--json/); // global options are listed on every command
    });
  }

  it('prints top-level help naming every command group', async () => {
    const r = await runCli(['--help']);
    assert.equal(r.code, 0);
    for (const group of ['serve', 'migrate', 'account', 'org', 'token', 'audit'])
      assert.match(r.stdout, new RegExp(`\\b${group}\\b`));
  });

  it('exits 2 with a message on an unknown command, an unknown option or a group without subcommand', async () => {
    for (const args of [
      ['frobnicate'],
      ['account', 'list', '--frob'],
      ['token'],
      ['account', 'list', '--limit', '0'],
    ]) {
      const r = await runCli(args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.notEqual(r.stderr, '');
    }
  });

  it('explains a missing token with exit 2 and names --token and LICENTIA_TOKEN', async () => {
    const r = await runCli(['account', 'list']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^error: no API token: pass --token <token> or set LICENTIA_TOKEN/m);
  });

  it('explains an unreachable server with exit 1, naming the URL it tried', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const r = await runCli(['account', 'list', '--url', url, '--token', 'lt_op_x']);
    assert.equal(r.code, 1);
    assert.match(
      r.stderr,
      new RegExp(`^error: cannot connect to Licentia at ${url} \\(ECONNREFUSED\\)`, 'm'),
    );
  });
});

forEachEngine('licentia global options', (engine) => {
  const served = useServedTestApp(engine);

  it('lets --url and --token override LICENTIA_URL and LICENTIA_TOKEN', async () => {
    const s = served();
    const tenant = await newTenant(s.t);
    const flags = ['--url', s.url, '--token', tenant.tokens.readOnly];
    const env = { LICENTIA_URL: 'http://127.0.0.1:9', LICENTIA_TOKEN: 'lt_op_wrong' };
    const r = await runCli([...flags, 'account', 'get', tenant.accountId, '--json'], env);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.json().id, tenant.accountId);
  });

  it('reports an invalid token as exit 1 with UNAUTHENTICATED', async () => {
    const s = served();
    const r = await s.cli('lt_op_notarealtoken', 'account', 'list');
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^error: .+ \(UNAUTHENTICATED\)$/m);
  });
});
