// `licentia audit …`: verify the tamper-evident audit chains, or export one as JSON lines.
import type { Command } from 'commander';
import { CommandFailure, contextOf } from '../command-context.ts';
import type { Output } from '../output.ts';

interface ChainResult {
  chainId: string;
  ok: boolean;
  checked: number;
  firstBroken: { id: string; seq: number; reason: string } | null;
  tailMissing: boolean;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function printVerification(output: Output, result: { ok: boolean; chains: ChainResult[] }): void {
  if (output.json) {
    output.message('', result);
    return;
  }
  for (const chain of result.chains.filter((c) => !c.ok)) {
    if (chain.firstBroken) {
      const { id, seq, reason } = chain.firstBroken;
      output.message(`chain ${chain.chainId}: BROKEN at event ${id} (seq ${seq}): ${reason}`);
    }
    if (chain.tailMissing)
      output.message(`chain ${chain.chainId}: events after the last stored one were removed`);
  }
  const events = result.chains.reduce((sum, c) => sum + c.checked, 0);
  const chains = plural(result.chains.length, 'chain');
  if (result.ok) output.message(`${plural(events, 'event')} verified in ${chains}`);
  else output.message(`Audit log tampered: ${result.chains.filter((c) => !c.ok).length} of ${chains} broken`);
}

/** Copies the body to stdout, waiting for 'drain' so a large export never piles up in memory. */
async function pipeToStdout(body: ReadableStream<Uint8Array>): Promise<void> {
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    if (!process.stdout.write(value)) await new Promise((resolve) => process.stdout.once('drain', resolve));
  }
}

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('Verify and export the tamper-evident audit log');

  audit
    .command('verify')
    .description('Recompute the hash chains; exits 1 naming the first broken event of a chain')
    .option('--account <id>', "one account's chain (default: all chains for an operator, else the token's)")
    .action(async (options: { account?: string }, command: Command) => {
      const ctx = contextOf(command);
      const result = await ctx.client.get<{ ok: boolean; chains: ChainResult[] }>('/v1/audit/verify', {
        accountId: options.account,
      });
      printVerification(ctx.output, result);
      if (!result.ok) throw new CommandFailure(1);
    });

  audit
    .command('export')
    .description('Print a chain as JSON lines, oldest first')
    .option('--account <id>', "account whose chain to export ('system' for deployment events)")
    .action(async (options: { account?: string }, command: Command) => {
      const ctx = contextOf(command);
      await pipeToStdout(await ctx.client.stream('/v1/audit/export', { accountId: options.account }));
    });
}
