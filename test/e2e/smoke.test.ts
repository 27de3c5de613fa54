// End-to-end smoke test: the real server as a child process on a fresh data folder, driven over HTTP
// and through the real CLI; then graceful shutdown, and a restart that must reuse the same data.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../packages/cli/test/cli-harness.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WEB_BUILT = existsSync(join(ROOT, 'packages/web/dist/index.html'));
const START_TIMEOUT_MS = 90_000;

interface Server {
  child: ChildProcess;
  url: string;
  /** Everything the server printed on stdout up to its start-up banner. */
  banner: string;
}

/** Spawns packages/server/src/main.ts and resolves once its banner (URL and token line) is printed. */
function startServer(dataDir: string): Promise<Server> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1' };
  for (const key of ['DATABASE_URL', 'LICENTIA_BOOTSTRAP_TOKEN', 'LICENTIA_DEMO', 'NODE_TEST_CONTEXT'])
    delete env[key];
  Object.assign(env, { LICENTIA_DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts'], {
    cwd: ROOT,
    env,
  });
  let stdout = '';
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no banner after ${START_TIMEOUT_MS} ms:\n${stdout}${stderr}`)),
      START_TIMEOUT_MS,
    );
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${stdout}${stderr}`));
    });
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const url = /running at (http:\/\/\S+)/.exec(stdout)?.[1];
      if (url && /Operator token[^\n]*\n/.test(stdout)) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve({ child, url, banner: stdout });
      }
    });
  });
}

/** Polls /healthz until it answers 200: the condition the server is ready, not a fixed delay. */
async function waitForHealth(url: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${url}/healthz never answered`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Sends SIGTERM and resolves to the exit code, or rejects when the process outlives the grace time. */
function stop(child: ChildProcess, graceMs = 10_000): Promise<number | null> {
  return new Promise((resolve, reject) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    const timer = setTimeout(() => reject(new Error(`still running ${graceMs} ms after SIGTERM`)), graceMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(signal ? -1 : code);
    });
    child.kill('SIGTERM');
  });
}

describe('end-to-end smoke: server process, CLI, restart', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'licentia-smoke-'));
  let server: Server;
  let operatorToken: string;
  let accountId: string;
  const cli = (...args: string[]) =>
    runCli(args, { LICENTIA_URL: server.url, LICENTIA_TOKEN: operatorToken });

  before(async () => {
    server = await startServer(dataDir);
    operatorToken = /Operator token \(shown once, keep it safe\): (lt_op_\S+)/.exec(server.banner)?.[1] ?? '';
    assert.ok(operatorToken, `the first start prints an operator token:\n${server.banner}`);
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:[1-9]\d*$/, 'the banner shows the real bound port');
    await waitForHealth(server.url);
  });

  after(async () => {
    if (server?.child.exitCode === null) server.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates demo data on the first start: one account "Acme Software" with one organization', async () => {
    const accounts = await cli('account', 'list', '--json');
    assert.equal(accounts.code, 0, accounts.stderr);
    assert.deepEqual(
      accounts.json().data.map((a: { name: string }) => a.name),
      ['Acme Software'],
    );
    accountId = accounts.json().data[0].id;
    const orgs = await cli('org', 'list', '--account', accountId, '--json');
    assert.equal(orgs.code, 0, orgs.stderr);
    assert.equal(orgs.json().data.length, 1);
  });

  it('creates an organization through the CLI', async () => {
    const created = await cli('org', 'create', 'Smoke Test Ltd', '--account', accountId, '--json');
    assert.equal(created.code, 0, created.stderr);
    assert.equal(created.json().name, 'Smoke Test Ltd');
  });

  it('serves the web console at / to browsers', {
    skip: !WEB_BUILT && 'packages/web/dist is not built',
  }, async () => {
    const res = await fetch(`${server.url}/`, { headers: { accept: 'text/html' } });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/html/);
    assert.match(await res.text(), /<html/i);
  });

  it('exits 0 on SIGTERM, and a restart on the same data folder reuses it without a new token', async () => {
    assert.equal(await stop(server.child), 0);
    server = await startServer(dataDir);
    assert.doesNotMatch(server.banner, /lt_op_/, 'no second operator token is minted');
    await waitForHealth(server.url);
    const accounts = await cli('account', 'list', '--json');
    assert.equal(accounts.code, 0, accounts.stderr);
    assert.deepEqual(
      accounts.json().data.map((a: { id: string }) => a.id),
      [accountId],
    );
    const orgs = await cli('org', 'list', '--account', accountId, '--json');
    assert.ok(orgs.json().data.some((o: { name: string }) => o.name === 'Smoke Test Ltd'));
    assert.equal(await stop(server.child), 0);
  });
});
