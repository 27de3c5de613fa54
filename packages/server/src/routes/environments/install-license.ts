// PUT …/organizations/{organizationId}/licenses/{licenseId}/environment — the vendor installs a
// product license in a production environment (or uninstalls it with null). Customers ask for a
// move through a change request: their tokens get CONTACT_ACCOUNT_MANAGER.
import { AppError, installBlocker, notFound } from '@licentia/core';
import { environmentRepository, seatRepository } from '@licentia/db';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import { type AppContext, mutate } from '../../http/context.ts';
import { errorResponses, IdParam, Nullable, Problem } from '../../http/schemas.ts';
import { AccountId } from '../accounts/account-schema.ts';
import { ORG_PATH, vendorAccess } from '../customer-orgs/org-access.ts';
import { OrganizationId } from '../organizations/organization-schema.ts';
import { EnvironmentId } from './environment-schema.ts';

const Params = Type.Object(
  { accountId: AccountId, organizationId: OrganizationId, licenseId: IdParam('License', 'lic') },
  { additionalProperties: false },
);
const Body = Type.Object({ environmentId: Nullable(EnvironmentId) }, { additionalProperties: false });
const Installed = Type.Object({ licenseId: Type.String(), environmentId: Nullable(Type.String()) });

export function installLicense(app: App, ctx: AppContext): void {
  app.put(
    `${ORG_PATH}/licenses/:licenseId/environment`,
    {
      schema: {
        summary: 'Install a product license in a production environment (vendor only)',
        tags: ['environments'],
        params: Params,
        body: Body,
        response: { 200: Installed, ...errorResponses, 409: Problem },
      },
    },
    async (request) => {
      const { accountId, organizationId, licenseId } = request.params;
      const { environmentId } = request.body;
      await vendorAccess(request, ctx, { accountId, organizationId });
      await mutate(ctx, request, async (trx, audit) => {
        const license = await seatRepository.license(trx, accountId, organizationId, licenseId, true);
        if (!license) throw notFound('license', licenseId);
        if (environmentId) {
          const environment = await environmentRepository.get(trx, accountId, organizationId, environmentId);
          if (!environment) throw notFound('environment', environmentId);
          const blocker = installBlocker(environment);
          if (blocker) throw new AppError('CONFLICT', blocker);
        }
        await environmentRepository.installLicense(trx, accountId, licenseId, environmentId, ctx.clock());
        await audit({
          chainId: accountId,
          action: 'license.environment_changed',
          targetType: 'license',
          targetId: licenseId,
          changes: { environmentId: { from: license.environmentId, to: environmentId } },
        });
      });
      ctx.licensing?.cache.invalidate(licenseId);
      return { licenseId, environmentId };
    },
  );
}
