// `licentia import people|groups|assignments <csv>`: a dry run that reports what would change, then
// (unless --dry-run, and only when no row is bad) the apply, which writes everything or nothing.
// On a terminal a progress bar shows the bytes of the file sent, then waits for the server's answer.
import { createReadStream, statSync } from 'node:fs';
import type { Command } from 'commander';
import { CommandFailure, UsageError } from '../command-context.ts';
import type { Output } from '../output.ts';
import { type OrgOptions, orgContext } from './usage-scope.ts';

const KINDS = ['people', 'groups', 'assignments'] as const;
/** The server refuses larger files (routes/imports). */
const MAX_BYTES = 20 * 1024 * 1024;
/** Rows of errors and changes printed as text; --json carries what the server sent (up to 100). */
const SHOWN = 20;

interface ImportAnswer {
  kind: string;
  dryRun: boolean;
  rows: number;
  create: number;
  update: number;
  unchanged: number;
  errors: { line: number; field?: string; reason: string }[];
  errorCount: number;
  changes: { line: number; action: string; key: string; fields: string[] }[];
}

interface Progress {
  tick(n: number): void;
  sent(): void;
  stop(): void;
}

/**
 * The bar counts bytes as fetch pulls them from the file, so it moves with the upload; once the
 * last byte is handed over it says so and waits: the server then plans (and writes) the whole file
 * in one transaction, which cannot report partial progress without writing partially.
 */
async function progressBar(total: number, phase: string, output: Output): Promise<Progress> {
  if (output.json || !process.stderr.isTTY) return { tick: () => {}, sent: () => {}, stop: () => {} };
  const { default: progress } = await import('cli-progress');
  const bar = new progress.SingleBar(
    {
      format: `${phase} [{bar}] {percentage}% | {value}/{total} bytes sent | {duration_formatted}{status}`,
      stream: process.stderr,
      forceRedraw: true,
    },
    progress.Presets.shades_classic,
  );
  bar.start(total, 0, { status: '' });
  let bytes = 0;
  return {
    tick: (n) => {
      bytes += n;
      bar.update(bytes);
    },
    sent: () => bar.update(bytes, { status: ' | waiting for the server…' }),
    stop: () => bar.stop(),
  };
}

async function* fileChunks(path: string, progress: Progress): AsyncGenerator<Uint8Array> {
  for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
    progress.tick((chunk as Buffer).length);
    yield chunk as Buffer;
  }
  progress.sent();
}

function describe(answer: ImportAnswer, verb: { create: string; update: string }): string[] {
  const lines = [
    `  rows       ${answer.rows}`,
    `  ${verb.create.padEnd(9)}  ${answer.create}`,
    `  ${verb.update.padEnd(9)}  ${answer.update}`,
    `  unchanged  ${answer.unchanged}`,
    `  errors     ${answer.errorCount}`,
    ...answer.errors
      .slice(0, SHOWN)
      .map((e) => `    line ${e.line}${e.field ? ` ${e.field}` : ''}: ${e.reason}`),
  ];
  if (answer.errorCount > SHOWN) lines.push(`    … ${answer.errorCount - SHOWN} more (see --json)`);
  return lines;
}

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('Import people, permission groups or group assignments of an organization from a CSV file')
    .argument('<kind>', KINDS.join(' | '))
    .argument('<csv>', 'the CSV file (formats: docs/imports.md)')
    .option('--account <id>', "vendor account (default: the token's account)")
    .option('--org <id>', "customer organization (default: an organization token's own)")
    .option('--dry-run', 'only report what would change')
    .action(
      async (kind: string, file: string, options: OrgOptions & { dryRun?: boolean }, command: Command) => {
        if (!(KINDS as readonly string[]).includes(kind))
          throw new UsageError(`<kind> must be ${KINDS.join(', ')}`);
        let size: number;
        try {
          size = statSync(file).size;
        } catch {
          throw new UsageError(`cannot read ${file}`);
        }
        if (size > MAX_BYTES) throw new UsageError(`${file} is larger than ${MAX_BYTES} bytes; split it`);
        const ctx = await orgContext(command, options);
        const send = async (dryRun: boolean) => {
          const bar = await progressBar(size, dryRun ? 'checking' : 'applying', ctx.output);
          try {
            return await ctx.client.upload<ImportAnswer>(
              `${ctx.base}/imports/${kind}`,
              { dryRun: String(dryRun) },
              fileChunks(file, bar),
              'text/csv; charset=utf-8',
            );
          } finally {
            bar.stop();
          }
        };

        const check = await send(true);
        const checked = [
          `Checked ${file} (${kind})`,
          ...describe(check, { create: 'to create', update: 'to update' }),
        ];
        if (check.errorCount > 0 || options.dryRun) {
          const tail =
            check.errorCount > 0
              ? 'Nothing was imported: fix the rows above and run again.'
              : 'Dry run: nothing written.';
          ctx.output.message([...checked, tail].join('\n'), { dryRun: check, applied: null });
          if (check.errorCount > 0) throw new CommandFailure(1);
          return;
        }
        if (!ctx.output.json) ctx.output.message(checked.join('\n'));
        const applied = await send(false);
        ctx.output.message(
          [`Imported ${file} (${kind})`, ...describe(applied, { create: 'created', update: 'updated' })].join(
            '\n',
          ),
          { dryRun: check, applied },
        );
      },
    );
}
