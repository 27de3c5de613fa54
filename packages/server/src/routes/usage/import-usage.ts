// POST …/organizations/{organizationId}/usage/imports — upload a FlexNet debug log, an lmstat -a
// snapshot or a usage CSV as a streamed text/plain or application/octet-stream body. The body is
// never buffered: it flows through the importer in batches, so any file size fits in constant memory.
import { AppError, assertZone } from '@licentia/core';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import { refuseWhenRestricted } from '../../compliance/require-capability.ts';
import { type AppContext, mutate } from '../../http/context.ts';
import { errorResponses, IdParam, Problem } from '../../http/schemas.ts';
import { importUsage } from '../../usage/usage-import-service.ts';
import { USAGE_FORMATS } from '../../usage/usage-readers.ts';
import { ADMIN_WRITE, ORG_PATH, orgAccess } from '../customer-orgs/org-access.ts';
import { OrganizationParams } from '../organizations/organization-schema.ts';
import { importTarget } from './import-target.ts';
import { ImportReport, oneOf } from './usage-schema.ts';

/** The largest upload accepted on this route only (the global body limit stays 1 MiB). */
export const MAX_IMPORT_BYTES = 4 * 1024 ** 3;

const ImportQuery = Type.Object(
  {
    format: oneOf(USAGE_FORMATS),
    server: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'License server name; created on first use',
    }),
    timezone: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        description: "IANA zone of the log's clock (default: the server's)",
      }),
    ),
    licenseId: Type.Optional(IdParam('License', 'lic')),
  },
  { additionalProperties: false },
);

/** Counts bytes as they pass and stops the import past the limit. */
async function* limited(body: AsyncIterable<Uint8Array>, max: number): AsyncGenerator<Uint8Array> {
  let total = 0;
  for await (const chunk of body) {
    total += chunk.length;
    if (total > max) throw new AppError('PAYLOAD_TOO_LARGE', `Imports are limited to ${max} bytes`);
    yield chunk;
  }
}

/** Text of any kind, raw bytes, or no declared type; JSON, forms and the like are refused. */
const ACCEPTED = /^(text\/[\w.+-]+|application\/(octet-stream|csv))\s*(;|$)/i;

const isStream = (body: unknown): body is AsyncIterable<Uint8Array> =>
  typeof (body as AsyncIterable<Uint8Array> | null)?.[Symbol.asyncIterator] === 'function';

export function importUsageRoute(app: App, ctx: AppContext): void {
  // Own encapsulation context: only this route takes raw text/binary bodies as streams.
  app.register(async (scope: FastifyInstance) => {
    scope.removeAllContentTypeParsers();
    // Catch-all, so a body without a content type streams too; the handler refuses non-text types.
    scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    (scope as unknown as App).post(
      `${ORG_PATH}/usage/imports`,
      {
        schema: {
          summary: 'Import usage from a FlexNet debug log, an lmstat -a output or a usage CSV',
          description:
            'Streamed body (text/plain, text/csv or application/octet-stream, up to 4 GiB). Idempotent: importing the ' +
            'same file again stores nothing new (`new: 0`). Lines that cannot be read are listed in `skipped`.',
          tags: ['usage'],
          params: OrganizationParams,
          querystring: ImportQuery,
          consumes: ['text/plain', 'application/octet-stream'],
          body: Type.Unknown({ description: 'The file, streamed' }),
          response: { 200: ImportReport, ...errorResponses, 409: Problem, 413: Problem, 415: Problem },
        },
      },
      async (request) => {
        const orgScope = request.params;
        const query = request.query;
        await orgAccess(request, ctx, orgScope, ADMIN_WRITE);
        await refuseWhenRestricted(request, ctx.db, orgScope, 'USAGE_IMPORT');
        const type = request.headers['content-type'];
        if (type !== undefined && !ACCEPTED.test(type)) {
          throw new AppError(
            'UNSUPPORTED_MEDIA_TYPE',
            `Send the file as text/plain or application/octet-stream, not ${type}`,
          );
        }
        if (query.timezone) assertZone(query.timezone);
        const { server, licenseId } = await importTarget(request, ctx, orgScope, query);
        const body = request.body;
        const input = isStream(body) ? limited(body, MAX_IMPORT_BYTES) : [];
        const report = await importUsage(ctx.db, input, {
          ...orgScope,
          format: query.format,
          server,
          timeZone: query.timezone,
          licenseId,
          now: ctx.clock(),
        });
        await mutate(ctx, request, (_trx, audit) =>
          audit({
            chainId: orgScope.accountId,
            action: 'usage.imported',
            targetType: 'license-server',
            targetId: server.id,
            changes: {
              organizationId: orgScope.organizationId,
              format: query.format,
              events: report.events,
              new: report.new,
              lines: report.lines,
              skipped: report.skippedTotal,
              ...(report.refused ? { refused: report.refused.reason } : {}),
            },
          }),
        );
        return { ...report, licenseServerId: server.id };
      },
    );
  });
}
