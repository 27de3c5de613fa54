// `licentia usage …`: import usage files (streamed to the server, with a progress bar on a terminal),
// the 30-day user count, deduplicated denials, raw events and the username setting.
import { createReadStream, statSync } from 'node:fs';
import type { Command } from 'commander';
import { UsageError, withPaging } from '../command-context.ts';
import type { Column, Output } from '../output.ts';
import {
  type ImportReport,
  kindSummary,
  orgContext,
  orgScoped,
  uploadUsage,
  usageFormat,
} from './usage-scope.ts';

interface DenialDay {
  day: string;
  feature: string;
  user: string;
  denials: number;
}

interface UsageEvent {
  occurredAt: string;
  kind: string;
  feature: string;
  user: string;
  host: string;
  source: string;
}

const DENIAL_COLUMNS: Column<DenialDay>[] = [
  { header: 'DAY', value: (d) => d.day },
  { header: 'FEATURE', value: (d) => d.feature },
  { header: 'USER', value: (d) => d.user },
  { header: 'DENIALS', value: (d) => d.denials },
];

const EVENT_COLUMNS: Column<UsageEvent>[] = [
  { header: 'TIME', value: (e) => e.occurredAt },
  { header: 'KIND', value: (e) => e.kind },
  { header: 'FEATURE', value: (e) => e.feature },
  { header: 'USER', value: (e) => e.user },
  { header: 'HOST', value: (e) => e.host },
  { header: 'SOURCE', value: (e) => e.source },
];

type ImportOptions = {
  account?: string;
  org?: string;
  format: string;
  server: string;
  timezone?: string;
  license?: string;
};

/** Reads the file in chunks, moving a progress bar (stderr, terminals only) by the bytes sent. */
async function* fileChunks(path: string, onBytes: (n: number) => void): AsyncGenerator<Uint8Array> {
  for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
    onBytes((chunk as Buffer).length);
    yield chunk as Buffer;
  }
}

async function progressBar(total: number, output: Output): Promise<{ tick(n: number): void; stop(): void }> {
  if (output.json || !process.stderr.isTTY) return { tick: () => {}, stop: () => {} };
  const { default: progress } = await import('cli-progress');
  const bar = new progress.SingleBar(
    {
      format: 'importing [{bar}] {percentage}% | {value}/{total} bytes | {eta}s left',
      stream: process.stderr,
    },
    progress.Presets.shades_classic,
  );
  bar.start(total, 0);
  let sent = 0;
  return {
    tick: (n) => {
      sent += n;
      bar.update(sent);
    },
    stop: () => bar.stop(),
  };
}

function printReport(output: Output, file: string, server: string, report: ImportReport): void {
  const span = report.first ? `${report.first} … ${report.last}` : 'no dated events';
  output.message(
    [
      `Imported ${file} (${report.lines} lines) for license server ${server}`,
      `  events   ${kindSummary(report.events)}`,
      `  new      ${report.new}`,
      `  users    ${report.users}, features ${report.features}`,
      `  span     ${span}`,
      `  skipped  ${report.skippedTotal} lines`,
      ...report.skipped.slice(0, 20).map((s) => `    line ${s.line}: ${s.reason}`),
      ...(report.skippedTotal > 20 ? [`    … ${report.skippedTotal - 20} more (see --json)`] : []),
      ...report.warnings.map((w) => `  warning  line ${w.line}: ${w.reason}`),
    ].join('\n'),
    report,
  );
}

export function registerUsageCommands(program: Command): void {
  const usage = program
    .command('usage')
    .description('Usage monitoring: import logs, count users, list denials');

  orgScoped(usage, 'import', 'Import a FlexNet debug log, an lmstat -a output or a usage CSV (idempotent)')
    .argument('<file>', 'the file to import (streamed, any size)')
    .requiredOption('--format <format>', 'flexnet-debug | lmstat | csv', usageFormat)
    .requiredOption('--server <name>', 'license server the file comes from (created on first import)')
    .option('--timezone <zone>', "IANA zone of the log's clock (default: the server's)")
    .option('--license <id>', 'lic_… license the usage belongs to')
    .action(async (file: string, options: ImportOptions, command: Command) => {
      let size: number;
      try {
        size = statSync(file).size;
      } catch {
        throw new UsageError(`cannot read ${file}`);
      }
      const ctx = await orgContext(command, options);
      const bar = await progressBar(size, ctx.output);
      const query = {
        format: options.format,
        server: options.server,
        timezone: options.timezone,
        licenseId: options.license,
      };
      let report: ImportReport;
      try {
        report = await uploadUsage(ctx, query, fileChunks(file, bar.tick));
      } finally {
        bar.stop();
      }
      printReport(ctx.output, file, options.server, report);
    });

  orgScoped(usage, 'user-count', 'Users seen in the last 30 days (realtime, imported, denials)')
    .option('--license <id>', 'count for one license')
    .action(async (options: { account?: string; org?: string; license?: string }, command: Command) => {
      const ctx = await orgContext(command, options);
      const count = await ctx.client.get<Record<string, unknown>>(`${ctx.base}/usage/user-count`, {
        licenseId: options.license,
      });
      ctx.output.record(count);
    });

  withPaging(orgScoped(usage, 'denials', 'Denials, deduplicated per user, feature and day'))
    .option('--from <day>', 'first UTC day, YYYY-MM-DD')
    .option('--to <day>', 'last UTC day, YYYY-MM-DD')
    .option('--feature <name>', 'one feature')
    .action(async (options: Record<string, string | number | undefined>, command: Command) => {
      const ctx = await orgContext(command, options as { org?: string; account?: string });
      const page = await ctx.client.get<{
        data: DenialDay[];
        nextCursor: string | null;
        distinct: number;
        raw: number;
      }>(`${ctx.base}/usage/denials`, {
        from: options.from,
        to: options.to,
        feature: options.feature,
        limit: options.limit,
        cursor: options.cursor,
      });
      ctx.output.list(page, DENIAL_COLUMNS);
      if (!ctx.output.json) ctx.output.message(`\n${page.distinct} distinct denials (${page.raw} raw)`);
    });

  withPaging(orgScoped(usage, 'events', 'Raw usage events, newest first'))
    .option('--from <time>', 'ISO time, included')
    .option('--to <time>', 'ISO time, excluded')
    .option('--kind <kind>', 'OUT, IN, DENIED, …')
    .option('--feature <name>', 'one feature')
    .option('--user <name>', 'one user')
    .action(async (options: Record<string, string | number | undefined>, command: Command) => {
      const ctx = await orgContext(command, options as { org?: string; account?: string });
      const { account: _a, org: _o, ...query } = options;
      const page = await ctx.client.get<{ data: UsageEvent[]; nextCursor: string | null }>(
        `${ctx.base}/usage/events`,
        query,
      );
      ctx.output.list(page, EVENT_COLUMNS);
    });

  orgScoped(usage, 'settings', 'Show or change how usernames are counted')
    .option('--case-sensitive <bool>', 'true: "JDoe" and "jdoe" are two users (default false)')
    .action(async (options: { account?: string; org?: string; caseSensitive?: string }, command: Command) => {
      const ctx = await orgContext(command, options);
      const path = `${ctx.base}/usage/settings`;
      if (options.caseSensitive === undefined)
        return ctx.output.record(await ctx.client.get<Record<string, unknown>>(path));
      if (!['true', 'false'].includes(options.caseSensitive))
        throw new UsageError('--case-sensitive takes true or false');
      ctx.output.record(
        await ctx.client.put<Record<string, unknown>>(path, {
          usernamesCaseSensitive: options.caseSensitive === 'true',
        }),
      );
    });
}
