// GET …/allocation/people/{personId} — a person's effective licenses and the released ones with
// why, as last computed (read-only; the login check is the call that records refusals).
import { notFound } from '@licentia/core';
import { personRepository } from '@licentia/db';
import { repairOrganization } from '../../allocation/allocation-background.ts';
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { orgAccess } from '../customer-orgs/org-access.ts';
import { ALLOCATION_PATH, ALLOCATION_READ } from './allocation-access.ts';
import { PersonParams } from './allocation-schema.ts';
import { PersonAllocation, personAllocation } from './person-allocation.ts';

export function getPersonAllocation(app: App, ctx: AppContext): void {
  app.get(
    `${ALLOCATION_PATH}/people/:personId`,
    {
      schema: {
        summary: "A person's effective and released licenses",
        tags: ['allocation'],
        params: PersonParams,
        response: { 200: PersonAllocation, ...errorResponses },
      },
    },
    async (request) => {
      const { accountId, organizationId, personId } = request.params;
      const scope = { accountId, organizationId };
      await orgAccess(request, ctx, scope, ALLOCATION_READ, `No person ${personId}`);
      if (!(await personRepository.get(ctx.db, accountId, organizationId, personId)))
        throw notFound('person', personId);
      await repairOrganization(ctx, scope);
      return personAllocation(ctx.db, scope, personId);
    },
  );
}
