// `licentia collect --lmstat-command "<cmd>" --every 60s`: a collector that runs an lmstat command
// periodically and pushes each snapshot through the usage import API (format lmstat). Snapshots are
// idempotent on the server (a holder seen again is stored once); a failed push is reported and the
// next tick tries again, so the collector survives server restarts.
import { exec } from 'node:child_process';
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { ApiError } from '../api-client.ts';
import { positiveInteger } from '../command-context.ts';
import { kindSummary, type OrgOptions, orgContext, uploadUsage } from './usage-scope.ts';

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Commander parser for --every: "60s", "5m", "1h", "500ms" or plain seconds. */
export function interval(value: string): number {
  const m = /^(\d+)(ms|s|m|h)?$/.exec(value.trim());
  const ms = m ? Number(m[1]) * UNITS[m[2] ?? 's']! : Number.NaN;
  if (!Number.isFinite(ms) || ms < 100)
    throw new InvalidArgumentError('expected a duration such as 60s, 5m or 1h');
  return ms;
}

/** Runs the command through the shell; a failing command still yields its output (lmstat says why). */
function runCommand(command: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve) => {
    exec(command, { timeout: timeoutMs, maxBuffer: 64 * 1024 ** 2 }, (error, stdout, stderr) => {
      const text = stdout.trim() ? stdout : `${stderr}${error && !stderr ? `${error.message}\n` : ''}`;
      resolve(text);
    });
  });
}

type CollectOptions = OrgOptions & {
  lmstatCommand: string;
  every: number;
  server: string;
  timezone?: string;
  license?: string;
  times?: number;
};

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

export function registerCollectCommand(program: Command): void {
  program
    .command('collect')
    .description('Run an lmstat command periodically and push each snapshot to the server')
    .requiredOption('--lmstat-command <cmd>', 'e.g. "lmutil lmstat -a -c 27000@lic1"')
    .option('--every <duration>', 'time between snapshots (e.g. 60s, 5m)', interval, 60_000)
    .requiredOption('--server <name>', 'license server the snapshots describe (created on first push)')
    .option('--timezone <zone>', "IANA zone of the license server's clock")
    .option('--license <id>', 'lic_… license the usage belongs to')
    .option('--times <n>', 'stop after n snapshots (default: run until interrupted)', positiveInteger)
    .option('--account <id>', "vendor account (default: the token's account)")
    .option('--org <id>', "customer organization (default: an organization token's own)")
    .action(async (options: CollectOptions, command: Command) => {
      const ctx = await orgContext(command, options);
      const stop = new AbortController();
      const onSignal = () => stop.abort();
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      const query = {
        format: 'lmstat',
        server: options.server,
        timezone: options.timezone,
        licenseId: options.license,
      };
      try {
        for (let n = 1; !stop.signal.aborted; n++) {
          const started = Date.now();
          const text = await runCommand(options.lmstatCommand, Math.max(options.every, 30_000));
          try {
            const report = await uploadUsage(ctx, query, Buffer.from(text, 'utf8'));
            const line = `${new Date().toISOString()} ${options.server} ${report.snapshot?.status ?? '?'}: ${kindSummary(report.events)}; ${report.new} new`;
            ctx.output.message(line, report);
          } catch (error) {
            // Wrong token, organization or arguments will not heal by retrying: stop.
            if (error instanceof ApiError && error.status < 500 && error.status !== 429) throw error;
            ctx.output.error(`snapshot ${n} not pushed: ${(error as Error).message}; retrying next time`);
          }
          if (options.times !== undefined && n >= options.times) break;
          await sleep(Math.max(0, options.every - (Date.now() - started)), stop.signal);
        }
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
    });
}
