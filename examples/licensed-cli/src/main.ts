// A tiny licensed command-line app: checks its license (online, or offline with --offline <file>),
// prints the result, and exits 0 when licensed, 3 when not, 2 on a configuration error.
// Run: node --import tsx examples/licensed-cli/src/main.ts [--offline <license-file>] [--json]
import { ConfigError, parseConfig } from './config.ts';
import { checkOffline, checkOnline, type Outcome } from './license-check.ts';

const EXIT_LICENSED = 0;
const EXIT_CONFIG = 2;
const EXIT_NOT_LICENSED = 3;

function print(outcome: Outcome, json: boolean): void {
  if (json) {
    console.log(JSON.stringify(outcome));
    return;
  }
  const lines = [
    outcome.licensed
      ? `licensed (${outcome.code}, ${outcome.mode})`
      : `NOT licensed: ${outcome.code} (${outcome.mode})`,
    `  ${outcome.detail}`,
  ];
  if (outcome.licenseId) lines.push(`  license: ${outcome.licenseId}`);
  if (outcome.expiresAt) lines.push(`  expires: ${outcome.expiresAt}`);
  if (outcome.warnings?.length) lines.push(`  warnings: ${outcome.warnings.join(', ')}`);
  (outcome.licensed ? console.log : console.error)(lines.join('\n'));
}

async function main(): Promise<number> {
  let config: ReturnType<typeof parseConfig>;
  try {
    config = parseConfig(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    return EXIT_CONFIG;
  }
  const outcome = config.offlineFile
    ? await checkOffline(config, config.offlineFile)
    : await checkOnline(config);
  print(outcome, config.json);
  if (!outcome.licensed) return EXIT_NOT_LICENSED;
  // The licensed work of the app would start here.
  if (!config.json) console.log('Hello from a licensed app.');
  return EXIT_LICENSED;
}

process.exitCode = await main().catch((error: unknown) => {
  console.error(`licensed-cli: ${error instanceof Error ? error.message : String(error)}`);
  return EXIT_CONFIG;
});
