// GET /v1/me — who the presented token is: kind, roles, tenant. The web console signs in with it.
import { accountRepository, organizationRepository } from '@licentia/db';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import { type AppContext, principalOf } from '../../http/context.ts';
import { errorResponses, Nullable } from '../../http/schemas.ts';

const Me = Type.Object({
  tokenId: Type.String(),
  kind: Type.String(),
  roles: Type.Array(Type.String()),
  accountId: Nullable(Type.String()),
  accountName: Nullable(Type.String()),
  organizationId: Nullable(Type.String()),
  organizationName: Nullable(Type.String()),
});

export function getMe(app: App, ctx: AppContext): void {
  app.get(
    '/v1/me',
    {
      schema: {
        summary: 'Describe the calling token',
        tags: ['overview'],
        response: { 200: Me, ...errorResponses },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const account = p.accountId ? await accountRepository.get(ctx.db, p.accountId) : undefined;
      const org =
        p.accountId && p.organizationId
          ? await organizationRepository.get(ctx.db, p.accountId, p.organizationId)
          : undefined;
      return {
        tokenId: p.tokenId,
        kind: p.kind,
        roles: [...p.roles],
        accountId: p.accountId,
        accountName: account?.name ?? null,
        organizationId: p.organizationId,
        organizationName: org?.name ?? null,
      };
    },
  );
}
