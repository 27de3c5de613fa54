// GET /v1/audit/export — a whole chain as JSON lines (application/x-ndjson), streamed page by page
// so an export of any size runs in constant memory.
import { Readable } from 'node:stream';
import { auditRepository } from '@licentia/db';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import { type AppContext, guard, principalOf } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { ChainQuery, chainFor } from './audit-schema.ts';

export function exportAudit(app: App, ctx: AppContext): void {
  app.get(
    '/v1/audit/export',
    {
      schema: {
        summary: 'Export an audit chain as JSON lines',
        tags: ['audit'],
        querystring: Type.Object({ accountId: Type.Optional(ChainQuery) }, { additionalProperties: false }),
        response: {
          200: {
            description: 'One audit event per line',
            content: { 'application/x-ndjson': { schema: {} } },
          },
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const chainId = chainFor(principalOf(request), request.query.accountId);
      guard(
        request,
        'audit:read',
        chainId === 'system' ? {} : { accountId: chainId },
        `No audit chain ${chainId}`,
      );
      async function* lines() {
        let afterSeq = 0;
        for (;;) {
          const page = await auditRepository.list(ctx.db, chainId, { limit: 1000, afterSeq });
          for (const event of page.data) yield `${JSON.stringify(event)}\n`;
          if (!page.nextCursor) return;
          afterSeq = Number(page.nextCursor);
        }
      }
      return reply.header('content-type', 'application/x-ndjson; charset=utf-8').send(Readable.from(lines()));
    },
  );
}
