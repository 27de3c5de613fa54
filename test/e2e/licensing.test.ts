// End-to-end licensing acceptance: the real server as a child process on a fresh data folder; a
// product, policy, organization and license made through the real CLI; the example licensed app
// activating and validating through the SDK; `licentia verify` on the signed token; SIGTERM.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { type CliResult, runCli } from '../../packages/cli/test/cli-harness.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const START_TIMEOUT_MS = 90_000;
const DEMO_MODELS = ['FLOATING', 'NODE_LOCKED', 'PERPETUAL', 'SITE', 'SUBSCRIPTION', 'TRIAL'];

/** The environment of a child without anything that could point it at another server or database. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of [
    'DATABASE_URL',
    'LICENTIA_BOOTSTRAP_TOKEN',
    'LICENTIA_DEMO',
    'LICENTIA_URL',
    'LICENTIA_TOKEN',
    'LICENSE_KEY',
    'NODE_TEST_CONTEXT',
  ])
    delete env[key];
  return { ...env, ...extra };
}

/** Spawns packages/server/src/main.ts on PORT=0 and resolves with its URL and operator token once it listens. */
function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string; token: string }> {
  const env = cleanEnv({ PORT: '0', HOST: '127.0.0.1', LICENTIA_DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts'], {
    cwd: ROOT,
    env,
  });
  let out = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no banner after ${START_TIMEOUT_MS} ms:\n${out}`)),
      START_TIMEOUT_MS,
    );
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${out}`));
    });
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const url = /running at (http:\/\/\S+)/.exec(out)?.[1];
      const token = /Operator token \(shown once, keep it safe\): (lt_op_\S+)/.exec(out)?.[1];
      if (url && token) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve({ child, url, token });
      }
    });
  });
}

/** Sends SIGTERM and resolves to the exit code (-1 when killed by a signal). */
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

/** Runs examples/licensed-cli with --json; resolves to its exit code and parsed outcome. */
function runLicensedApp(
  env: Record<string, string>,
): Promise<{ code: number | null; outcome: Record<string, unknown>; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'examples/licensed-cli/src/main.ts', '--json'],
      {
        cwd: ROOT,
        env: cleanEnv(env),
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      stdout += c;
    });
    child.stderr.setEncoding('utf8').on('data', (c: string) => {
      stderr += c;
    });
    child.once('error', reject);
    child.once('close', (code) => {
      const line = stdout.trim().split('\n').at(-1) ?? '';
      resolve({ code, outcome: line.startsWith('{') ? JSON.parse(line) : {}, stderr: `${stdout}${stderr}` });
    });
  });
}

const ok = (r: CliResult) => {
  assert.equal(r.code, 0, `${r.stdout}${r.stderr}`);
  return r.json();
};

describe('end-to-end licensing: CLI issues, the licensed app activates and validates', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'licentia-e2e-licensing-'));
  let server: { child: ChildProcess; url: string; token: string };
  let accountId = '';
  let licenseId = '';
  let key = '';
  const cli = (...args: string[]) =>
    runCli([...args, '--json'], { LICENTIA_URL: server.url, LICENTIA_TOKEN: server.token });
  const app = (machineId: string) =>
    runLicensedApp({
      LICENTIA_URL: server.url,
      LICENSE_KEY: key,
      LICENTIA_JWKS_URL: `${server.url}/v1/accounts/${accountId}/jwks.json`,
      LICENSED_APP_ID: 'com.example.e2e',
      APP_VERSION: '2.1.0',
      APP_FEATURES: 'EXPORT_PDF',
      MACHINE_ID: machineId,
      LICENTIA_CLOCK_FILE: join(dataDir, `${machineId}.clock`),
    });

  before(async () => {
    server = await startServer(dataDir);
    accountId = ok(await cli('account', 'list')).data[0].id;
  });

  after(async () => {
    if (server?.child.exitCode === null) server.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows a demo license of every model, each with its key and signed token, after the first start', async () => {
    const { data } = ok(await cli('license', 'list', '--account', accountId));
    assert.deepEqual(data.map((l: { model: string }) => l.model).sort(), DEMO_MODELS);
    for (const l of data) {
      assert.match(l.key, /^[0-9A-Z]{5}(-[0-9A-Z]{5})+$/);
      assert.equal(l.token.split('.').length, 3);
      assert.match(l.name, /^Globex — Acme Studio /);
    }
  });

  it('issues a license through the CLI: product, policy, organization, license', async () => {
    const acct = ['--account', accountId];
    const product = ok(await cli('product', 'create', '--code', 'e2e-cad', '--name', 'E2E CAD', ...acct));
    const policy = ok(
      await cli(
        'policy',
        'create',
        '--product',
        product.id,
        '--name',
        'CAD yearly',
        '--model',
        'SUBSCRIPTION',
        '--duration',
        'P1Y',
        '--max-machines',
        '1',
        '--overage',
        'NO',
        '--version-range',
        '>=2 <3',
        '--entitlement',
        'EXPORT_PDF',
        ...acct,
      ),
    );
    const org = ok(await cli('org', 'create', 'Initech', ...acct));
    const issued = ok(
      await cli('license', 'issue', '--policy', policy.id, '--org', org.id, '--name', 'Initech CAD', ...acct),
    );
    licenseId = issued.license.id;
    key = issued.key;
    assert.equal(issued.license.state, 'ACTIVE');
  });

  it('runs the example licensed app: it activates and validates (exit 0)', async () => {
    const first = await app('machine-a');
    assert.equal(first.code, 0, first.stderr);
    assert.equal(first.outcome.licensed, true);
    assert.equal(first.outcome.code, 'VALID');
    assert.equal(first.outcome.licenseId, licenseId);
    const again = await app('machine-a');
    assert.equal(again.code, 0, `activation is idempotent for the same machine: ${again.stderr}`);
  });

  it('refuses a second machine beyond the limit (exit 3, TOO_MANY_MACHINES)', async () => {
    const second = await app('machine-b');
    assert.equal(second.code, 3, second.stderr);
    assert.equal(second.outcome.licensed, false);
    assert.equal(second.outcome.code, 'TOO_MANY_MACHINES');
    const machines = ok(await cli('machine', 'list', '--license', licenseId, '--account', accountId));
    assert.equal(machines.data.length, 1);
  });

  it('verifies the token from `licentia license token` offline, and refuses it changed', async () => {
    const { token } = ok(await cli('license', 'token', licenseId, '--account', accountId));
    const path = join(dataDir, 'license.jwt');
    writeFileSync(path, token);
    const jwks = `${server.url}/v1/accounts/${accountId}/jwks.json`;
    const verdict = ok(await cli('verify', path, '--jwks', jwks));
    assert.deepEqual([verdict.valid, verdict.code, verdict.claims.sub], [true, 'VALID', licenseId]);
    const middle = Math.floor(token.length / 2);
    const changed = `${token.slice(0, middle)}${token[middle] === 'A' ? 'B' : 'A'}${token.slice(middle + 1)}`;
    const refused = await cli('verify', changed, '--jwks', jwks);
    assert.equal(refused.code, 1);
    assert.equal(refused.json().valid, false);
  });

  it('stops on SIGTERM with exit 0', async () => {
    assert.equal(await stop(server.child), 0);
  });
});
