// `npm start`: build the web console if its sources changed, then run the server entry
// (packages/server/src/main.ts through tsx) as a child with this terminal's stdio, forwarding
// SIGTERM/SIGINT to it and exiting with its exit code.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { constants } from 'node:os';
import { join } from 'node:path';
import { ensureWebBuilt, REPO_ROOT, WEB_DIST } from './web-build.mjs';

try {
  await ensureWebBuilt();
} catch (error) {
  // The API is useful without the console, so a failed build warns instead of stopping the server.
  process.stderr.write(`${error.message}\n`);
  process.stderr.write(
    existsSync(join(WEB_DIST, 'index.html'))
      ? 'Serving the previous build of the web console.\n'
      : 'Starting without the web console; the API is available.\n',
  );
}

const child = spawn(
  process.execPath,
  ['--import', 'tsx', 'packages/server/src/main.ts', ...process.argv.slice(2)],
  {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    // Its own process group, so Ctrl-C reaches the server once (forwarded below), not twice: a
    // second SIGINT would cut its graceful shutdown short.
    detached: process.platform !== 'win32',
  },
);

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  });
}

child.once('error', (error) => {
  process.stderr.write(`Could not start the server: ${error.message}\n`);
  process.exit(1);
});

child.once('exit', (code, signal) => {
  // Shell convention for a child killed by a signal: 128 + its number.
  process.exit(code ?? 128 + (constants.signals[signal] ?? 0));
});
