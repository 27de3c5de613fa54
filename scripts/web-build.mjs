// Builds the web console when packages/web/dist is missing or older than its sources. Shared by
// `npm start` and the browser test, so both serve exactly what the sources say, without a watcher.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const WEB_DIR = join(REPO_ROOT, 'packages', 'web');
/** Absolute path of the built console; the server's webRoot. */
export const WEB_DIST = join(WEB_DIR, 'dist');

// Everything that changes the bundle. package.json is left out: dependency bumps come with an install.
const INPUTS = ['src', 'index.html', 'vite.config.ts'];

function newestChange(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // A deleted file shows only as a newer directory.
  for (const name of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, name)));
  return newest;
}

/** True when dist/index.html is missing or any source is newer than it. */
export function webBuildIsStale() {
  const built = join(WEB_DIST, 'index.html');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return INPUTS.map((p) => join(WEB_DIR, p)).some((p) => existsSync(p) && newestChange(p) > builtAt);
}

/**
 * Run `npx vite build` in packages/web if the build is stale. Resolves to whether it built;
 * rejects with vite's output when the build fails. `quiet` captures the output instead of
 * printing it (tests), which is still included in the error.
 */
export async function ensureWebBuilt({ quiet = false } = {}) {
  if (!webBuildIsStale()) return false;
  if (!quiet) process.stderr.write('Building the web console (packages/web)…\n');
  const child = spawn('npx', ['--no-install', 'vite', 'build'], {
    cwd: WEB_DIR,
    stdio: quiet ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'],
    shell: process.platform === 'win32', // npx is a .cmd script there.
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const code = await new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  if (code !== 0)
    throw new Error(`vite build failed in ${WEB_DIR} (exit ${code})${output ? `:\n${output}` : ''}`);
  return true;
}
