// GET /v1/me/licenses — self-service: the licenses of the person the calling organization token is
// bound to (seats held, products of their environments, the user-license type they consume).
import { AppError } from '@licentia/core';
import type { App } from '../../app.ts';
import { type AppContext, principalOf } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { personLicenses } from './person-licenses.ts';
import { PersonLicenses } from './seat-schema.ts';

export function listMyLicenses(app: App, ctx: AppContext): void {
  app.get(
    '/v1/me/licenses',
    {
      schema: {
        summary: 'My licenses (organization token bound to a person)',
        tags: ['seats'],
        response: { 200: PersonLicenses, ...errorResponses },
      },
    },
    async (request) => {
      const p = principalOf(request);
      if (p.kind !== 'organization' || !p.personId || !p.accountId || !p.organizationId) {
        throw new AppError(
          'FORBIDDEN',
          'This token is not bound to a person: use a personal organization token',
        );
      }
      const answer = await personLicenses(
        ctx.db,
        { accountId: p.accountId, organizationId: p.organizationId },
        p.personId,
      );
      // A deleted person's tokens are deleted with it; a stale cache entry may still arrive here.
      if (!answer) throw new AppError('UNAUTHENTICATED');
      return answer;
    },
  );
}
