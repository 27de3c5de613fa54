// `licentia serve`: runs the server exactly like packages/server's main, configured by the environment.
// The server package is imported only here, so every other command starts without loading it.
import type { Command } from 'commander';
import { LONG_RUNNING } from '../command-context.ts';

const ENVIRONMENT_HELP = `
Configured by the environment (see the README for defaults):
  PORT, HOST, DATABASE_URL, LICENTIA_DATA_DIR, LICENTIA_BOOTSTRAP_TOKEN,
  LICENTIA_MASTER_KEY, LICENTIA_DEMO, LOG_LEVEL`;

export function registerServeCommand(program: Command): void {
  const serve = program
    .command('serve')
    .description('Run the Licentia server (stops gracefully on SIGTERM or Ctrl-C)')
    .option('--issue-operator-token', 'mint and print a new operator token even though one exists')
    .addHelpText('after', ENVIRONMENT_HELP)
    .action(async (options: { issueOperatorToken?: boolean }) => {
      const { main } = await import('@licentia/server');
      // main prints the URL and token and installs the signal handlers; the open server keeps the
      // process alive after this action returns.
      await main(options.issueOperatorToken ? ['--issue-operator-token'] : []);
    });
  LONG_RUNNING.add(serve);
}
