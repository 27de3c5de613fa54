// POST …/organizations/{organizationId}/imports/{people|groups|assignments}?dryRun= — a text/csv body
// (up to 20 MiB, on this route only). A dry run answers what would change and lists bad rows; an
// apply writes everything in one transaction or, with any bad row, nothing (422 IMPORT_INVALID).
import { AppError } from '@licentia/core';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import { type AppContext, mutate } from '../../http/context.ts';
import { errorResponses, Problem } from '../../http/schemas.ts';
import { applyImport, dryRunImport } from '../../imports/import-service.ts';
import { ADMIN_WRITE, ORG_PATH, orgAccess } from '../customer-orgs/org-access.ts';
import { ImportAnswerSchema, ImportParams, ImportQuery } from './import-schema.ts';

/** The largest CSV accepted (the global body limit stays 1 MiB); 50,000 people take about 3 MiB. */
export const MAX_IMPORT_CSV_BYTES = 20 * 1024 * 1024;

const CSV_TYPE = /^text\/csv\s*(;|$)/i;

export function importOrganizationData(app: App, ctx: AppContext): void {
  // Own encapsulation context: only this route parses text/csv, with its own body limit.
  app.register(async (scope: FastifyInstance) => {
    scope.addContentTypeParser(
      'text/csv',
      { parseAs: 'string', bodyLimit: MAX_IMPORT_CSV_BYTES },
      (_request, body, done) => done(null, body),
    );
    (scope as unknown as App).post(
      `${ORG_PATH}/imports/:kind`,
      {
        bodyLimit: MAX_IMPORT_CSV_BYTES,
        schema: {
          summary: 'Import people, permission groups or group assignments from a CSV file',
          description:
            'Body: the CSV file as text/csv (UTF-8, up to 20 MiB); formats in docs/imports.md. `dryRun=true` ' +
            '(default) reports what would change; `dryRun=false` applies it in one transaction. Bad rows are ' +
            'named by line; an apply with any bad row writes nothing (422 IMPORT_INVALID).',
          tags: ['imports'],
          params: ImportParams,
          querystring: ImportQuery,
          consumes: ['text/csv'],
          body: Type.Unknown({ description: 'The CSV file' }),
          response: {
            200: ImportAnswerSchema,
            ...errorResponses,
            409: Problem,
            413: Problem,
            415: Problem,
            422: Problem,
          },
        },
      },
      async (request) => {
        const { accountId, organizationId, kind } = request.params;
        const scopeIds = { accountId, organizationId };
        await orgAccess(request, ctx, scopeIds, ADMIN_WRITE);
        const body = request.body;
        // Fastify also parses text/plain and JSON in this context: only text/csv is a file.
        const type = request.headers['content-type'];
        if (body !== undefined && (typeof body !== 'string' || !CSV_TYPE.test(type ?? ''))) {
          throw new AppError(
            'UNSUPPORTED_MEDIA_TYPE',
            `Send the file as text/csv, not ${type ?? 'no content type'}`,
          );
        }
        const text = body ?? '';
        if (request.query.dryRun) return dryRunImport(ctx.db, scopeIds, kind, text);
        return mutate(ctx, request, async (trx, audit) => {
          const answer = await applyImport(trx, scopeIds, kind, text, { newId: ctx.newId, at: ctx.clock() });
          await audit({
            chainId: accountId,
            action: `import.${kind}`,
            targetType: 'organization',
            targetId: organizationId,
            changes: {
              rows: answer.rows,
              create: answer.create,
              update: answer.update,
              unchanged: answer.unchanged,
            },
          });
          return answer;
        });
      },
    );
  });
}
