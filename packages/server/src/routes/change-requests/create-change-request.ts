// POST /v1/accounts/{accountId}/organizations/{organizationId}/change-requests — a customer asks the
// vendor for a license change (LICENSING privilege); the request gets the account's next case number.
import { CHANGE_REQUEST_KINDS, notFound, validateChangeRequest } from '@licentia/core';
import { organizationRepository } from '@licentia/db';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import { type AppContext, mutate } from '../../http/context.ts';
import { requireOrgPrivilege } from '../../http/org-privileges.ts';
import { errorResponses } from '../../http/schemas.ts';
import { validOrThrow } from '../catalog/input-errors.ts';
import { literals } from '../licenses/license-schema.ts';
import { OrganizationParams } from '../organizations/organization-schema.ts';
import { ChangeRequest, toChangeRequestView } from './change-request-schema.ts';
import { actorOf, checkReferences, fileChangeRequest } from './change-request-steps.ts';

const Body = Type.Object(
  {
    kind: literals(CHANGE_REQUEST_KINDS),
    payload: Type.Object(
      {},
      {
        additionalProperties: true,
        maxProperties: 10,
        description:
          'By kind — ADD_SEATS {licenseId, quantity}; ADD_INTEGRATION {code, name?, quantity}; ' +
          'RENAME_PRODUCT_DISPLAY_NAME {productId, displayName}; MOVE_LICENSE_ENVIRONMENT ' +
          '{licenseId, environmentId}; OTHER {text}',
      },
    ),
    subject: Type.Optional(Type.String({ maxLength: 200 })),
    description: Type.Optional(Type.String({ maxLength: 4000 })),
  },
  { additionalProperties: false },
);

export function createChangeRequest(app: App, ctx: AppContext): void {
  app.post(
    '/v1/accounts/:accountId/organizations/:organizationId/change-requests',
    {
      schema: {
        summary: 'File a change request with the vendor (customer side)',
        tags: ['change-requests'],
        params: OrganizationParams,
        body: Body,
        response: { 201: ChangeRequest, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { accountId, organizationId } = request.params;
      const principal = await requireOrgPrivilege(
        request,
        ctx,
        { accountId, organizationId },
        'LICENSING',
        `No organization ${organizationId}`,
      );
      const input = validOrThrow(validateChangeRequest(request.body));
      const row = await mutate(ctx, request, async (trx, audit) => {
        const org = await organizationRepository.get(trx, accountId, organizationId);
        if (!org) throw notFound('organization', organizationId);
        await checkReferences(trx, accountId, organizationId, input);
        return fileChangeRequest(
          ctx,
          trx,
          audit,
          { accountId, organizationId, organizationName: org.name },
          input,
          actorOf(principal),
        );
      });
      return reply.code(201).send(toChangeRequestView(row, []));
    },
  );
}
