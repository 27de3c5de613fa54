// `licentia token …`: API tokens. The secret is printed once, at creation; the server keeps a hash.
import { ACCOUNT_ROLES, ORGANIZATION_ROLES } from '@licentia/core';
import { type Command, Option } from 'commander';
import { contextOf, withPaging } from '../command-context.ts';
import type { Column } from '../output.ts';

interface Token {
  id: string;
  kind: 'operator' | 'account' | 'organization';
  accountId: string | null;
  organizationId: string | null;
  name: string;
  roles: string[];
  hint: string;
  expiresAt: string | null;
  revokedAt: string | null;
  createdAt: string;
}

const COLUMNS: Column<Token>[] = [
  { header: 'ID', value: (t) => t.id },
  { header: 'KIND', value: (t) => t.kind },
  { header: 'NAME', value: (t) => t.name },
  { header: 'ROLES', value: (t) => t.roles },
  { header: 'SCOPE', value: (t) => t.organizationId ?? t.accountId },
  { header: 'HINT', value: (t) => t.hint },
  { header: 'STATUS', value: (t) => (t.revokedAt ? 'revoked' : 'active') },
];

const ROLES = ['operator', ...ACCOUNT_ROLES, ...ORGANIZATION_ROLES];
const path = (tokenId: string) => `/v1/tokens/${encodeURIComponent(tokenId)}`;

/** --role may repeat and may hold a comma-separated list: `--role admin --role developer,read-only`. */
function collectRoles(value: string, previous: string[] = []): string[] {
  return [
    ...previous,
    ...value
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean),
  ];
}

interface CreateOptions {
  name: string;
  role: string[];
  kind?: Token['kind'];
  account?: string;
  org?: string;
  person?: string;
  expiresAt?: string;
}

/** Without --kind, the kind follows from the flags: an organization if --org, operator for that role. */
function kindOf(options: CreateOptions): Token['kind'] {
  if (options.kind) return options.kind;
  if (options.org) return 'organization';
  return options.role.includes('operator') ? 'operator' : 'account';
}

export function registerTokenCommands(program: Command): void {
  const token = program.command('token').description('Manage API tokens');

  token
    .command('create')
    .description('Create an API token; its secret is shown once')
    .requiredOption('--name <name>', 'what the token is for')
    .requiredOption('--role <role>', `role to grant, repeatable (${ROLES.join(', ')})`, collectRoles)
    .addOption(
      new Option('--kind <kind>', 'token kind (default: from the other flags)').choices([
        'operator',
        'account',
        'organization',
      ]),
    )
    .option('--account <id>', "account the token acts in (default: the caller's account)")
    .option('--org <id>', 'organization the token acts in (organization tokens)')
    .option('--person <id>', "bind an organization token to a person: it acts with that person's privileges")
    .option('--expires-at <time>', 'expiry as an ISO 8601 timestamp')
    .action(async (options: CreateOptions, command: Command) => {
      const ctx = contextOf(command);
      const created = await ctx.client.post<{ token: Token; secret: string }>('/v1/tokens', {
        kind: kindOf(options),
        name: options.name,
        roles: options.role,
        ...(options.account ? { accountId: options.account } : {}),
        ...(options.org ? { organizationId: options.org } : {}),
        ...(options.person ? { personId: options.person } : {}),
        ...(options.expiresAt ? { expiresAt: options.expiresAt } : {}),
      });
      ctx.output.record({ ...created.token, secret: created.secret }, created);
      ctx.output.message('\nThe secret is shown only now: store it somewhere safe.');
    });

  withPaging(token.command('list').description('List the tokens the caller can see'))
    .option('--account <id>', 'only tokens of this account (operator)')
    .action(async (options: { account?: string; limit?: number; cursor?: string }, command: Command) => {
      const ctx = contextOf(command);
      const page = await ctx.client.get<{ data: Token[]; nextCursor: string | null }>('/v1/tokens', {
        accountId: options.account,
        limit: options.limit,
        cursor: options.cursor,
      });
      ctx.output.list(page, COLUMNS);
    });

  token
    .command('get')
    .description('Show one token (never its secret)')
    .argument('<tokenId>', 'tok_… id')
    .action(async (tokenId: string, _options: unknown, command: Command) => {
      const ctx = contextOf(command);
      ctx.output.record({ ...(await ctx.client.get<Token>(path(tokenId))) });
    });

  token
    .command('revoke')
    .description('Revoke a token: it stops authenticating at once')
    .argument('<tokenId>', 'tok_… id')
    .action(async (tokenId: string, _options: unknown, command: Command) => {
      const ctx = contextOf(command);
      const revoked = (await ctx.client.delete<Token>(path(tokenId)))!;
      ctx.output.message(`Revoked token ${revoked.id} (${revoked.name})`, revoked);
    });
}
