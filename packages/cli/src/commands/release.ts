// `licentia release …`: the released versions of a product (dates gate maintenance coverage).
import type { Command } from 'commander';
import { withPaging } from '../command-context.ts';
import type { Column } from '../output.ts';
import { type AccountOption, accountPath, type Page, scoped, scopedContext } from './account-scoped.ts';

interface Release {
  id: string;
  productId: string;
  version: string;
  releasedAt: string;
  createdAt: string;
}

const COLUMNS: Column<Release>[] = [
  { header: 'ID', value: (r) => r.id },
  { header: 'VERSION', value: (r) => r.version },
  { header: 'RELEASED', value: (r) => r.releasedAt },
];

type ProductOption = AccountOption & { product: string };

/** A release subcommand: --account and the required --product. */
function sub(release: Command, name: string, description: string): Command {
  return scoped(release, name, description).requiredOption('--product <id>', 'prod_… id of the product');
}

export function registerReleaseCommands(program: Command): void {
  const release = program.command('release').description('Manage the releases of a product');

  sub(release, 'add', 'Record a release')
    .argument('<version>', 'strict semantic version, e.g. 2.4.0')
    .option('--released-at <time>', 'ISO 8601 date-time with a time zone (default: now)')
    .action(async (version: string, options: ProductOption & { releasedAt?: string }, command: Command) => {
      const { client, output, accountId } = await scopedContext(command, options);
      const releasedAt = options.releasedAt ?? new Date().toISOString();
      const path = accountPath(accountId, 'products', options.product, 'releases');
      output.record({ ...(await client.post<Release>(path, { version, releasedAt })) });
    });

  withPaging(sub(release, 'list', 'List the releases of a product')).action(
    async (options: ProductOption & { limit?: number; cursor?: string }, command: Command) => {
      const { client, output, accountId } = await scopedContext(command, options);
      const path = accountPath(accountId, 'products', options.product, 'releases');
      output.list(
        await client.get<Page<Release>>(path, { limit: options.limit, cursor: options.cursor }),
        COLUMNS,
      );
    },
  );

  sub(release, 'delete', 'Delete a release')
    .argument('<releaseId>', 'rel_… id')
    .action(async (releaseId: string, options: ProductOption, command: Command) => {
      const { client, output, accountId } = await scopedContext(command, options);
      await client.delete(accountPath(accountId, 'products', options.product, 'releases', releaseId));
      output.message(`Deleted release ${releaseId}`, { id: releaseId, deleted: true });
    });
}
