// What the `licentia change-request` commands share: the request's shape and how it prints, which
// side's routes a command uses (an organization's own requests or the vendor's queue), and case
// numbers (CASE-000042) accepted wherever a request is named.
import { formatCaseNumber, parseCaseNumber } from '@licentia/core';
import type { Command } from 'commander';
import { ApiError } from '../api-client.ts';
import { accountOf, type CommandContext, contextOf } from '../command-context.ts';
import type { Column, Output } from '../output.ts';
import { type AccountOption, accountPath, type Page, scopedContext } from './account-scoped.ts';
import { type OrgOptions, orgContext } from './usage-scope.ts';

export interface ChangeRequestComment {
  id: string;
  side: 'VENDOR' | 'ORGANIZATION';
  author: { type: string; id: string; personId: string | null };
  body: string;
  createdAt: string;
}

export interface ChangeRequest {
  id: string;
  caseNumber: string;
  number: number;
  organizationId: string;
  kind: string;
  subject: string;
  description: string | null;
  payload: Record<string, unknown>;
  status: string;
  nextStatuses: string[];
  createdBy: { type: string; id: string; personId: string | null };
  createdAt: string;
  updatedAt: string;
  comments?: ChangeRequestComment[];
}

/** The subject is last: it is the one free-text column, and the last column is not padded. */
export const REQUEST_COLUMNS: Column<ChangeRequest>[] = [
  { header: 'CASE', value: (r) => r.caseNumber },
  { header: 'ID', value: (r) => r.id },
  { header: 'STATUS', value: (r) => r.status },
  { header: 'KIND', value: (r) => r.kind },
  { header: 'CREATED', value: (r) => r.createdAt },
  { header: 'SUBJECT', value: (r) => r.subject },
];

const COMMENT_COLUMNS: Column<ChangeRequestComment>[] = [
  { header: 'CREATED', value: (c) => c.createdAt },
  { header: 'SIDE', value: (c) => c.side },
  { header: 'AUTHOR', value: (c) => c.author.type },
  { header: 'TEXT', value: (c) => c.body },
];

/** Client and output plus the `…/change-requests` collection the command works on. */
export type RequestsContext = CommandContext & { requests: string };

/** The organization's own requests: --org, or the organization token's own organization. */
export async function customerContext(command: Command, options: OrgOptions): Promise<RequestsContext> {
  const ctx = await orgContext(command, options);
  return { ...ctx, requests: `${ctx.base}/change-requests` };
}

/** The vendor's queue of the account: --account, or the token's own account. */
export async function vendorContext(command: Command, options: AccountOption): Promise<RequestsContext> {
  const { accountId, ...ctx } = await scopedContext(command, options);
  return { ...ctx, requests: accountPath(accountId, 'change-requests') };
}

/**
 * For commands both sides run (show, comment): the organization's routes when --org is given or the
 * token is an organization token, otherwise the vendor's queue of the account.
 */
export async function eitherContext(command: Command, options: OrgOptions): Promise<RequestsContext> {
  if (options.org) return customerContext(command, options);
  const ctx = contextOf(command);
  const me = await ctx.client.get<{ accountId: string | null; organizationId: string | null }>('/v1/me');
  const accountId = options.account ?? me.accountId ?? (await accountOf(ctx, undefined));
  const requests = me.organizationId
    ? accountPath(accountId, 'organizations', me.organizationId, 'change-requests')
    : accountPath(accountId, 'change-requests');
  return { ...ctx, requests };
}

/** Adds --account and --org to a subcommand both sides run. */
export function eitherSide(group: Command, name: string, description: string): Command {
  return group
    .command(name)
    .description(description)
    .option('--account <id>', "vendor account (default: the token's account)")
    .option(
      '--org <id>',
      "customer organization (default: an organization token's own; else the vendor's queue)",
    );
}

/**
 * The id of a request named by id or by case number. The routes take ids only, so a case number is
 * looked up in the list the caller may see (oldest first); a case the caller cannot see gets the
 * same NOT_FOUND the server gives for an unknown id, so scripts see one outcome for both forms.
 */
export async function requestIdOf(ctx: RequestsContext, ref: string): Promise<string> {
  const number = parseCaseNumber(ref);
  if (number === null) return ref;
  let cursor: string | undefined;
  do {
    const page = await ctx.client.get<Page<ChangeRequest>>(ctx.requests, { limit: 200, cursor });
    const found = page.data.find((r) => r.number === number);
    if (found) return found.id;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  throw new ApiError(404, 'NOT_FOUND', `No change request ${formatCaseNumber(number)}`);
}

/** One request as "key value" lines, then its comments as a table; --json prints the answer as is. */
export function printRequest(output: Output, r: ChangeRequest): void {
  output.record(
    {
      case: r.caseNumber,
      id: r.id,
      status: r.status,
      next: r.nextStatuses.length > 0 ? r.nextStatuses : null,
      kind: r.kind,
      subject: r.subject,
      description: r.description,
      payload: r.payload,
      organization: r.organizationId,
      createdBy: r.createdBy.type,
      created: r.createdAt,
      updated: r.updatedAt,
    },
    r,
  );
  if (output.json || !r.comments) return;
  output.message('\nComments');
  output.list({ data: r.comments, nextCursor: null }, COMMENT_COLUMNS);
}
