// POST /v1/floating/queue/poll — a queued client's poll (its heartbeat). At the head of the queue with
// seats free it claims its hold and gets the lease; otherwise it learns its position. With
// `waitSeconds` it long-polls: the answer comes as soon as the pool moves, or after the wait.
import type { PoolConfig } from '@licentia/core';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import { floatingTermsOf, licenseProblems } from '../../floating/floating-eligibility.ts';
import type { FloatingServices } from '../../floating/floating-services.ts';
import { signLeaseToken } from '../../floating/lease-token.ts';
import { leaveQueue, longPoll } from '../../floating/queue-operations.ts';
import type { AppContext } from '../../http/context.ts';
import { Problem } from '../../http/schemas.ts';
import { Lease, LeaseId, LicenseRef, Meta, Nonce, toLease } from './floating-schema.ts';
import { licensedAppCall } from './licensed-app-call.ts';

/** How often a queued client should poll: a third of the queue timeout, between 1 and 10 seconds. */
export function pollAfterSeconds(config: Pick<PoolConfig, 'queueTimeoutSeconds'>): number {
  return Math.max(1, Math.min(10, Math.floor(config.queueTimeoutSeconds / 3)));
}

const PollBody = Type.Object(
  {
    ...LicenseRef,
    entryId: LeaseId,
    waitSeconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 25 })),
    nonce: Type.Optional(Nonce),
  },
  { additionalProperties: false },
);

const PollAnswer = Type.Union([
  Type.Object({
    state: Type.Literal('WAITING'),
    position: Type.Integer(),
    pollAfterSeconds: Type.Integer(),
    meta: Meta,
  }),
  Type.Object({ state: Type.Literal('GRANTED'), lease: Lease, leaseToken: Type.String(), meta: Meta }),
  Type.Object({ state: Type.Union([Type.Literal('EXPIRED'), Type.Literal('NOT_FOUND')]), meta: Meta }),
]);

export function pollQueue(app: App, ctx: AppContext, services: FloatingServices): void {
  app.post(
    '/v1/floating/queue/poll',
    {
      config: { public: true },
      schema: {
        summary: 'Poll (or long-poll) a floating queue entry',
        description:
          'Polling keeps the entry alive; an entry not polled within the queue timeout EXPIRES. A license ' +
          'that is no longer valid withdraws its queue entries (EXPIRED).',
        tags: ['floating'],
        security: [],
        body: PollBody,
        response: { 200: PollAnswer, 400: Problem, 401: Problem, 403: Problem, 409: Problem, 429: Problem },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const call = await licensedAppCall(request, reply, ctx, services, body);
      const snapshot = call.snapshot;
      if (!snapshot) return call.send({ state: 'NOT_FOUND', meta: call.meta() });
      const terms = floatingTermsOf(snapshot);
      if (licenseProblems(snapshot, ctx.clock()).length > 0) {
        const left = await leaveQueue(ctx, snapshot, terms, body.entryId);
        return call.send({ state: left ? 'EXPIRED' : 'NOT_FOUND', meta: call.meta() });
      }
      const outcome = await longPoll(
        ctx,
        snapshot,
        terms,
        body.entryId,
        body.waitSeconds ?? 0,
        services.waiters,
      );
      if (outcome.state === 'EXPIRED' || outcome.state === 'NOT_FOUND') {
        return call.send({ state: outcome.state, meta: call.meta() });
      }
      const { view } = outcome;
      const meta = call.meta(view.now);
      if (outcome.state === 'WAITING') {
        return call.send({
          state: 'WAITING',
          position: outcome.entry.position,
          pollAfterSeconds: pollAfterSeconds(view.config),
          meta,
        });
      }
      const pool = {
        accountId: snapshot.accountId,
        licenseId: snapshot.licenseId,
        feature: view.pool.feature,
      };
      const leaseToken = await signLeaseToken(ctx, pool, outcome.lease, view.now);
      const lease = toLease(outcome.lease, {
        ...pool,
        heartbeatIntervalSeconds: view.config.heartbeatIntervalSeconds,
      });
      return call.send({ state: 'GRANTED', lease, leaseToken, meta });
    },
  );
}
