// `licentia license …`: issue licenses and read them back with their key, signed token and offline
// license files; the lifecycle steps (suspend … transfer) are in license-lifecycle.ts.
import { writeFile } from 'node:fs/promises';
import { LICENSE_MODELS, LICENSE_STATUSES } from '@licentia/core';
import { type Command, Option } from 'commander';
import { withPaging } from '../command-context.ts';
import {
  type AccountOption,
  accountPath,
  type Page,
  repeatable,
  scoped,
  scopedContext,
  wholeNumber,
} from './account-scoped.ts';
import { registerLicenseLifecycleCommands } from './license-lifecycle.ts';
import { LICENSE_COLUMNS, type License, licenseSummary } from './license-view.ts';

interface IssueOptions extends AccountOption {
  policy: string;
  org: string;
  name?: string;
  startsAt?: string;
  maxMachines?: number;
  bind?: string[];
}

interface ListOptions extends AccountOption {
  org?: string;
  product?: string;
  policy?: string;
  status?: string;
  model?: string;
  q?: string;
  limit?: number;
  cursor?: string;
}

const one = (accountId: string, licenseId: string, ...rest: string[]) =>
  accountPath(accountId, 'licenses', licenseId, ...rest);

function registerReadCommands(license: Command): void {
  withPaging(
    scoped(license, 'list', 'List licenses; with --json each carries its key and a freshly signed token'),
  )
    .option('--org <id>', 'only licenses of this organization')
    .option('--product <id>', 'only licenses of this product')
    .option('--policy <id>', 'only licenses of this policy')
    .addOption(new Option('--status <status>', 'only this status').choices(LICENSE_STATUSES))
    .addOption(new Option('--model <model>', 'only this model').choices(LICENSE_MODELS))
    .option('--q <text>', 'search name, id and key hint')
    .action(async (options: ListOptions, command: Command) => {
      const { client, output, accountId } = await scopedContext(command, options);
      const page = await client.get<Page<License>>(accountPath(accountId, 'licenses'), {
        organizationId: options.org,
        productId: options.product,
        policyId: options.policy,
        status: options.status,
        model: options.model,
        q: options.q,
        limit: options.limit,
        cursor: options.cursor,
      });
      if (!output.json) return output.list(page, LICENSE_COLUMNS);
      // Scripts want everything needed to use a license; one request pair per license, in order.
      const data = [];
      for (const l of page.data) {
        const { key } = await client.get<{ key: string }>(one(accountId, l.id, 'key'));
        const { token } = await client.get<{ token: string }>(one(accountId, l.id, 'token'));
        data.push({ ...l, key, token });
      }
      output.list({ data, nextCursor: page.nextCursor }, LICENSE_COLUMNS);
    });

  scoped(license, 'get', 'Show one license')
    .argument('<licenseId>', 'lic_… id')
    .action(async (licenseId: string, options: AccountOption, command: Command) => {
      const { client, output, accountId } = await scopedContext(command, options);
      const l = await client.get<License>(one(accountId, licenseId));
      output.record(licenseSummary(l), l);
    });

  scoped(license, 'key', 'Print the human license key (the reveal is audited)')
    .argument('<licenseId>', 'lic_… id')
    .action(async (licenseId: string, options: AccountOption, command: Command) => {
      const { client, output, accountId } = await scopedContext(command, options);
      const answer = await client.get<{ key: string }>(one(accountId, licenseId, 'key'));
      output.message(answer.key, answer);
    });

  scoped(license, 'token', 'Print a freshly signed license token (compact JWS)')
    .argument('<licenseId>', 'lic_… id')
    .action(async (licenseId: string, options: AccountOption, command: Command) => {
      const { client, output, accountId } = await scopedContext(command, options);
      const answer = await client.get<{ token: string; kid: string }>(one(accountId, licenseId, 'token'));
      output.message(answer.token, answer);
    });
}

export function registerLicenseCommands(program: Command): void {
  const license = program.command('license').description('Issue and manage licenses');

  scoped(license, 'issue', 'Issue a license from a policy to a customer organization')
    .requiredOption('--policy <id>', 'pol_… id of the policy')
    .requiredOption('--org <id>', 'org_… id of the customer organization')
    .option('--name <name>', 'display name')
    .option('--starts-at <time>', 'start, ISO 8601 (default: now)')
    .option('--max-machines <n>', 'override the policy machine limit', wholeNumber)
    .option('--bind <fingerprint>', 'node-locked: a machine fingerprint (64 hex), repeatable', repeatable)
    .action(async (options: IssueOptions, command: Command) => {
      const { client, output, accountId } = await scopedContext(command, options);
      const issued = await client.post<{ license: License; key: string; token: string }>(
        accountPath(accountId, 'licenses'),
        {
          policyId: options.policy,
          organizationId: options.org,
          ...(options.name ? { name: options.name } : {}),
          ...(options.startsAt ? { startsAt: options.startsAt } : {}),
          ...(options.maxMachines !== undefined ? { overrides: { maxMachines: options.maxMachines } } : {}),
          ...(options.bind ? { boundFingerprints: options.bind } : {}),
        },
      );
      output.record({ ...licenseSummary(issued.license), key: issued.key, token: issued.token }, issued);
    });

  registerReadCommands(license);

  scoped(license, 'file', 'Write an offline license file bound to one machine')
    .argument('<licenseId>', 'lic_… id')
    .requiredOption('--fingerprint <fp>', "the machine's fingerprint (64 hex)")
    .option(
      '--ttl <seconds>',
      'lifetime in seconds (default 30 days, capped by the license expiry)',
      wholeNumber,
    )
    .option('--out <path>', 'write the armoured file here (default: print it)')
    .action(
      async (
        licenseId: string,
        options: AccountOption & { fingerprint: string; ttl?: number; out?: string },
        command: Command,
      ) => {
        const { client, output, accountId } = await scopedContext(command, options);
        const answer = await client.post<{ file: string; expiresAt: string; kid: string }>(
          one(accountId, licenseId, 'license-file'),
          {
            fingerprint: options.fingerprint,
            ...(options.ttl !== undefined ? { ttlSeconds: options.ttl } : {}),
          },
        );
        if (!options.out) return output.message(answer.file.trimEnd(), answer);
        await writeFile(options.out, answer.file, { mode: 0o644 });
        const { file: _file, ...rest } = answer;
        output.message(`Wrote ${options.out} (expires ${answer.expiresAt})`, { ...rest, path: options.out });
      },
    );

  registerLicenseLifecycleCommands(license);
}
