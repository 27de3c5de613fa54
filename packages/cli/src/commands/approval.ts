// `licentia approval …`: requests that need a second person (license and machine transfers).
import { type Command, Option } from 'commander';
import { withPaging } from '../command-context.ts';
import type { Column } from '../output.ts';
import { type AccountOption, accountPath, type Page, scoped, scopedContext } from './account-scoped.ts';

interface ApprovalRequest {
  id: string;
  licenseId: string;
  kind: string;
  status: string;
  requestedBy: string;
  decidedBy: string | null;
  reason: string | null;
  createdAt: string;
}

const COLUMNS: Column<ApprovalRequest>[] = [
  { header: 'ID', value: (r) => r.id },
  { header: 'KIND', value: (r) => r.kind },
  { header: 'STATUS', value: (r) => r.status },
  { header: 'LICENSE', value: (r) => r.licenseId },
  { header: 'REQUESTED BY', value: (r) => r.requestedBy },
  { header: 'CREATED', value: (r) => r.createdAt },
];

export function registerApprovalCommands(program: Command): void {
  const approval = program.command('approval').description('Decide license and machine transfer requests');

  withPaging(scoped(approval, 'list', 'List approval requests'))
    .addOption(
      new Option('--status <status>', 'only this status').choices(['PENDING', 'APPROVED', 'REJECTED']),
    )
    .action(
      async (
        options: AccountOption & { status?: string; limit?: number; cursor?: string },
        command: Command,
      ) => {
        const { client, output, accountId } = await scopedContext(command, options);
        const query = { status: options.status, limit: options.limit, cursor: options.cursor };
        output.list(
          await client.get<Page<ApprovalRequest>>(accountPath(accountId, 'approval-requests'), query),
          COLUMNS,
        );
      },
    );

  const decisions = {
    approve: 'Approve a request made by another token, applying it',
    reject: 'Reject a request',
  } as const;
  for (const [decision, description] of Object.entries(decisions)) {
    scoped(approval, decision, description)
      .argument('<requestId>', 'apr_… id')
      .option('--reason <text>', 'why (kept with the decision)')
      .action(async (requestId: string, options: AccountOption & { reason?: string }, command: Command) => {
        const { client, output, accountId } = await scopedContext(command, options);
        const path = accountPath(accountId, 'approval-requests', requestId, decision);
        const decided = await client.post<ApprovalRequest>(
          path,
          options.reason ? { reason: options.reason } : {},
        );
        output.record({ ...decided });
      });
  }
}
