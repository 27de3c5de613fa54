// GET /v1/accounts/{accountId}/floating/status — who holds which floating seats now, as data and as
// an lmstat-like report ("Users of FEATURE:  (Total of N licenses issued;  Total of M licenses in use)"
// then one line per holder). An organization token sees its own licenses only.
import { type FeatureOptions, formatLmstatReport } from '@licentia/core';
import { floatingAdminRepository } from '@licentia/db';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import { floatingTermsOf } from '../../floating/floating-eligibility.ts';
import type { FloatingServices } from '../../floating/floating-services.ts';
import { type PoolSnapshot, readPool } from '../../floating/pool-report.ts';
import { type AppContext, guard } from '../../http/context.ts';
import { errorResponses, IdParam, Timestamp } from '../../http/schemas.ts';
import { AccountParams } from '../accounts/account-schema.ts';
import { Text } from './floating-schema.ts';
import { guardFloatingLicense, licensePools } from './license-pools.ts';

const MAX_POOLS = 500;

const Holder = Type.Object({
  leaseId: Type.String(),
  user: Type.String(),
  host: Type.String(),
  display: Type.Optional(Type.String()),
  count: Type.Integer(),
  startedAt: Timestamp,
  expiresAt: Timestamp,
  borrowedUntil: Type.Optional(Timestamp),
  lingerUntil: Type.Optional(Timestamp),
});

const PoolStatus = Type.Object({
  licenseId: Type.String(),
  feature: Type.String(),
  issued: Type.Integer(),
  inUse: Type.Integer({ description: 'Seats held by leases (live, borrowed, lingering)' }),
  queued: Type.Integer(),
  holders: Type.Array(Holder),
});

const iso = (ms: number) => new Date(ms).toISOString();

function statusOf(p: PoolSnapshot) {
  return {
    licenseId: p.licenseId,
    feature: p.feature,
    issued: p.state.seats,
    inUse: p.state.leases.reduce((n, l) => n + l.count, 0),
    queued: p.state.queue.length,
    holders: p.state.leases.map((l) => ({
      leaseId: l.leaseId,
      user: l.user,
      host: l.host,
      ...(l.display !== undefined ? { display: l.display } : {}),
      count: l.count,
      startedAt: iso(l.startedAt),
      expiresAt: iso(l.expiresAt),
      ...(l.borrowedUntil !== undefined ? { borrowedUntil: iso(l.borrowedUntil) } : {}),
      ...(l.lingerUntil !== undefined ? { lingerUntil: iso(l.lingerUntil) } : {}),
    })),
  };
}

export function getStatus(app: App, ctx: AppContext, services: FloatingServices): void {
  app.get(
    '/v1/accounts/:accountId/floating/status',
    {
      schema: {
        summary: 'Floating seat holders now, with an lmstat-like report',
        tags: ['floating'],
        params: AccountParams,
        querystring: Type.Object(
          { licenseId: Type.Optional(IdParam('License', 'lic')), feature: Type.Optional(Text(100)) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ data: Type.Array(PoolStatus), text: Type.String() }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { accountId } = request.params;
      const { licenseId, feature } = request.query;
      const principal = guard(
        request,
        'license:read',
        {
          accountId,
          organizationId: request.principal?.organizationId,
          productId: request.principal?.productId,
        },
        `No account ${accountId}`,
      );
      let pools: PoolSnapshot[];
      if (licenseId !== undefined) {
        const { snapshot, terms } = await guardFloatingLicense(
          request,
          ctx,
          services,
          { accountId, licenseId },
          'license:read',
        );
        pools = await licensePools(ctx, services, snapshot, terms, feature);
      } else {
        const rows = await floatingAdminRepository.listPools(
          ctx.db,
          accountId,
          {
            feature,
            organizationId: principal.organizationId ?? undefined,
            productId: principal.productId ?? undefined,
          },
          MAX_POOLS,
        );
        pools = await Promise.all(
          rows.map(async (row) => {
            const snapshot = await services.licensing.byId(accountId, row.licenseId);
            return readPool(ctx.db, row, snapshot ? floatingTermsOf(snapshot) : null);
          }),
        );
      }
      const options: Record<string, FeatureOptions> = {};
      for (const p of pools) options[p.feature] ??= p.options;
      const text = formatLmstatReport(
        pools.map((p) => p.state),
        {
          server: request.hostname || 'licentia',
          port: request.port ?? 443,
          version: '1.0',
          timeZone: 'UTC',
          now: pools[0]?.now ?? ctx.clock().getTime(),
          options,
        },
      );
      return { data: pools.map(statusOf), text };
    },
  );
}
