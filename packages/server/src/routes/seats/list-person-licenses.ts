// GET …/people/{personId}/licenses — a person's seats and the products of their environments. A
// person-bound token always sees its own person; anyone else needs LICENSING or REPORTING.
import { notFound } from '@licentia/core';
import type { App } from '../../app.ts';
import { type AppContext, guard, principalOf } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { ADMIN_READ, ORG_PATH, orgAccess } from '../customer-orgs/org-access.ts';
import { PersonParams } from '../people/person-schema.ts';
import { personLicenses } from './person-licenses.ts';
import { PersonLicenses } from './seat-schema.ts';

export function listPersonLicenses(app: App, ctx: AppContext): void {
  app.get(
    `${ORG_PATH}/people/:personId/licenses`,
    {
      schema: {
        summary: "A person's licenses: seats held and products of their environments",
        tags: ['seats'],
        params: PersonParams,
        response: { 200: PersonLicenses, ...errorResponses },
      },
    },
    async (request) => {
      const { accountId, organizationId, personId } = request.params;
      const scope = { accountId, organizationId };
      if (principalOf(request).personId === personId) {
        guard(request, 'organization:read', scope, `No person ${personId}`);
      } else {
        await orgAccess(request, ctx, scope, ADMIN_READ, `No person ${personId}`);
      }
      const answer = await personLicenses(ctx.db, scope, personId);
      if (!answer) throw notFound('person', personId);
      return answer;
    },
  );
}
