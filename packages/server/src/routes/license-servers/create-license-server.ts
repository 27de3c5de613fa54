// POST …/organizations/{organizationId}/license-servers — register a monitored license server.
import { assertZone } from '@licentia/core';
import { licenseServerRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import { type AppContext, mutate } from '../../http/context.ts';
import { errorResponses, Problem } from '../../http/schemas.ts';
import { conflictOnDuplicate } from '../catalog/input-errors.ts';
import { ADMIN_WRITE, ORG_PATH, orgAccess } from '../customer-orgs/org-access.ts';
import { OrganizationParams } from '../organizations/organization-schema.ts';
import { CreateLicenseServerBody, LicenseServer, toLicenseServer } from './license-server-schema.ts';

export function createLicenseServer(app: App, ctx: AppContext): void {
  app.post(
    `${ORG_PATH}/license-servers`,
    {
      schema: {
        summary: 'Register a monitored license server',
        description: 'Names are unique per organization, compared without case.',
        tags: ['license-servers'],
        params: OrganizationParams,
        body: CreateLicenseServerBody,
        response: { 201: LicenseServer, ...errorResponses, 409: Problem },
      },
    },
    async (request, reply) => {
      const scope = request.params;
      await orgAccess(request, ctx, scope, ADMIN_WRITE);
      const body = request.body;
      const timeZone = body.timeZone ?? 'UTC';
      assertZone(timeZone);
      const name = body.name.trim();
      const row = await mutate(ctx, request, async (trx, audit) => {
        const created = await conflictOnDuplicate(
          licenseServerRepository.insert(trx, scope, {
            id: ctx.newId('licenseServer'),
            name,
            hosts: body.hosts ?? [],
            vendorDaemons: body.vendorDaemons ?? [],
            timeZone,
            enabled: body.enabled ?? true,
            now: ctx.clock(),
          }),
          `A license server named ${name} already exists`,
        );
        await audit({
          chainId: scope.accountId,
          action: 'license-server.created',
          targetType: 'license-server',
          targetId: created.id,
          changes: { organizationId: scope.organizationId, ...body, timeZone },
        });
        return created;
      });
      return reply.code(201).send(toLicenseServer(row));
    },
  );
}
