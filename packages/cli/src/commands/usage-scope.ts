// What the usage commands (usage, collect) share: the organization they act in (--org, or the
// organization token's own), its API path, and the streamed upload of a usage file.
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { Query } from '../api-client.ts';
import { accountOf, type CommandContext, contextOf, UsageError } from '../command-context.ts';

export type OrgOptions = { account?: string; org?: string };

export const USAGE_FORMATS = ['flexnet-debug', 'lmstat', 'csv'] as const;

/** The answer of an import (see docs/usage.md). */
export interface ImportReport {
  events: Record<string, number>;
  new: number;
  users: number;
  features: number;
  first: string | null;
  last: string | null;
  skipped: { line: number; reason: string }[];
  lines: number;
  skippedTotal: number;
  warnings: { line: number; reason: string }[];
  snapshot?: { status: string; takenAt: string | null };
  licenseServerId: string;
}

/** Adds --account and --org to a usage subcommand. */
export function orgScoped(group: Command, name: string, description: string): Command {
  return group
    .command(name)
    .description(description)
    .option('--account <id>', "vendor account (default: the token's account)")
    .option('--org <id>', "customer organization (default: an organization token's own)");
}

/** Client, output and the `/v1/accounts/{a}/organizations/{o}` base path of the command. */
export async function orgContext(
  command: Command,
  options: OrgOptions,
): Promise<CommandContext & { base: string }> {
  const ctx = contextOf(command);
  let org = options.org;
  let accountId = options.account;
  if (!org || !accountId) {
    const me = await ctx.client.get<{ accountId: string | null; organizationId: string | null }>('/v1/me');
    org ??= me.organizationId ?? undefined;
    accountId ??= me.accountId ?? (await accountOf(ctx, undefined));
  }
  if (!org) throw new UsageError('--org <id> is required unless the token is an organization token');
  return {
    ...ctx,
    base: `/v1/accounts/${encodeURIComponent(accountId)}/organizations/${encodeURIComponent(org)}`,
  };
}

/** Commander parser for --format. */
export function usageFormat(value: string): (typeof USAGE_FORMATS)[number] {
  if (!(USAGE_FORMATS as readonly string[]).includes(value))
    throw new InvalidArgumentError(`expected one of ${USAGE_FORMATS.join(', ')}`);
  return value as (typeof USAGE_FORMATS)[number];
}

/** Streams a body to the import route. */
export function uploadUsage(
  ctx: CommandContext & { base: string },
  query: Query,
  body: AsyncIterable<Uint8Array> | Uint8Array,
): Promise<ImportReport> {
  return ctx.client.upload<ImportReport>(
    `${ctx.base}/usage/imports`,
    query,
    body,
    'application/octet-stream',
  );
}

/** "OUT 12, IN 10, DENIED 3" — kinds with at least one event. */
export function kindSummary(events: Record<string, number>): string {
  const parts = Object.entries(events)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`);
  return parts.length > 0 ? parts.join(', ') : 'no events';
}
