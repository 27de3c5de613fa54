// Runs the real `licentia` executable (a child process) against an in-process test app that listens
// on a free port, so the tests cover argument parsing, HTTP, output and exit codes together.
import { spawn } from 'node:child_process';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Engine } from '@licentia/db';
import { startTestApp, type TestApp } from '../../server/test/harness.ts';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const CLI_BIN = fileURLToPath(new URL('../bin/licentia.mjs', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON shapes.
  json: () => any;
}

/** The environment of the child without anything that could point it elsewhere. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ['LICENTIA_URL', 'LICENTIA_TOKEN', 'NODE_TEST_CONTEXT']) delete env[key];
  return { ...env, ...extra };
}

export function runCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_BIN, ...args], { cwd: REPO_ROOT, env: cleanEnv(env) });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr, json: () => JSON.parse(stdout) }));
  });
}

export interface ServedApp {
  t: TestApp;
  url: string;
  /** Runs the CLI against this app with the given token (none when null). */
  cli(token: string | null, ...args: string[]): Promise<CliResult>;
}

/** A test app served over real HTTP for the current suite; the getter is valid inside tests. */
export function useServedTestApp(engine: Engine): () => ServedApp {
  let served: ServedApp | undefined;
  before(async () => {
    const t = await startTestApp(engine);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    if (!address || typeof address !== 'object') throw new Error('test app is not listening');
    const url = `http://127.0.0.1:${address.port}`;
    served = {
      t,
      url,
      cli: (token, ...args) =>
        runCli(args, { LICENTIA_URL: url, ...(token ? { LICENTIA_TOKEN: token } : {}) }),
    };
  });
  after(async () => {
    await served?.t.app.close();
    await served?.t.database.close();
  });
  return () => {
    if (!served) throw new Error('served test app not started');
    return served;
  };
}
