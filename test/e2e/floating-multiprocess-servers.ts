// Real server processes on one PostgreSQL database for the multi-process floating test: a fresh
// database, a shared operator token and master key (so every process signs with the same account
// keys), spawn, wait for the banner, SIGKILL, and the teardown.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const START_TIMEOUT_MS = 120_000;

export interface ServerProcess {
  name: string;
  child: ChildProcess;
  url: string;
  /** Everything the process printed (stderr included), for failure messages. */
  output: () => string;
}

export interface Cluster {
  databaseUrl: string;
  operatorToken: string;
  /** Environment shared by every process of the cluster. */
  env: NodeJS.ProcessEnv;
  dispose(): Promise<void>;
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh database beside the one `baseUrl` names, and the environment the servers share. */
export async function createCluster(baseUrl: string, extraEnv: Record<string, string>): Promise<Cluster> {
  const name = `licentia_floatmp_${Date.now().toString(36)}_${process.pid}`;
  await admin(baseUrl, `CREATE DATABASE ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const operatorToken = `lt_op_${randomBytes(32).toString('base64url')}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'licentia-floatmp-'));
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of ['NODE_TEST_CONTEXT', 'LICENTIA_URL', 'LICENTIA_TOKEN', 'LICENSE_KEY']) delete env[key];
  Object.assign(env, {
    DATABASE_URL: url.toString(),
    HOST: '127.0.0.1',
    PORT: '0',
    LICENTIA_BOOTSTRAP_TOKEN: operatorToken,
    LICENTIA_MASTER_KEY: randomBytes(32).toString('base64url'),
    LICENTIA_DEMO: 'false',
    LICENTIA_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    ...extraEnv,
  });
  return {
    databaseUrl: url.toString(),
    operatorToken,
    env,
    async dispose() {
      await admin(baseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Spawns packages/server/src/main.ts and resolves once it prints the URL it listens on. */
export function startServerProcess(name: string, cluster: Cluster): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts'], {
    cwd: ROOT,
    env: cluster.env,
  });
  let out = '';
  const collect = (chunk: string) => {
    out += chunk;
  };
  child.stderr?.setEncoding('utf8').on('data', collect);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name}: no banner after ${START_TIMEOUT_MS} ms:\n${out}`));
    }, START_TIMEOUT_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code} before listening:\n${out}`));
    });
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      collect(chunk);
      const url = /running at (http:\/\/\S+)/.exec(out)?.[1];
      if (url && /Operator token[^\n]*\n/.test(out)) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve({ name, child, url, output: () => out });
      }
    });
  });
}

/** SIGKILL (no graceful shutdown, no check-ins) and resolve once the process is gone. */
export function killHard(server: ServerProcess): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    server.child.once('exit', () => resolve());
    server.child.kill('SIGKILL');
  });
}

/** Polls `condition` every `everyMs` until it holds or `timeoutMs` passes: waiting on a fact, not a sleep. */
export async function waitFor<T>(
  what: string,
  condition: () => Promise<T | null | undefined | false>,
  timeoutMs: number,
  everyMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
