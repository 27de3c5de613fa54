// PATCH …/organizations/{organizationId}/license-servers/{licenseServerId} — rename, change hosts,
// daemons or time zone, enable or disable (a disabled server takes no new usage).
import { assertZone, notFound } from '@licentia/core';
import { licenseServerRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import { type AppContext, mutate } from '../../http/context.ts';
import { errorResponses, Problem } from '../../http/schemas.ts';
import { conflictOnDuplicate } from '../catalog/input-errors.ts';
import { ADMIN_WRITE, ORG_PATH, orgAccess } from '../customer-orgs/org-access.ts';
import {
  LicenseServer,
  LicenseServerParams,
  toLicenseServer,
  UpdateLicenseServerBody,
} from './license-server-schema.ts';

export function updateLicenseServer(app: App, ctx: AppContext): void {
  app.patch(
    `${ORG_PATH}/license-servers/:licenseServerId`,
    {
      schema: {
        summary: 'Update a monitored license server',
        tags: ['license-servers'],
        params: LicenseServerParams,
        body: UpdateLicenseServerBody,
        response: { 200: LicenseServer, ...errorResponses, 409: Problem },
      },
    },
    async (request) => {
      const { licenseServerId, ...scope } = request.params;
      await orgAccess(request, ctx, scope, ADMIN_WRITE, `No license server ${licenseServerId}`);
      const body = { ...request.body, ...(request.body.name ? { name: request.body.name.trim() } : {}) };
      if (body.timeZone) assertZone(body.timeZone);
      const row = await mutate(ctx, request, async (trx, audit) => {
        const updated = await conflictOnDuplicate(
          licenseServerRepository.update(trx, scope, licenseServerId, body, ctx.clock()),
          `A license server named ${body.name} already exists`,
        );
        if (!updated) throw notFound('license server', licenseServerId);
        await audit({
          chainId: scope.accountId,
          action: 'license-server.updated',
          targetType: 'license-server',
          targetId: licenseServerId,
          changes: body,
        });
        return updated;
      });
      return toLicenseServer(row);
    },
  );
}
