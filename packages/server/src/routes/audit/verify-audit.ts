// GET /v1/audit/verify — recompute hash chains and name the first broken event of each.
// Anyone with audit:read can verify their own chain; the operator verifies all of them.
import { auditRepository } from '@licentia/db';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import { type AppContext, guard, principalOf } from '../../http/context.ts';
import { errorResponses, Nullable } from '../../http/schemas.ts';
import { ChainQuery, chainFor } from './audit-schema.ts';

const ChainResult = Type.Object({
  chainId: Type.String(),
  ok: Type.Boolean(),
  checked: Type.Integer(),
  firstBroken: Nullable(Type.Object({ id: Type.String(), seq: Type.Integer(), reason: Type.String() })),
  tailMissing: Type.Boolean({ description: 'Events after the last stored one were removed' }),
});

export function verifyAudit(app: App, ctx: AppContext): void {
  app.get(
    '/v1/audit/verify',
    {
      schema: {
        summary: 'Verify audit hash chains',
        tags: ['audit'],
        querystring: Type.Object({ accountId: Type.Optional(ChainQuery) }, { additionalProperties: false }),
        response: {
          200: Type.Object({ ok: Type.Boolean(), chains: Type.Array(ChainResult) }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const all = principal.kind === 'operator' && !request.query.accountId;
      const chainIds = all
        ? await auditRepository.chainIds(ctx.db)
        : [chainFor(principal, request.query.accountId)];
      for (const chainId of chainIds) {
        guard(
          request,
          'audit:read',
          chainId === 'system' ? {} : { accountId: chainId },
          `No audit chain ${chainId}`,
        );
      }
      const chains = [];
      for (const chainId of chainIds) {
        const r = await auditRepository.verify(ctx.db, chainId);
        chains.push({
          chainId,
          ok: r.ok,
          checked: r.checked,
          firstBroken: r.firstBroken,
          tailMissing: r.tailMissing,
        });
      }
      return { ok: chains.every((c) => c.ok), chains };
    },
  );
}
