// `licentia status`: who holds which floating seats now, printed like FlexNet's `lmstat -a`
// ("Users of FEATURE:  (Total of N licenses issued;  Total of M licenses in use)", one line per holder).
import type { Command } from 'commander';
import { type AccountOption, accountPath, scoped, scopedContext } from './account-scoped.ts';

interface StatusAnswer {
  data: {
    licenseId: string;
    feature: string;
    issued: number;
    inUse: number;
    queued: number;
    holders: unknown[];
  }[];
  text: string;
}

export function registerStatusCommand(program: Command): void {
  scoped(program, 'status', 'Floating seat holders now, as an lmstat-like report')
    .option('--license <id>', 'only this license (lic_…)')
    .option('--feature <code>', 'only this feature')
    .action(async (options: AccountOption & { license?: string; feature?: string }, command: Command) => {
      const { client, output, accountId } = await scopedContext(command, options);
      const answer = await client.get<StatusAnswer>(accountPath(accountId, 'floating', 'status'), {
        licenseId: options.license,
        feature: options.feature,
      });
      const text = answer.data.length === 0 ? 'No floating pools in use.' : answer.text.trimEnd();
      output.message(text, answer.data);
    });
}
