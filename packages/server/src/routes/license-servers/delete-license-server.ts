// DELETE …/organizations/{organizationId}/license-servers/{licenseServerId} — only a server no usage
// names; one with history is disabled instead (409), so imported events keep their server.
import { AppError, notFound } from '@licentia/core';
import { licenseServerRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import { type AppContext, mutate } from '../../http/context.ts';
import { errorResponses, Problem } from '../../http/schemas.ts';
import { ADMIN_WRITE, ORG_PATH, orgAccess } from '../customer-orgs/org-access.ts';
import { LicenseServerParams } from './license-server-schema.ts';

export function deleteLicenseServer(app: App, ctx: AppContext): void {
  app.delete(
    `${ORG_PATH}/license-servers/:licenseServerId`,
    {
      schema: {
        summary: 'Delete a monitored license server without usage',
        tags: ['license-servers'],
        params: LicenseServerParams,
        response: { 204: { type: 'null', description: 'Deleted' }, ...errorResponses, 409: Problem },
      },
    },
    async (request, reply) => {
      const { licenseServerId, ...scope } = request.params;
      await orgAccess(request, ctx, scope, ADMIN_WRITE, `No license server ${licenseServerId}`);
      await mutate(ctx, request, async (trx, audit) => {
        if (!(await licenseServerRepository.get(trx, scope, licenseServerId)))
          throw notFound('license server', licenseServerId);
        if (await licenseServerRepository.hasEvents(trx, licenseServerId)) {
          throw new AppError(
            'CONFLICT',
            'This license server has usage history: disable it instead (enabled: false)',
          );
        }
        await licenseServerRepository.delete(trx, scope, licenseServerId);
        await audit({
          chainId: scope.accountId,
          action: 'license-server.deleted',
          targetType: 'license-server',
          targetId: licenseServerId,
        });
      });
      return reply.code(204).send(null);
    },
  );
}
