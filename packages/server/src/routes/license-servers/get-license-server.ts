// GET …/organizations/{organizationId}/license-servers/{licenseServerId}
import { notFound } from '@licentia/core';
import { licenseServerRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { ORG_PATH, orgAccess, REPORTS } from '../customer-orgs/org-access.ts';
import { LicenseServer, LicenseServerParams, toLicenseServer } from './license-server-schema.ts';

export function getLicenseServer(app: App, ctx: AppContext): void {
  app.get(
    `${ORG_PATH}/license-servers/:licenseServerId`,
    {
      schema: {
        summary: 'Get a monitored license server',
        tags: ['license-servers'],
        params: LicenseServerParams,
        response: { 200: LicenseServer, ...errorResponses },
      },
    },
    async (request) => {
      const { licenseServerId, ...scope } = request.params;
      const missing = `No license server ${licenseServerId}`;
      await orgAccess(request, ctx, scope, REPORTS, missing);
      const row = await licenseServerRepository.get(ctx.db, scope, licenseServerId);
      if (!row) throw notFound('license server', licenseServerId);
      return toLicenseServer(row);
    },
  );
}
