// `licentia machine …`: the machines activated on a license, and force-deactivating one.
import type { Command } from 'commander';
import { withPaging } from '../command-context.ts';
import type { Column } from '../output.ts';
import { type AccountOption, accountPath, type Page, scoped, scopedContext } from './account-scoped.ts';

interface Machine {
  id: string;
  licenseId: string;
  fingerprint: string;
  hostname: string | null;
  platform: string | null;
  activatedAt: string;
  deactivatedAt: string | null;
  lastSeenAt: string | null;
}

const COLUMNS: Column<Machine>[] = [
  { header: 'ID', value: (m) => m.id },
  { header: 'HOSTNAME', value: (m) => m.hostname },
  { header: 'PLATFORM', value: (m) => m.platform },
  { header: 'FINGERPRINT', value: (m) => `${m.fingerprint.slice(0, 12)}…` },
  { header: 'ACTIVATED', value: (m) => m.activatedAt },
  { header: 'STATUS', value: (m) => (m.deactivatedAt ? 'deactivated' : 'active') },
];

type LicenseOption = AccountOption & { license: string };

function sub(machine: Command, name: string, description: string): Command {
  return scoped(machine, name, description).requiredOption('--license <id>', 'lic_… id of the license');
}

export function registerMachineCommands(program: Command): void {
  const machine = program.command('machine').description('Manage the machines activated on a license');

  withPaging(sub(machine, 'list', 'List the active machines of a license'))
    .option('--all', 'include deactivated machines')
    .action(
      async (
        options: LicenseOption & { all?: boolean; limit?: number; cursor?: string },
        command: Command,
      ) => {
        const { client, output, accountId } = await scopedContext(command, options);
        const page = await client.get<Page<Machine>>(
          accountPath(accountId, 'licenses', options.license, 'machines'),
          {
            includeDeactivated: options.all ? 'true' : undefined,
            limit: options.limit,
            cursor: options.cursor,
          },
        );
        output.list(page, COLUMNS);
      },
    );

  sub(machine, 'deactivate', 'Deactivate a machine, freeing its seat')
    .argument('<machineId>', 'mach_… id')
    .action(async (machineId: string, options: LicenseOption, command: Command) => {
      const { client, output, accountId } = await scopedContext(command, options);
      const path = accountPath(accountId, 'licenses', options.license, 'machines', machineId);
      const removed = (await client.delete<Machine>(path))!;
      output.message(`Deactivated machine ${removed.id} (${removed.hostname ?? 'no hostname'})`, removed);
    });
}
