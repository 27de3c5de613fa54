// GET …/allocation/login-refusals — refused logins with their reasons, newest first, optionally of
// one person.
import { allocationResultRepository } from '@licentia/db';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { errorResponses, PageQuery, pageOf, Timestamp } from '../../http/schemas.ts';
import { orgAccess } from '../customer-orgs/org-access.ts';
import { OrganizationParams } from '../organizations/organization-schema.ts';
import { PersonId } from '../people/person-schema.ts';
import { ALLOCATION_PATH, ALLOCATION_READ } from './allocation-access.ts';

const Refusal = Type.Object({
  id: Type.String(),
  personId: Type.String(),
  reasons: Type.Array(Type.String()),
  occurredAt: Timestamp,
});

const Query = Type.Object(
  { ...PageQuery.properties, personId: Type.Optional(PersonId) },
  { additionalProperties: false },
);

export function listLoginRefusals(app: App, ctx: AppContext): void {
  app.get(
    `${ALLOCATION_PATH}/login-refusals`,
    {
      schema: {
        summary: 'List refused logins with their reasons',
        tags: ['allocation'],
        params: OrganizationParams,
        querystring: Query,
        response: { 200: pageOf(Refusal), ...errorResponses },
      },
    },
    async (request) => {
      const scope = request.params;
      await orgAccess(request, ctx, scope, ALLOCATION_READ);
      const { limit, cursor, personId } = request.query;
      const page = await allocationResultRepository.listRefusals(
        ctx.db,
        scope,
        { personId },
        { limit, after: cursor },
      );
      return {
        data: page.data.map((r) => ({ ...r, occurredAt: r.occurredAt.toISOString() })),
        nextCursor: page.nextCursor,
      };
    },
  );
}
