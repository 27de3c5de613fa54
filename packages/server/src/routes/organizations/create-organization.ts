// POST /v1/accounts/{accountId}/organizations — a vendor adds a customer organization.
import { notFound } from '@licentia/core';
import { accountRepository, organizationRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import { type AppContext, guard, mutate } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { AccountParams } from '../accounts/account-schema.ts';
import { Organization, OrganizationBody, toOrganization } from './organization-schema.ts';

export function createOrganization(app: App, ctx: AppContext): void {
  app.post(
    '/v1/accounts/:accountId/organizations',
    {
      schema: {
        summary: 'Create a customer organization',
        tags: ['organizations'],
        params: AccountParams,
        body: OrganizationBody,
        response: { 201: Organization, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { accountId } = request.params;
      guard(request, 'organization:write', { accountId }, `No account ${accountId}`);
      const row = await mutate(ctx, request, async (trx, audit) => {
        if (!(await accountRepository.get(trx, accountId))) throw notFound('account', accountId);
        const org = await organizationRepository.insert(trx, accountId, {
          id: ctx.newId('organization'),
          name: request.body.name,
        });
        await audit({
          chainId: accountId,
          action: 'organization.created',
          targetType: 'organization',
          targetId: org.id,
          changes: request.body,
        });
        return org;
      });
      return reply.code(201).send(toOrganization(row));
    },
  );
}
