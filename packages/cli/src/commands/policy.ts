// `licentia policy …`: license templates of a product — model, durations, limits, entitlements, price.
import { LICENSE_MODELS, OVERAGE_STRATEGIES, RENEW_FROM, TRIAL_STARTS_AT } from '@licentia/core';
import { type Command, Option } from 'commander';
import { withPaging } from '../command-context.ts';
import type { Column } from '../output.ts';
import {
  type AccountOption,
  accountPath,
  commaList,
  type Page,
  repeatable,
  scoped,
  scopedContext,
  typedValue,
  wholeNumber,
} from './account-scoped.ts';

interface Policy {
  id: string;
  productId: string;
  name: string;
  model: string;
  durationIso: string | null;
  maxMachines: number | null;
  overage: string;
  priceCents: number | null;
}

const COLUMNS: Column<Policy>[] = [
  { header: 'ID', value: (p) => p.id },
  { header: 'NAME', value: (p) => p.name },
  { header: 'MODEL', value: (p) => p.model },
  { header: 'PRODUCT', value: (p) => p.productId },
  { header: 'DURATION', value: (p) => p.durationIso },
  { header: 'MACHINES', value: (p) => p.maxMachines },
];

interface CreateOptions extends AccountOption {
  product: string;
  name: string;
  model: string;
  duration?: string;
  maintenance?: string;
  grace?: string;
  maxMachines?: number;
  maxUsers?: number;
  overage?: string;
  heartbeat?: number;
  countries?: string[];
  departments?: string[];
  versionRange?: string;
  entitlement?: string[];
  priceCents?: number;
  billingPeriod?: string;
  renewFrom?: string;
  trialStartsAt?: string;
  maxBorrowHours?: number;
}

/** `CODE` or `CODE=value` (value typed: number, true/false, text). */
function entitlementOf(text: string): { code: string; value?: number | string | boolean } {
  const at = text.indexOf('=');
  return at < 0 ? { code: text } : { code: text.slice(0, at), value: typedValue(text.slice(at + 1)) };
}

/** The request body: only the terms given on the command line; the server fills the defaults. */
function bodyOf(o: CreateOptions): Record<string, unknown> {
  const body: Record<string, unknown> = {
    productId: o.product,
    name: o.name,
    model: o.model,
    durationIso: o.duration,
    maintenanceDurationIso: o.maintenance,
    gracePeriodIso: o.grace,
    maxMachines: o.maxMachines,
    maxUsers: o.maxUsers,
    overage: o.overage,
    heartbeatIntervalSeconds: o.heartbeat,
    allowedCountries: o.countries,
    allowedDepartments: o.departments,
    versionRange: o.versionRange,
    entitlements: o.entitlement?.map(entitlementOf),
    priceCents: o.priceCents,
    billingPeriodIso: o.billingPeriod,
    renewFrom: o.renewFrom,
    trialStartsAt: o.trialStartsAt,
    maxBorrowHours: o.maxBorrowHours,
  };
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
}

export function registerPolicyCommands(program: Command): void {
  const policy = program.command('policy').description('Manage license policies (templates of licenses)');

  scoped(policy, 'create', 'Create a policy for a product')
    .requiredOption('--product <id>', 'prod_… id of the product')
    .requiredOption('--name <name>', 'display name')
    .addOption(new Option('--model <model>', 'license model').choices(LICENSE_MODELS).makeOptionMandatory())
    .option('--duration <iso>', 'license duration, ISO 8601 (P1Y); absent = never expires')
    .option('--maintenance <iso>', 'maintenance after issue, ISO 8601 (P1Y)')
    .option('--grace <iso>', 'valid with a warning after expiry, ISO 8601 (P14D)')
    .option('--max-machines <n>', 'machines (seats for FLOATING)', wholeNumber)
    .option('--max-users <n>', 'users', wholeNumber)
    .addOption(new Option('--overage <strategy>', 'how far beyond the limits').choices(OVERAGE_STRATEGIES))
    .option('--heartbeat <seconds>', 'heartbeat interval in seconds', wholeNumber)
    .option('--countries <codes>', 'allowed countries, comma-separated ISO codes (SE,NO)', commaList)
    .option('--departments <names>', 'allowed departments, comma-separated', commaList)
    .option('--version-range <range>', 'covered versions, a semver range (">=1 <3")')
    .option('--entitlement <code[=value]>', 'a granted feature, repeatable', repeatable)
    .option('--price-cents <n>', 'price per billing period per seat, in cents', wholeNumber)
    .option('--billing-period <iso>', 'billing period, ISO 8601 (P1M)')
    .addOption(new Option('--renew-from <from>', 'SUBSCRIPTION renewals start').choices(RENEW_FROM))
    .addOption(new Option('--trial-starts-at <when>', 'TRIAL clock starts').choices(TRIAL_STARTS_AT))
    .option('--max-borrow-hours <n>', 'FLOATING: longest offline borrow', wholeNumber)
    .action(async (options: CreateOptions, command: Command) => {
      const { client, output, accountId } = await scopedContext(command, options);
      output.record({ ...(await client.post<Policy>(accountPath(accountId, 'policies'), bodyOf(options))) });
    });

  withPaging(scoped(policy, 'list', 'List policies'))
    .option('--product <id>', 'only policies of this product')
    .addOption(new Option('--model <model>', 'only this model').choices(LICENSE_MODELS))
    .action(
      async (
        options: AccountOption & { product?: string; model?: string; limit?: number; cursor?: string },
        command: Command,
      ) => {
        const { client, output, accountId } = await scopedContext(command, options);
        const query = {
          productId: options.product,
          model: options.model,
          limit: options.limit,
          cursor: options.cursor,
        };
        output.list(await client.get<Page<Policy>>(accountPath(accountId, 'policies'), query), COLUMNS);
      },
    );

  scoped(policy, 'get', 'Show one policy with all its terms')
    .argument('<policyId>', 'pol_… id')
    .action(async (policyId: string, options: AccountOption, command: Command) => {
      const { client, output, accountId } = await scopedContext(command, options);
      output.record({ ...(await client.get<Policy>(accountPath(accountId, 'policies', policyId))) });
    });

  scoped(policy, 'delete', 'Delete a policy that no license uses')
    .argument('<policyId>', 'pol_… id')
    .action(async (policyId: string, options: AccountOption, command: Command) => {
      const { client, output, accountId } = await scopedContext(command, options);
      await client.delete(accountPath(accountId, 'policies', policyId));
      output.message(`Deleted policy ${policyId}`, { id: policyId, deleted: true });
    });
}
