// Process entry point: parse the environment once (fail fast), start, print where and how to sign
// in, and shut down gracefully on SIGTERM/SIGINT.
import { ConfigError, loadConfig } from './config.ts';
import { startServer } from './start-server.ts';

export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env, process.cwd());
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const server = await startServer(config, { issueOperatorToken: argv.includes('--issue-operator-token') });
  const lines = [
    '',
    `  Licentia is running at ${server.url}`,
    `  API docs: ${server.url}/docs    Storage: ${config.databaseUrl ? 'PostgreSQL' : `embedded PGlite in ${config.dataDir}`}`,
    server.operatorToken
      ? `  Operator token (shown once, keep it safe): ${server.operatorToken}`
      : config.bootstrapToken
        ? '  Operator token: the one in LICENTIA_BOOTSTRAP_TOKEN'
        : '  Operator token: shown on the first start. Lost it? Restart with --issue-operator-token',
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      server.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
