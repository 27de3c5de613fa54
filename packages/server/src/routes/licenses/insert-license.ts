// Storing a newly issued license: a fresh human key (kept only as a lookup hash and sealed), dates
// from the policy, and the `license.issued` audit event. Shared by the issue route and the demo data,
// so a demo license is exactly what the API would have issued.
import { createHash } from 'node:crypto';
import {
  formatLicenseKey,
  initialLicenseDates,
  LICENSE_KEY_RANDOM_BYTES,
  type LicenseOverrides,
  normalizeLicenseKey,
  notFound,
} from '@licentia/core';
import {
  type LicenseRow,
  licenseRepository,
  organizationRepository,
  type PolicyRow,
  type Schema,
} from '@licentia/db';
import type { Kysely } from 'kysely';
import type { AppContext, AuditEntry } from '../../http/context.ts';
import { loadPolicy } from './license-access.ts';

/** SHA-256 hex of the normalized key: the only form keys are looked up by. */
export function licenseKeyHash(key: string): string {
  return createHash('sha256').update(normalizeLicenseKey(key)!).digest('hex');
}

export interface NewLicense {
  policyId: string;
  organizationId: string;
  name: string | null;
  startsAt: Date;
  overrides: LicenseOverrides;
  boundFingerprints: string[];
  metadata: Record<string, unknown>;
}

export interface InsertedLicense {
  row: LicenseRow;
  policy: PolicyRow;
  /** The human key: shown at issue and through /key, stored only hashed and sealed. */
  key: string;
}

/**
 * Insert a license of `accountId` inside `trx` with its audit event (`changes` describes the request;
 * product and model are added). 404 for a policy or organization the account does not have.
 */
export async function insertLicense(
  ctx: AppContext,
  trx: Kysely<Schema>,
  audit: (entry: AuditEntry) => Promise<void>,
  accountId: string,
  input: NewLicense,
  changes: Record<string, unknown>,
  now: Date,
): Promise<InsertedLicense> {
  const key = formatLicenseKey(ctx.randomBytes(LICENSE_KEY_RANDOM_BYTES));
  const policy = await loadPolicy(trx, accountId, input.policyId);
  if (!(await organizationRepository.get(trx, accountId, input.organizationId)))
    throw notFound('organization', input.organizationId);
  const id = ctx.newId('license');
  const dates = initialLicenseDates(policy, now, input.startsAt);
  const row = await licenseRepository.insert(
    trx,
    accountId,
    {
      id,
      organizationId: input.organizationId,
      productId: policy.productId,
      policyId: policy.id,
      keyHash: licenseKeyHash(key),
      keySealed: ctx.keys.seal(key, `${accountId}:${id}`),
      // The last 4 characters only (3 random symbols + the check): 105 unknown bits remain.
      keyHint: `…${key.slice(-4)}`,
      name: input.name,
      status: 'ACTIVE',
      model: policy.model,
      issuedAt: now,
      ...dates,
      trialActivatedAt: null,
      overrides: input.overrides,
      boundFingerprints: input.boundFingerprints,
      metadata: input.metadata,
    },
    now,
  );
  await audit({
    chainId: accountId,
    action: 'license.issued',
    targetType: 'license',
    targetId: id,
    changes: { ...changes, productId: policy.productId, model: policy.model },
  });
  return { row, policy, key };
}
