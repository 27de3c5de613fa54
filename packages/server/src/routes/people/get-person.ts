// GET …/people/{personId} — a person with their environment accounts, groups and user-license type.
import { notFound } from '@licentia/core';
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { ADMIN_READ, ORG_PATH, orgAccess } from '../customer-orgs/org-access.ts';
import { PersonDetail, PersonParams } from './person-schema.ts';
import { personDetail } from './person-view.ts';

export function getPerson(app: App, ctx: AppContext): void {
  app.get(
    `${ORG_PATH}/people/:personId`,
    {
      schema: {
        summary: 'Get a person',
        tags: ['people'],
        params: PersonParams,
        response: { 200: PersonDetail, ...errorResponses },
      },
    },
    async (request) => {
      const { accountId, organizationId, personId } = request.params;
      await orgAccess(request, ctx, { accountId, organizationId }, ADMIN_READ, `No person ${personId}`);
      const detail = await personDetail(ctx.db, { accountId, organizationId }, personId);
      if (!detail) throw notFound('person', personId);
      return detail;
    },
  );
}
