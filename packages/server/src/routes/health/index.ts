// Liveness, readiness (the database answers) and Prometheus metrics. Public, not versioned.
import { AppError } from '@licentia/core';
import { sql } from 'kysely';
import type { Registry } from 'prom-client';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { Problem } from '../../http/schemas.ts';

export function registerHealthRoutes(app: App, ctx: AppContext, metrics: Registry): void {
  app.get(
    '/healthz',
    {
      schema: {
        summary: 'Liveness: the process answers',
        tags: ['health'],
        security: [],
        response: { 200: Type.Object({ status: Type.Literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        summary: 'Readiness: the database answers',
        tags: ['health'],
        security: [],
        response: {
          200: Type.Object({ status: Type.Literal('ready'), database: Type.String() }),
          503: Problem,
        },
      },
    },
    async () => {
      try {
        await sql`SELECT 1`.execute(ctx.db);
      } catch (error) {
        throw new AppError('UNAVAILABLE', 'The database does not answer', { cause: error });
      }
      return { status: 'ready' as const, database: ctx.database.engine };
    },
  );

  app.get(
    '/metrics',
    { schema: { summary: 'Prometheus metrics (text format)', tags: ['health'], security: [] } },
    async (_request, reply) =>
      reply.header('content-type', metrics.contentType).send(await metrics.metrics()),
  );
}
