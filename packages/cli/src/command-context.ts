// What every command derives from the global options (--url, --token, --json): where to send
// requests, with which token, and how to print. Also the errors that choose the exit code.
import { type Command, InvalidArgumentError } from 'commander';
import { type ApiClient, createApiClient, DEFAULT_URL } from './api-client.ts';
import { createOutput, type Output } from './output.ts';

/** The command line itself is wrong (missing token, bad flag value): exit code 2. */
export class UsageError extends Error {}

/** The command ran and already printed why it failed (e.g. a broken audit chain). */
export class CommandFailure extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
  }
}

/** Commands that keep the process running after their action returns (the server). */
export const LONG_RUNNING = new WeakSet<Command>();

interface GlobalOptions {
  url?: string;
  token?: string;
  json?: boolean;
}

export interface CommandContext {
  client: ApiClient;
  output: Output;
}

export function outputOf(command: Command): Output {
  return createOutput(Boolean((command.optsWithGlobals() as GlobalOptions).json));
}

/** Client and output for an API command; the flag wins over the environment variable. */
export function contextOf(command: Command, env: NodeJS.ProcessEnv = process.env): CommandContext {
  const options = command.optsWithGlobals() as GlobalOptions;
  const url = options.url || env.LICENTIA_URL || DEFAULT_URL;
  if (!URL.canParse(url)) throw new UsageError(`--url / LICENTIA_URL is not a URL: "${url}"`);
  const token = options.token || env.LICENTIA_TOKEN;
  if (!token) {
    throw new UsageError(
      'no API token: pass --token <token> or set LICENTIA_TOKEN (the server prints an operator token on its first start)',
    );
  }
  return { client: createApiClient({ url, token }), output: outputOf(command) };
}

/** The --account flag, or else the account the token belongs to (operators must name one). */
export async function accountOf(ctx: CommandContext, given: string | undefined): Promise<string> {
  if (given) return given;
  const me = await ctx.client.get<{ accountId: string | null }>('/v1/me');
  if (me.accountId) return me.accountId;
  // An operator token belongs to no account: act in the deployment's default account, if any.
  const accounts = await ctx.client.get<{ data: { id: string; isDefault: boolean }[] }>(
    '/v1/accounts?limit=200',
  );
  const fallback = accounts.data.find((a) => a.isDefault);
  if (!fallback)
    throw new UsageError('--account <id> is required with an operator token (there is no default account)');
  return fallback.id;
}

/** Commander argument parser for --limit: a whole number of 1 or more. */
export function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of 1 or more');
  return n;
}

/** Adds the --limit/--cursor pair every list command shares. */
export function withPaging(command: Command): Command {
  return command
    .option('--limit <n>', 'page size', positiveInteger)
    .option('--cursor <cursor>', 'continue after the page that printed this cursor');
}
