// What approving does: LICENSE_TRANSFER moves the license to the new organization; MACHINE_TRANSFER
// deactivates the old machine and activates the new fingerprint on the same license. The caller holds
// the license row lock, so activations (which take the same lock) see either before or after.
import { AppError } from '@licentia/core';
import {
  type ApprovalRow,
  type LicenseRow,
  licenseRepository,
  machineRepository,
  organizationRepository,
  type Schema,
} from '@licentia/db';
import type { Transaction } from 'kysely';
import type { AppContext, AuditEntry } from '../../http/context.ts';

type Audit = (entry: AuditEntry) => Promise<void>;

export async function applyApproval(
  ctx: AppContext,
  trx: Transaction<Schema>,
  audit: Audit,
  request: ApprovalRow,
  license: LicenseRow,
  now: Date,
): Promise<void> {
  if (license.status === 'REVOKED')
    throw new AppError('CONFLICT', 'The license has been revoked since the request');
  if (request.kind === 'LICENSE_TRANSFER') await transferLicense(trx, audit, request, license, now);
  else await transferMachine(ctx, trx, audit, request, license, now);
}

async function transferLicense(
  trx: Transaction<Schema>,
  audit: Audit,
  request: ApprovalRow,
  license: LicenseRow,
  now: Date,
) {
  const { fromOrganizationId, toOrganizationId } = request.payload as {
    fromOrganizationId: string;
    toOrganizationId: string;
  };
  if (license.organizationId !== fromOrganizationId)
    throw new AppError('CONFLICT', 'The license has changed organization since the request');
  if (!(await organizationRepository.get(trx, license.accountId, toOrganizationId)))
    throw new AppError('CONFLICT', 'The target organization no longer exists');
  await licenseRepository.update(
    trx,
    license.accountId,
    license.id,
    { organizationId: toOrganizationId },
    now,
  );
  await audit({
    chainId: license.accountId,
    action: 'license.transferred',
    targetType: 'license',
    targetId: license.id,
    changes: {
      organizationId: { from: fromOrganizationId, to: toOrganizationId },
      approvalRequestId: request.id,
    },
  });
}

async function transferMachine(
  ctx: AppContext,
  trx: Transaction<Schema>,
  audit: Audit,
  request: ApprovalRow,
  license: LicenseRow,
  now: Date,
) {
  const { machineId, fromFingerprint, toFingerprint } = request.payload as {
    machineId: string;
    fromFingerprint: string;
    toFingerprint: string;
  };
  const old = await machineRepository.get(trx, license.accountId, license.id, machineId);
  if (!old || old.deactivatedAt !== null || old.fingerprint !== fromFingerprint)
    throw new AppError('CONFLICT', 'The machine is no longer active with that fingerprint');
  const { existing } = await machineRepository.liveCount(trx, license.accountId, license.id, toFingerprint);
  if (existing) throw new AppError('CONFLICT', 'The new fingerprint is already active on this license');
  await machineRepository.deactivate(trx, license.accountId, license.id, { machineId }, now);
  const created = await machineRepository.insert(trx, license.accountId, {
    id: ctx.newId('machine'),
    licenseId: license.id,
    fingerprint: toFingerprint,
    hostname: old.hostname,
    platform: old.platform,
    components: old.components,
    activatedAt: now,
  });
  // The license's machine set changed: bump its revision so cached validation snapshots reload.
  await licenseRepository.update(trx, license.accountId, license.id, {}, now);
  await audit({
    chainId: license.accountId,
    action: 'machine.transferred',
    targetType: 'machine',
    targetId: created.id,
    changes: {
      licenseId: license.id,
      fromMachineId: machineId,
      fromFingerprint,
      toFingerprint,
      approvalRequestId: request.id,
    },
  });
}
