// The `licentia` program: global options, one command group per file, and the mapping from what
// went wrong to an exit code (0 ok, 1 the operation failed, 2 the command line was wrong).
import { createRequire } from 'node:module';
import { Command, CommanderError } from 'commander';
import { ApiError, ConnectionError } from './api-client.ts';
import { CommandFailure, LONG_RUNNING, UsageError } from './command-context.ts';
import { registerAccountCommands } from './commands/account.ts';
import { registerApprovalCommands } from './commands/approval.ts';
import { registerAuditCommands } from './commands/audit.ts';
import { registerChangeRequestCommands } from './commands/change-request.ts';
import { registerCollectCommand } from './commands/collect.ts';
import { registerFeatureCommands } from './commands/feature.ts';
import { registerFloatingCommands } from './commands/floating.ts';
import { registerImportCommand } from './commands/import.ts';
import { registerLicenseCommands } from './commands/license.ts';
import { registerMachineCommands } from './commands/machine.ts';
import { registerMigrateCommand } from './commands/migrate.ts';
import { registerOrgCommands } from './commands/org.ts';
import { registerPolicyCommands } from './commands/policy.ts';
import { registerProductCommands } from './commands/product.ts';
import { registerReleaseCommands } from './commands/release.ts';
import { registerServeCommand } from './commands/serve.ts';
import { registerStatusCommand } from './commands/status.ts';
import { registerTokenCommands } from './commands/token.ts';
import { registerUsageCommands } from './commands/usage.ts';
import { registerVerifyCommand } from './commands/verify.ts';

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

export function buildProgram(): Command {
  const program = new Command('licentia');
  // Settings made before .command() are inherited by every subcommand, so set them first.
  program
    .description('Licentia: open-source software license management. Run the server or manage it over HTTP.')
    .version(version)
    .option('--url <url>', 'server URL (env LICENTIA_URL, default http://127.0.0.1:8080)')
    .option('--token <token>', 'API token (env LICENTIA_TOKEN)')
    .option('--json', 'print machine-readable JSON instead of tables')
    .configureHelp({ showGlobalOptions: true })
    .showHelpAfterError('(add --help for usage)')
    .exitOverride();
  registerServeCommand(program);
  registerMigrateCommand(program);
  registerAccountCommands(program);
  registerOrgCommands(program);
  registerTokenCommands(program);
  registerAuditCommands(program);
  registerProductCommands(program);
  registerReleaseCommands(program);
  registerFeatureCommands(program);
  registerPolicyCommands(program);
  registerLicenseCommands(program);
  registerMachineCommands(program);
  registerStatusCommand(program);
  registerFloatingCommands(program);
  registerApprovalCommands(program);
  registerChangeRequestCommands(program);
  registerVerifyCommand(program);
  registerUsageCommands(program);
  registerCollectCommand(program);
  registerImportCommand(program);
  return program;
}

export interface RunResult {
  exitCode: number;
  /** The command started something that keeps running (the server): do not exit the process. */
  keepAlive: boolean;
}

/** Runs the CLI on argv (without node and script). */
export async function run(argv: string[]): Promise<RunResult> {
  let keepAlive = false;
  const done = (exitCode: number) => ({ exitCode, keepAlive: keepAlive && exitCode === 0 });
  const fail = (message: string, exitCode: number) => {
    process.stderr.write(`error: ${message}\n`);
    return done(exitCode);
  };
  const program = buildProgram().hook('preAction', (_program, action) => {
    keepAlive = LONG_RUNNING.has(action);
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return done(0);
  } catch (error) {
    // Commander has already printed its message (or the help); only the exit code is left.
    if (error instanceof CommanderError) return done(error.exitCode === 0 ? 0 : 2);
    if (error instanceof CommandFailure) return done(error.exitCode);
    if (error instanceof UsageError) return fail(error.message, 2);
    if (error instanceof ApiError) return fail(`${error.message} (${error.code})`, 1);
    if (error instanceof ConnectionError) return fail(error.message, 1);
    return fail((error as Error)?.stack ?? String(error), 1);
  }
}
