// What the commands on an account's resources share: the --account flag (default: the token's own
// account), the path under /v1/accounts/{id}, and small option parsers.
import { type Command, InvalidArgumentError } from 'commander';
import { accountOf, type CommandContext, contextOf } from '../command-context.ts';

export type AccountOption = { account?: string };
export type Page<T> = { data: T[]; nextCursor: string | null };

/** A subcommand of `group` with --account; without it the token's own account is used. */
export function scoped(group: Command, name: string, description: string): Command {
  return group
    .command(name)
    .description(description)
    .option('--account <id>', "account that owns it (default: the token's account)");
}

/** The API context and the account a scoped command acts in. */
export async function scopedContext(
  command: Command,
  options: AccountOption,
): Promise<CommandContext & { accountId: string }> {
  const ctx = contextOf(command);
  return { ...ctx, accountId: await accountOf(ctx, options.account) };
}

/** `/v1/accounts/{accountId}/…segments`, every segment URL-encoded. */
export function accountPath(accountId: string, ...segments: string[]): string {
  return ['/v1/accounts', accountId, ...segments]
    .map((s, i) => (i === 0 ? s : encodeURIComponent(s)))
    .join('/');
}

/** Commander parser for a whole number ≥ 0 (limits, ranks, prices). */
export function wholeNumber(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n))
    throw new InvalidArgumentError('expected a whole number');
  return n;
}

/** Commander parser for a comma-separated list: `SE,NO` → ['SE', 'NO']. */
export function commaList(value: string): string[] {
  return value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

/** Commander collector for a repeatable option. */
export function repeatable(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** A typed value on the command line: a number, true/false, or else the text itself. */
export function typedValue(text: string): number | string | boolean {
  if (text === 'true' || text === 'false') return text === 'true';
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text;
}
