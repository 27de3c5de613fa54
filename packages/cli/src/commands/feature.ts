// `licentia feature …`: the features (entitlements) of a product, optionally with a typed value.
import type { Command } from 'commander';
import { withPaging } from '../command-context.ts';
import type { Column } from '../output.ts';
import {
  type AccountOption,
  accountPath,
  type Page,
  scoped,
  scopedContext,
  typedValue,
} from './account-scoped.ts';

interface Feature {
  id: string;
  productId: string;
  code: string;
  name: string;
  value?: number | string | boolean;
  createdAt: string;
}

const COLUMNS: Column<Feature>[] = [
  { header: 'ID', value: (f) => f.id },
  { header: 'CODE', value: (f) => f.code },
  { header: 'NAME', value: (f) => f.name },
  { header: 'VALUE', value: (f) => f.value },
];

type ProductOption = AccountOption & { product: string };

/** A feature subcommand: --account and the required --product. */
function sub(feature: Command, name: string, description: string): Command {
  return scoped(feature, name, description).requiredOption('--product <id>', 'prod_… id of the product');
}

export function registerFeatureCommands(program: Command): void {
  const feature = program.command('feature').description('Manage the features (entitlements) of a product');

  sub(feature, 'add', 'Add a feature')
    .requiredOption('--code <code>', 'SCREAMING_SNAKE code, unique per product')
    .requiredOption('--name <name>', 'display name')
    .option('--value <value>', 'default value granted with it: a number, true/false or text', typedValue)
    .action(
      async (
        options: ProductOption & { code: string; name: string; value?: number | string | boolean },
        command: Command,
      ) => {
        const { client, output, accountId } = await scopedContext(command, options);
        const path = accountPath(accountId, 'products', options.product, 'features');
        const body = {
          code: options.code,
          name: options.name,
          ...(options.value !== undefined ? { value: options.value } : {}),
        };
        output.record({ ...(await client.post<Feature>(path, body)) });
      },
    );

  withPaging(sub(feature, 'list', 'List the features of a product')).action(
    async (options: ProductOption & { limit?: number; cursor?: string }, command: Command) => {
      const { client, output, accountId } = await scopedContext(command, options);
      const path = accountPath(accountId, 'products', options.product, 'features');
      output.list(
        await client.get<Page<Feature>>(path, { limit: options.limit, cursor: options.cursor }),
        COLUMNS,
      );
    },
  );

  sub(feature, 'delete', 'Delete a feature')
    .argument('<featureId>', 'feat_… id')
    .action(async (featureId: string, options: ProductOption, command: Command) => {
      const { client, output, accountId } = await scopedContext(command, options);
      await client.delete(accountPath(accountId, 'products', options.product, 'features', featureId));
      output.message(`Deleted feature ${featureId}`, { id: featureId, deleted: true });
    });
}
