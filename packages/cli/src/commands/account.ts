// `licentia account …`: vendor accounts (create and delete need an operator token).
import type { Command } from 'commander';
import { contextOf, withPaging } from '../command-context.ts';
import type { Column } from '../output.ts';

interface Account {
  id: string;
  name: string;
  isDefault: boolean;
  createdAt: string;
}

const COLUMNS: Column<Account>[] = [
  { header: 'ID', value: (a) => a.id },
  { header: 'NAME', value: (a) => a.name },
  { header: 'DEFAULT', value: (a) => (a.isDefault ? 'yes' : '') },
  { header: 'CREATED', value: (a) => a.createdAt },
];

const path = (accountId: string) => `/v1/accounts/${encodeURIComponent(accountId)}`;

export function registerAccountCommands(program: Command): void {
  const account = program.command('account').description('Manage vendor accounts');

  account
    .command('create')
    .description('Create a vendor account (operator token)')
    .argument('<name>', 'display name')
    .option('--default', 'make it the default account (its keys are served at /.well-known/jwks.json)')
    .action(async (name: string, options: { default?: boolean }, command: Command) => {
      const ctx = contextOf(command);
      const created = await ctx.client.post<Account>('/v1/accounts', {
        name,
        ...(options.default ? { isDefault: true } : {}),
      });
      ctx.output.record({ ...created });
    });

  withPaging(account.command('list').description('List the accounts the token can see')).action(
    async (options: { limit?: number; cursor?: string }, command: Command) => {
      const ctx = contextOf(command);
      const page = await ctx.client.get<{ data: Account[]; nextCursor: string | null }>('/v1/accounts', {
        limit: options.limit,
        cursor: options.cursor,
      });
      ctx.output.list(page, COLUMNS);
    },
  );

  account
    .command('get')
    .description('Show one account')
    .argument('<accountId>', 'acct_… id')
    .action(async (accountId: string, _options: unknown, command: Command) => {
      const ctx = contextOf(command);
      ctx.output.record({ ...(await ctx.client.get<Account>(path(accountId))) });
    });

  account
    .command('delete')
    .description('Delete an account and everything in it (operator token)')
    .argument('<accountId>', 'acct_… id')
    .action(async (accountId: string, _options: unknown, command: Command) => {
      const ctx = contextOf(command);
      await ctx.client.delete(path(accountId));
      ctx.output.message(`Deleted account ${accountId}`, { id: accountId, deleted: true });
    });
}
