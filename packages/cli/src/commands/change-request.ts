// `licentia change-request …`: customers file requests for license changes and follow them (file,
// list, show, comment with --org or an organization token); the vendor works its queue (queue,
// show, comment, status). show and comment pick the side from --org and the token.
import { CHANGE_REQUEST_STATUSES } from '@licentia/core';
import { Argument, type Command, Option } from 'commander';
import { withPaging } from '../command-context.ts';
import type { Column } from '../output.ts';
import { type AccountOption, type Page, scoped } from './account-scoped.ts';
import { registerFileCommand } from './change-request-file.ts';
import {
  type ChangeRequest,
  type ChangeRequestComment,
  customerContext,
  eitherContext,
  eitherSide,
  printRequest,
  REQUEST_COLUMNS,
  requestIdOf,
  vendorContext,
} from './change-request-scope.ts';
import { type OrgOptions, orgScoped } from './usage-scope.ts';

type ListOptions = { status?: string; limit?: number; cursor?: string };

const REQUEST_ARG = 'creq_… id or case number (CASE-000001)';
const statusFilter = () =>
  new Option('--status <status>', 'only this status').choices(CHANGE_REQUEST_STATUSES);

/** The vendor's queue shows whose request it is. */
const QUEUE_COLUMNS: Column<ChangeRequest>[] = [
  ...REQUEST_COLUMNS.slice(0, 3),
  { header: 'ORGANIZATION', value: (r) => r.organizationId },
  ...REQUEST_COLUMNS.slice(3),
];

export function registerChangeRequestCommands(program: Command): void {
  const group = program
    .command('change-request')
    .description('File and follow license change requests (customers); work the queue (vendors)');

  registerFileCommand(group);

  withPaging(orgScoped(group, 'list', "List an organization's change requests, oldest first (customer side)"))
    .addOption(statusFilter())
    .action(async (options: OrgOptions & ListOptions, command: Command) => {
      const ctx = await customerContext(command, options);
      const query = { status: options.status, limit: options.limit, cursor: options.cursor };
      ctx.output.list(await ctx.client.get<Page<ChangeRequest>>(ctx.requests, query), REQUEST_COLUMNS);
    });

  withPaging(
    scoped(group, 'queue', "The vendor's queue of change requests across organizations, oldest first"),
  )
    .addOption(statusFilter())
    .option('--org <id>', "only this organization's requests")
    .action(async (options: AccountOption & ListOptions & { org?: string }, command: Command) => {
      const ctx = await vendorContext(command, options);
      const query = {
        status: options.status,
        organizationId: options.org,
        limit: options.limit,
        cursor: options.cursor,
      };
      ctx.output.list(await ctx.client.get<Page<ChangeRequest>>(ctx.requests, query), QUEUE_COLUMNS);
    });

  eitherSide(group, 'show', 'Show a change request with its comments')
    .argument('<request>', REQUEST_ARG)
    .action(async (ref: string, options: OrgOptions, command: Command) => {
      const ctx = await eitherContext(command, options);
      const id = await requestIdOf(ctx, ref);
      printRequest(
        ctx.output,
        await ctx.client.get<ChangeRequest>(`${ctx.requests}/${encodeURIComponent(id)}`),
      );
    });

  eitherSide(group, 'comment', 'Comment on a change request (the other side is notified)')
    .argument('<request>', REQUEST_ARG)
    .requiredOption('--text <text>', 'the comment')
    .action(async (ref: string, options: OrgOptions & { text: string }, command: Command) => {
      const ctx = await eitherContext(command, options);
      const id = await requestIdOf(ctx, ref);
      const path = `${ctx.requests}/${encodeURIComponent(id)}/comments`;
      const c = await ctx.client.post<ChangeRequestComment>(path, { body: options.text });
      ctx.output.record(
        { id: c.id, side: c.side, author: c.author.type, text: c.body, created: c.createdAt },
        c,
      );
    });

  scoped(
    group,
    'status',
    'Move a change request to its next status (vendor side); the organization is notified',
  )
    .argument('<request>', REQUEST_ARG)
    .addArgument(new Argument('<status>', 'the new status').choices(CHANGE_REQUEST_STATUSES))
    .option('--note <text>', 'why; posted as a comment with the change')
    .action(
      async (ref: string, status: string, options: AccountOption & { note?: string }, command: Command) => {
        const ctx = await vendorContext(command, options);
        const id = await requestIdOf(ctx, ref);
        const body = { status, ...(options.note !== undefined ? { comment: options.note } : {}) };
        printRequest(
          ctx.output,
          await ctx.client.put<ChangeRequest>(`${ctx.requests}/${encodeURIComponent(id)}/status`, body),
        );
      },
    );
}
