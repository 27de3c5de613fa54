// GET …/allocation/recomputes — the recompute log, newest first: what triggered each run, how many
// people it reached and how many of their decisions changed.
import { allocationResultRepository } from '@licentia/db';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { errorResponses, PageQuery, pageOf, Timestamp } from '../../http/schemas.ts';
import { orgAccess } from '../customer-orgs/org-access.ts';
import { OrganizationParams } from '../organizations/organization-schema.ts';
import { ALLOCATION_PATH, ALLOCATION_READ } from './allocation-access.ts';

const Recompute = Type.Object({
  id: Type.String(),
  trigger: Type.String(),
  peopleReached: Type.Integer(),
  peopleChanged: Type.Integer(),
  durationMs: Type.Number(),
  createdAt: Timestamp,
});

export function listRecomputes(app: App, ctx: AppContext): void {
  app.get(
    `${ALLOCATION_PATH}/recomputes`,
    {
      schema: {
        summary: 'List allocation recomputes, newest first',
        tags: ['allocation'],
        params: OrganizationParams,
        querystring: PageQuery,
        response: { 200: pageOf(Recompute), ...errorResponses },
      },
    },
    async (request) => {
      const scope = request.params;
      await orgAccess(request, ctx, scope, ALLOCATION_READ);
      const page = await allocationResultRepository.listRecomputes(ctx.db, scope, {
        limit: request.query.limit,
        after: request.query.cursor,
      });
      return {
        data: page.data.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
        nextCursor: page.nextCursor,
      };
    },
  );
}
