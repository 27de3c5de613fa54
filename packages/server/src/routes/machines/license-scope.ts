// Vendor-side access to one license's machines and history: find the license in the account, then
// guard with its organization and product, so an organization or product token reaches only its
// own licenses and everything else gets the same 404 as a missing license.
import { notFound, type Permission } from '@licentia/core';
import { type LicenseScopeRow, licenseSnapshotRepository } from '@licentia/db';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { type AppContext, guard } from '../../http/context.ts';
import { IdParam } from '../../http/schemas.ts';
import { AccountId } from '../accounts/account-schema.ts';

export const LicenseParams = Type.Object(
  { accountId: AccountId, licenseId: IdParam('License', 'lic') },
  { additionalProperties: false },
);

export async function guardLicense(
  request: FastifyRequest,
  ctx: AppContext,
  params: { accountId: string; licenseId: string },
  permission: Permission,
): Promise<LicenseScopeRow> {
  const { accountId, licenseId } = params;
  // Authorize on the account first, so another tenant's token never triggers a lookup.
  guard(
    request,
    permission,
    { accountId, organizationId: request.principal?.organizationId, productId: request.principal?.productId },
    `No license ${licenseId}`,
  );
  const license = await licenseSnapshotRepository.findScope(ctx.db, accountId, licenseId);
  if (!license) throw notFound('license', licenseId);
  guard(
    request,
    permission,
    { accountId, organizationId: license.organizationId, productId: license.productId },
    `No license ${licenseId}`,
  );
  return license;
}
