// The lifecycle steps of `licentia license …`: suspend, reinstate, revoke, renew, amend (upgrade,
// downgrade, seat change with proration), convert (trial → paid) and transfer (needs an approval).
import type { Command } from 'commander';
import type { Output } from '../output.ts';
import { type AccountOption, accountPath, scoped, scopedContext, wholeNumber } from './account-scoped.ts';
import { type License, licenseSummary } from './license-view.ts';

interface Amendment {
  kind: string;
  creditCents: number;
  chargeCents: number;
  netCents: number;
  termStart: string | null;
  termEnd: string | null;
}

type ReasonOption = AccountOption & { reason?: string };
const one = (accountId: string, licenseId: string, action: string) =>
  accountPath(accountId, 'licenses', licenseId, action);

function printAmended(output: Output, answer: { license: License; amendment: Amendment }): void {
  const { amendment: a } = answer;
  const money = { credit: a.creditCents, charge: a.chargeCents, net: a.netCents };
  output.record(
    {
      ...licenseSummary(answer.license),
      amendment: a.kind,
      ...money,
      termStart: a.termStart,
      termEnd: a.termEnd,
    },
    answer,
  );
}

export function registerLicenseLifecycleCommands(license: Command): void {
  const steps = {
    suspend: 'Suspend a license (validation answers SUSPENDED until reinstated)',
    reinstate: 'Reinstate a suspended license',
    revoke: 'Revoke a license for good',
  } as const;
  for (const [action, description] of Object.entries(steps)) {
    scoped(license, action, description)
      .argument('<licenseId>', 'lic_… id')
      .option('--reason <text>', 'why (kept in the audit log)')
      .action(async (licenseId: string, options: ReasonOption, command: Command) => {
        const { client, output, accountId } = await scopedContext(command, options);
        const body = options.reason ? { reason: options.reason } : {};
        const l = await client.post<License>(one(accountId, licenseId, action), body);
        output.record(licenseSummary(l), l);
      });
  }

  scoped(license, 'renew', 'Renew a subscription for one more term')
    .argument('<licenseId>', 'lic_… id')
    .action(async (licenseId: string, options: AccountOption, command: Command) => {
      const { client, output, accountId } = await scopedContext(command, options);
      printAmended(output, await client.post(one(accountId, licenseId, 'renew'), {}));
    });

  scoped(license, 'amend', 'Upgrade, downgrade or change seats mid-term, prorated')
    .argument('<licenseId>', 'lic_… id')
    .option('--policy <id>', 'move to this policy')
    .option('--seats <n>', 'new seat (machine) limit', wholeNumber)
    .option('--preview', 'show the quote only; change nothing')
    .action(
      async (
        licenseId: string,
        options: AccountOption & { policy?: string; seats?: number; preview?: boolean },
        command: Command,
      ) => {
        const { client, output, accountId } = await scopedContext(command, options);
        const body = {
          ...(options.policy ? { policyId: options.policy } : {}),
          ...(options.seats !== undefined ? { seats: options.seats } : {}),
          ...(options.preview ? { preview: true } : {}),
        };
        printAmended(output, await client.post(one(accountId, licenseId, 'amendments'), body));
      },
    );

  scoped(license, 'convert', 'Convert a trial into a paid license, keeping key and machines')
    .argument('<licenseId>', 'lic_… id')
    .requiredOption('--policy <id>', 'the paid policy of the same product')
    .action(async (licenseId: string, options: AccountOption & { policy: string }, command: Command) => {
      const { client, output, accountId } = await scopedContext(command, options);
      printAmended(
        output,
        await client.post(one(accountId, licenseId, 'convert'), { policyId: options.policy }),
      );
    });

  scoped(license, 'transfer', 'Ask to move a license to another organization (a second person approves)')
    .argument('<licenseId>', 'lic_… id')
    .requiredOption('--to-org <id>', 'org_… id of the new customer')
    .option('--reason <text>', 'why')
    .action(async (licenseId: string, options: ReasonOption & { toOrg: string }, command: Command) => {
      const { client, output, accountId } = await scopedContext(command, options);
      const body = { toOrganizationId: options.toOrg, ...(options.reason ? { reason: options.reason } : {}) };
      const request = await client.post<Record<string, unknown>>(
        one(accountId, licenseId, 'transfer-requests'),
        body,
      );
      output.record({ ...request });
      output.message(`\nPending: approve with \`licentia approval approve ${request.id}\` (another token).`);
    });
}
