// `licentia org …`: customer organizations of one account (--account, or the token's own account).
import type { Command } from 'commander';
import { accountOf, contextOf, withPaging } from '../command-context.ts';
import type { Column } from '../output.ts';

interface Organization {
  id: string;
  accountId: string;
  name: string;
  createdAt: string;
}

const COLUMNS: Column<Organization>[] = [
  { header: 'ID', value: (o) => o.id },
  { header: 'NAME', value: (o) => o.name },
  { header: 'CREATED', value: (o) => o.createdAt },
];

type AccountOption = { account?: string };

const base = (accountId: string) => `/v1/accounts/${encodeURIComponent(accountId)}/organizations`;
const one = (accountId: string, orgId: string) => `${base(accountId)}/${encodeURIComponent(orgId)}`;

/** Every org subcommand takes --account; without it the token's own account is used. */
function sub(org: Command, name: string, description: string): Command {
  return org
    .command(name)
    .description(description)
    .option('--account <id>', "account that owns the organizations (default: the token's account)");
}

export function registerOrgCommands(program: Command): void {
  const org = program.command('org').description('Manage customer organizations of an account');

  sub(org, 'create', 'Create an organization')
    .argument('<name>', 'display name')
    .action(async (name: string, options: AccountOption, command: Command) => {
      const ctx = contextOf(command);
      const accountId = await accountOf(ctx, options.account);
      ctx.output.record({ ...(await ctx.client.post<Organization>(base(accountId), { name })) });
    });

  withPaging(sub(org, 'list', 'List organizations')).action(
    async (options: AccountOption & { limit?: number; cursor?: string }, command: Command) => {
      const ctx = contextOf(command);
      const accountId = await accountOf(ctx, options.account);
      const page = await ctx.client.get<{ data: Organization[]; nextCursor: string | null }>(
        base(accountId),
        {
          limit: options.limit,
          cursor: options.cursor,
        },
      );
      ctx.output.list(page, COLUMNS);
    },
  );

  sub(org, 'get', 'Show one organization')
    .argument('<organizationId>', 'org_… id')
    .action(async (orgId: string, options: AccountOption, command: Command) => {
      const ctx = contextOf(command);
      const accountId = await accountOf(ctx, options.account);
      ctx.output.record({ ...(await ctx.client.get<Organization>(one(accountId, orgId))) });
    });

  sub(org, 'rename', 'Rename an organization')
    .argument('<organizationId>', 'org_… id')
    .argument('<name>', 'new display name')
    .action(async (orgId: string, name: string, options: AccountOption, command: Command) => {
      const ctx = contextOf(command);
      const accountId = await accountOf(ctx, options.account);
      ctx.output.record({ ...(await ctx.client.patch<Organization>(one(accountId, orgId), { name })) });
    });

  sub(org, 'delete', 'Delete an organization')
    .argument('<organizationId>', 'org_… id')
    .action(async (orgId: string, options: AccountOption, command: Command) => {
      const ctx = contextOf(command);
      const accountId = await accountOf(ctx, options.account);
      await ctx.client.delete(one(accountId, orgId));
      ctx.output.message(`Deleted organization ${orgId}`, { id: orgId, deleted: true });
    });
}
