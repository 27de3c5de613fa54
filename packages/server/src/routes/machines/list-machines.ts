// GET /v1/accounts/{accountId}/licenses/{licenseId}/machines — the machines of a license, in
// activation order; deactivated ones too with ?includeDeactivated=true.
import { machineRepository } from '@licentia/db';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { errorResponses, PageQuery, pageOf } from '../../http/schemas.ts';
import { guardLicense, LicenseParams } from './license-scope.ts';
import { Machine, toMachine } from './machine-schema.ts';

const MachineQuery = Type.Object(
  { ...PageQuery.properties, includeDeactivated: Type.Boolean({ default: false }) },
  { additionalProperties: false },
);

export function listMachines(app: App, ctx: AppContext): void {
  app.get(
    '/v1/accounts/:accountId/licenses/:licenseId/machines',
    {
      schema: {
        summary: 'List the machines of a license',
        tags: ['machines'],
        params: LicenseParams,
        querystring: MachineQuery,
        response: { 200: pageOf(Machine), ...errorResponses },
      },
    },
    async (request) => {
      const { accountId, licenseId } = request.params;
      await guardLicense(request, ctx, request.params, 'license:read');
      const { limit, cursor, includeDeactivated } = request.query;
      const page = await machineRepository.list(
        ctx.db,
        accountId,
        licenseId,
        { limit, after: cursor },
        includeDeactivated,
      );
      return { data: page.data.map(toMachine), nextCursor: page.nextCursor };
    },
  );
}
