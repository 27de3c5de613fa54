// POST …/organizations/{organizationId}/people/{personId}/login-check — may this person log in, and
// with which licenses? Allowed exactly when the person is active and a base license is effective
// (seed 004: an add-on without its base blocks login and consumes nothing). A refusal is recorded
// with its reasons (GET …/allocation/login-refusals).
import { notFound } from '@licentia/core';
import { allocationResultRepository, personRepository } from '@licentia/db';
import { Type } from 'typebox';
import { repairOrganization } from '../../allocation/allocation-background.ts';
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { errorResponses, Timestamp } from '../../http/schemas.ts';
import { orgAccess } from '../customer-orgs/org-access.ts';
import { ALLOCATION_READ } from './allocation-access.ts';
import { PersonParams, Release } from './allocation-schema.ts';
import { EffectiveProduct, personAllocation } from './person-allocation.ts';

const LoginCheck = Type.Object({
  personId: Type.String(),
  allowed: Type.Boolean(),
  effective: Type.Array(EffectiveProduct),
  released: Type.Array(Release),
  reasons: Type.Array(Type.String()),
  checkedAt: Timestamp,
});

export function loginCheck(app: App, ctx: AppContext): void {
  app.post(
    '/v1/accounts/:accountId/organizations/:organizationId/people/:personId/login-check',
    {
      schema: {
        summary: 'Check whether a person may log in, with their effective licenses',
        tags: ['allocation'],
        params: PersonParams,
        response: { 200: LoginCheck, ...errorResponses },
      },
    },
    async (request) => {
      const { accountId, organizationId, personId } = request.params;
      const scope = { accountId, organizationId };
      await orgAccess(request, ctx, scope, ALLOCATION_READ, `No person ${personId}`);
      const person = await personRepository.get(ctx.db, accountId, organizationId, personId);
      if (!person) throw notFound('person', personId);
      await repairOrganization(ctx, scope);
      const view = await personAllocation(ctx.db, scope, personId);
      const active = person.status === 'ACTIVE';
      const allowed = active && view.loginAllowed;
      const reasons = active ? view.reasons : ['login refused: the person is disabled', ...view.reasons];
      const checkedAt = ctx.clock();
      if (!allowed) {
        await allocationResultRepository.insertRefusal(ctx.db, scope, {
          id: ctx.newId('loginRefusal'),
          personId,
          reasons,
          occurredAt: checkedAt,
        });
      }
      const { effective, released } = view;
      return { personId, allowed, effective, released, reasons, checkedAt: checkedAt.toISOString() };
    },
  );
}
