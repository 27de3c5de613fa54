// GET /v1/accounts/{accountId}/licenses/{licenseId}/validations — a license's validation history,
// newest first. Rows are written by the recorder within about a second of the validation; identical
// outcomes within one flush are one row with `count` in `details`.
import { validationEventRepository } from '@licentia/db';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { errorResponses, Nullable, PageQuery, pageOf, Timestamp } from '../../http/schemas.ts';
import { guardLicense, LicenseParams } from '../machines/license-scope.ts';

const ValidationEvent = Type.Object(
  {
    id: Type.String(),
    licenseId: Type.String(),
    occurredAt: Timestamp,
    code: Type.String(),
    valid: Type.Boolean(),
    fingerprint: Nullable(Type.String()),
    version: Nullable(Type.String()),
    details: Type.Record(Type.String(), Type.Unknown()),
  },
  { $id: 'ValidationEvent' },
);

export function listValidations(app: App, ctx: AppContext): void {
  app.get(
    '/v1/accounts/:accountId/licenses/:licenseId/validations',
    {
      schema: {
        summary: "A license's validation history, newest first",
        tags: ['validation'],
        params: LicenseParams,
        querystring: PageQuery,
        response: { 200: pageOf(ValidationEvent), ...errorResponses },
      },
    },
    async (request) => {
      const { accountId, licenseId } = request.params;
      await guardLicense(request, ctx, request.params, 'license:read');
      const page = await validationEventRepository.list(ctx.db, accountId, licenseId, {
        limit: request.query.limit,
        after: request.query.cursor,
      });
      return {
        data: page.data.map((e) => ({
          id: e.id,
          licenseId: e.licenseId,
          occurredAt: e.occurredAt.toISOString(),
          code: e.code,
          valid: e.valid,
          fingerprint: e.fingerprint,
          version: e.version,
          details: (e.details ?? {}) as Record<string, unknown>,
        })),
        nextCursor: page.nextCursor,
      };
    },
  );
}
