// `licentia floating options import|export <license> [file]`: a license's floating options as a FlexNet
// options file (RESERVE, MAX, INCLUDE, EXCLUDE, GROUP, HOST_GROUP, TIMEOUT, LINGER, BORROW_LOWWATER,
// MAX_BORROW_HOURS). Without a file, import reads standard input and export writes standard output.
import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { type AccountOption, accountPath, scoped, scopedContext } from './account-scoped.ts';

interface ImportAnswer {
  options: { features: Record<string, unknown> };
  skipped: { line: number; text: string; reason: string }[];
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function registerFloatingCommands(program: Command): void {
  const floating = program.command('floating').description('Floating licenses: options files');
  const options = floating
    .command('options')
    .description("A license's floating options as a FlexNet options file");

  scoped(options, 'import', 'Replace the rules with those of a FlexNet options file (pool settings stay)')
    .argument('<license>', 'lic_… id')
    .argument('[file]', 'options file (default: standard input)')
    .action(async (license: string, file: string | undefined, opts: AccountOption, command: Command) => {
      const { client, output, accountId } = await scopedContext(command, opts);
      const text = file ? await readFile(file, 'utf8') : await readStdin();
      const path = accountPath(accountId, 'licenses', license, 'floating', 'options', 'import');
      const answer = await client.post<ImportAnswer>(path, { text });
      const features = Object.keys(answer.options.features);
      const lines = [`Imported options for ${features.length} feature(s): ${features.join(', ') || '-'}`];
      for (const s of answer.skipped) lines.push(`  skipped line ${s.line}: ${s.text} (${s.reason})`);
      output.message(lines.join('\n'), answer);
    });

  scoped(options, 'export', 'Write the rules as a FlexNet options file')
    .argument('<license>', 'lic_… id')
    .argument('[file]', 'where to write (default: standard output)')
    .action(async (license: string, file: string | undefined, opts: AccountOption, command: Command) => {
      const { client, output, accountId } = await scopedContext(command, opts);
      const path = accountPath(accountId, 'licenses', license, 'floating', 'options', 'export');
      const text = await new Response(await client.stream(path)).text();
      if (file) {
        await writeFile(file, text);
        output.message(`Wrote ${file}`, { file, bytes: Buffer.byteLength(text) });
      } else if (output.json) {
        output.message('', { text });
      } else {
        process.stdout.write(text);
      }
    });
}
