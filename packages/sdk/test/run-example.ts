// Runs the example licensed app (examples/licensed-cli) as a child process, as a user would.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const EXAMPLE = fileURLToPath(new URL('../../../examples/licensed-cli/src/main.ts', import.meta.url));

/** Run the example app with `--json`; resolves its exit code and parsed output. */
export function runExample(env: NodeJS.ProcessEnv) {
  return new Promise<{ code: number | null; json: { licensed: boolean; code: string }; stderr: string }>(
    (resolve, reject) => {
      execFile(process.execPath, ['--import', 'tsx', EXAMPLE, '--json'], { env }, (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') return reject(error);
        resolve({ code: error ? (error.code as number) : 0, json: JSON.parse(stdout || '{}'), stderr });
      });
    },
  );
}
