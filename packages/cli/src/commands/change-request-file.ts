// `licentia change-request file`: a customer asks its vendor for a license change. The payload is
// assembled from flags by kind (the members the create route accepts), and a flag missing for the
// kind, or one the kind does not take, is a command-line mistake caught before any request.
import { CHANGE_REQUEST_KINDS, type ChangeRequestKind } from '@licentia/core';
import { type Command, Option } from 'commander';
import { positiveInteger, UsageError } from '../command-context.ts';
import { type ChangeRequest, customerContext, printRequest } from './change-request-scope.ts';
import { type OrgOptions, orgScoped } from './usage-scope.ts';

/** Each payload flag and the payload member it fills. */
const MEMBERS = {
  license: 'licenseId',
  quantity: 'quantity',
  code: 'code',
  name: 'name',
  product: 'productId',
  displayName: 'displayName',
  environment: 'environmentId',
  text: 'text',
} as const;
type PayloadFlag = keyof typeof MEMBERS;

/** The payload of each kind (docs/privileges-and-change-requests.md); only ADD_INTEGRATION has an optional member. */
const KIND_FLAGS: Record<ChangeRequestKind, { required: PayloadFlag[]; optional: PayloadFlag[] }> = {
  ADD_SEATS: { required: ['license', 'quantity'], optional: [] },
  ADD_INTEGRATION: { required: ['code', 'quantity'], optional: ['name'] },
  RENAME_PRODUCT_DISPLAY_NAME: { required: ['product', 'displayName'], optional: [] },
  MOVE_LICENSE_ENVIRONMENT: { required: ['license', 'environment'], optional: [] },
  OTHER: { required: ['text'], optional: [] },
};

type FileOptions = OrgOptions &
  Partial<Record<PayloadFlag, string | number>> & {
    kind: ChangeRequestKind;
    subject?: string;
    description?: string;
  };

const flagOf = (f: PayloadFlag) => `--${f.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** The payload of `kind` from the flags given. */
export function payloadOf(kind: ChangeRequestKind, options: FileOptions): Record<string, unknown> {
  const { required, optional } = KIND_FLAGS[kind];
  const missing = required.filter((f) => options[f] === undefined);
  if (missing.length > 0) throw new UsageError(`--kind ${kind} needs ${missing.map(flagOf).join(' and ')}`);
  const allowed = [...required, ...optional];
  const given = (Object.keys(MEMBERS) as PayloadFlag[]).filter((f) => options[f] !== undefined);
  const stray = given.filter((f) => !allowed.includes(f));
  if (stray.length > 0) throw new UsageError(`${stray.map(flagOf).join(', ')} not taken by --kind ${kind}`);
  return Object.fromEntries(given.map((f) => [MEMBERS[f], options[f]]));
}

export function registerFileCommand(group: Command): void {
  orgScoped(group, 'file', 'File a change request with the vendor (customer side); prints its case number')
    .addOption(
      new Option('--kind <kind>', 'what is asked for').choices(CHANGE_REQUEST_KINDS).makeOptionMandatory(),
    )
    .option('--license <id>', 'ADD_SEATS, MOVE_LICENSE_ENVIRONMENT: the lic_… license')
    .option('--quantity <n>', 'ADD_SEATS, ADD_INTEGRATION: how many', positiveInteger)
    .option('--code <code>', 'ADD_INTEGRATION: catalog code of the integration')
    .option('--name <name>', 'ADD_INTEGRATION: its name (optional)')
    .option('--product <id>', 'RENAME_PRODUCT_DISPLAY_NAME: the prod_… product')
    .option('--display-name <name>', 'RENAME_PRODUCT_DISPLAY_NAME: the name to show')
    .option('--environment <id>', 'MOVE_LICENSE_ENVIRONMENT: the env_… production environment')
    .option('--text <text>', 'OTHER: what is asked for, in words')
    .option('--subject <text>', 'subject line (default: derived from the request)')
    .option('--description <text>', 'longer explanation')
    .action(async (options: FileOptions, command: Command) => {
      const payload = payloadOf(options.kind, options);
      const ctx = await customerContext(command, options);
      const filed = await ctx.client.post<ChangeRequest>(ctx.requests, {
        kind: options.kind,
        payload,
        subject: options.subject,
        description: options.description,
      });
      printRequest(ctx.output, filed);
    });
}
