// GET /v1/audit/events — one account's chain, oldest first, optionally for one target.
import { auditRepository } from '@licentia/db';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import { type AppContext, guard, principalOf } from '../../http/context.ts';
import { errorResponses, pageOf } from '../../http/schemas.ts';
import { AuditEvent, ChainQuery, chainFor } from './audit-schema.ts';

const Query = Type.Object(
  {
    accountId: Type.Optional(ChainQuery),
    targetId: Type.Optional(Type.String({ maxLength: 100 })),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
    cursor: Type.Optional(
      Type.String({ pattern: '^[0-9]{1,10}$', description: 'seq of the last event seen' }),
    ),
  },
  { additionalProperties: false },
);

export function listAuditEvents(app: App, ctx: AppContext): void {
  app.get(
    '/v1/audit/events',
    {
      schema: {
        summary: 'List audit events of a chain',
        tags: ['audit'],
        querystring: Query,
        response: { 200: pageOf(AuditEvent), ...errorResponses },
      },
    },
    async (request) => {
      const chainId = chainFor(principalOf(request), request.query.accountId);
      guard(
        request,
        'audit:read',
        chainId === 'system' ? {} : { accountId: chainId },
        `No audit chain ${chainId}`,
      );
      return auditRepository.list(ctx.db, chainId, {
        limit: request.query.limit,
        afterSeq: request.query.cursor ? Number(request.query.cursor) : 0,
        ...(request.query.targetId ? { targetId: request.query.targetId } : {}),
      });
    },
  );
}
