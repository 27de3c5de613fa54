// `licentia product …`: the products of an account's catalog (base products and add-ons).
import { type Command, Option } from 'commander';
import { withPaging } from '../command-context.ts';
import type { Column } from '../output.ts';
import {
  type AccountOption,
  accountPath,
  commaList,
  type Page,
  scoped,
  scopedContext,
  wholeNumber,
} from './account-scoped.ts';

interface Product {
  id: string;
  code: string;
  name: string;
  kind: 'BASE' | 'ADD_ON';
  requiresProductIds: string[];
  generation: number;
  rank: number;
  audience: string;
  createdAt: string;
}

const COLUMNS: Column<Product>[] = [
  { header: 'ID', value: (p) => p.id },
  { header: 'CODE', value: (p) => p.code },
  { header: 'NAME', value: (p) => p.name },
  { header: 'KIND', value: (p) => p.kind },
  { header: 'GEN', value: (p) => p.generation },
  { header: 'RANK', value: (p) => p.rank },
];

interface ProductOptions extends AccountOption {
  code?: string;
  name?: string;
  kind?: string;
  requires?: string[];
  generation?: number;
  rank?: number;
  audience?: string;
}

/** The flags shared by create and update; only those given end up in the body. */
function withProductFields(command: Command): Command {
  return command
    .option('--requires <ids>', 'ADD_ON: comma-separated base product ids', commaList)
    .option('--generation <n>', 'license generation (≥ 1)', wholeNumber)
    .option('--rank <n>', 'higher rank wins when licenses overlap', wholeNumber)
    .addOption(new Option('--audience <audience>', 'who may see it').choices(['INTERNAL', 'EXTERNAL']));
}

function bodyOf(options: ProductOptions): Record<string, unknown> {
  const body: Record<string, unknown> = {
    code: options.code,
    name: options.name,
    kind: options.kind,
    requiresProductIds: options.requires,
    generation: options.generation,
    rank: options.rank,
    audience: options.audience,
  };
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
}

export function registerProductCommands(program: Command): void {
  const product = program.command('product').description('Manage the products of the catalog');

  withProductFields(scoped(product, 'create', 'Create a product'))
    .requiredOption('--code <code>', 'lowercase slug, unique in the account')
    .requiredOption('--name <name>', 'display name')
    .addOption(new Option('--kind <kind>', 'BASE (default) or ADD_ON').choices(['BASE', 'ADD_ON']))
    .action(async (options: ProductOptions, command: Command) => {
      const { client, output, accountId } = await scopedContext(command, options);
      output.record({ ...(await client.post<Product>(accountPath(accountId, 'products'), bodyOf(options))) });
    });

  withPaging(scoped(product, 'list', 'List products'))
    .addOption(new Option('--kind <kind>', 'only this kind').choices(['BASE', 'ADD_ON']))
    .action(async (options: ProductOptions & { limit?: number; cursor?: string }, command: Command) => {
      const { client, output, accountId } = await scopedContext(command, options);
      const query = { kind: options.kind, limit: options.limit, cursor: options.cursor };
      output.list(await client.get<Page<Product>>(accountPath(accountId, 'products'), query), COLUMNS);
    });

  scoped(product, 'get', 'Show one product')
    .argument('<productId>', 'prod_… id')
    .action(async (productId: string, options: AccountOption, command: Command) => {
      const { client, output, accountId } = await scopedContext(command, options);
      output.record({ ...(await client.get<Product>(accountPath(accountId, 'products', productId))) });
    });

  withProductFields(scoped(product, 'update', 'Change a product (any member but its kind)'))
    .argument('<productId>', 'prod_… id')
    .option('--code <code>', 'new slug')
    .option('--name <name>', 'new display name')
    .action(async (productId: string, options: ProductOptions, command: Command) => {
      const { client, output, accountId } = await scopedContext(command, options);
      const path = accountPath(accountId, 'products', productId);
      output.record({ ...(await client.patch<Product>(path, bodyOf(options))) });
    });

  scoped(product, 'delete', 'Delete a product without policies or licenses')
    .argument('<productId>', 'prod_… id')
    .action(async (productId: string, options: AccountOption, command: Command) => {
      const { client, output, accountId } = await scopedContext(command, options);
      await client.delete(accountPath(accountId, 'products', productId));
      output.message(`Deleted product ${productId}`, { id: productId, deleted: true });
    });
}
