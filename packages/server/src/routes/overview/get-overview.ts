// GET /v1/overview — live counts of what the caller can see, for the console's overview page.
import { accountRepository, auditRepository, organizationRepository, tokenRepository } from '@licentia/db';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import { type AppContext, principalOf } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';

const Overview = Type.Object({
  accounts: Type.Integer(),
  organizations: Type.Integer(),
  activeTokens: Type.Integer(),
  auditEvents: Type.Integer(),
});

export function getOverview(app: App, ctx: AppContext): void {
  app.get(
    '/v1/overview',
    {
      schema: {
        summary: 'Counts for the overview page',
        tags: ['overview'],
        response: { 200: Overview, ...errorResponses },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const now = ctx.clock();
      if (p.kind === 'organization') {
        const tokens = await tokenRepository.countLive(
          ctx.db,
          { accountId: p.accountId, organizationId: p.organizationId },
          now,
        );
        return { accounts: 0, organizations: 1, activeTokens: tokens, auditEvents: 0 };
      }
      const accountId = p.kind === 'operator' ? undefined : (p.accountId ?? undefined);
      return {
        accounts: accountId ? 1 : await accountRepository.count(ctx.db),
        organizations: await organizationRepository.count(ctx.db, accountId),
        activeTokens: await tokenRepository.countLive(ctx.db, { accountId: accountId ?? null }, now),
        auditEvents: await auditRepository.countEvents(ctx.db, accountId),
      };
    },
  );
}
