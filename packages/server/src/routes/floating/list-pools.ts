// GET /v1/accounts/{accountId}/licenses/{licenseId}/floating/pools — every floating feature of a
// license with its seats, seats in use (leases and holds), borrowed, lingering, queued and reserved.
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import type { FloatingServices } from '../../floating/floating-services.ts';
import { poolSummary } from '../../floating/pool-report.ts';
import type { AppContext } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { LicenseParams } from '../machines/license-scope.ts';
import { guardFloatingLicense, licensePools } from './license-pools.ts';

const PoolSummary = Type.Object({
  feature: Type.String(),
  seats: Type.Integer(),
  inUse: Type.Integer({ description: 'Seats taken by leases (live, borrowed, lingering) and holds' }),
  borrowed: Type.Integer(),
  lingering: Type.Integer(),
  queued: Type.Integer({ description: 'Queue entries waiting' }),
  reserved: Type.Integer({ description: 'Seats reserved by RESERVE options' }),
  heartbeatIntervalSeconds: Type.Integer(),
});

export function listPools(app: App, ctx: AppContext, services: FloatingServices): void {
  app.get(
    '/v1/accounts/:accountId/licenses/:licenseId/floating/pools',
    {
      schema: {
        summary: "A license's floating pools, one per feature",
        tags: ['floating'],
        params: LicenseParams,
        response: { 200: Type.Object({ data: Type.Array(PoolSummary) }), ...errorResponses },
      },
    },
    async (request) => {
      const { snapshot, terms } = await guardFloatingLicense(
        request,
        ctx,
        services,
        request.params,
        'license:read',
      );
      const pools = await licensePools(ctx, services, snapshot, terms);
      return { data: pools.map(poolSummary) };
    },
  );
}
