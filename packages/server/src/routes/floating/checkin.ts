// POST /v1/floating/checkin — a licensed app returns its seats (NORMAL, or EXIT when its process ends).
// Under a LINGER option the seat stays held until `lingerUntil`; a borrowed lease returned early is
// recorded BORROW_RETURNED and freed at once. Freed seats go to the queue in order.
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import { floatingTermsOf } from '../../floating/floating-eligibility.ts';
import type { FloatingServices } from '../../floating/floating-services.ts';
import { checkinLease } from '../../floating/seat-operations.ts';
import type { AppContext } from '../../http/context.ts';
import { Problem, Timestamp } from '../../http/schemas.ts';
import { LeaseId, LicenseRef, Meta, Nonce } from './floating-schema.ts';
import { licensedAppCall } from './licensed-app-call.ts';

const CheckinBody = Type.Object(
  {
    ...LicenseRef,
    leaseId: LeaseId,
    reason: Type.Optional(Type.Union([Type.Literal('NORMAL'), Type.Literal('EXIT')])),
    nonce: Type.Optional(Nonce),
  },
  { additionalProperties: false },
);

const CheckinAnswer = Type.Union([
  Type.Object({ checkedIn: Type.Literal(true), lingerUntil: Type.Optional(Timestamp), meta: Meta }),
  Type.Object({ checkedIn: Type.Literal(false), code: Type.Literal('LEASE_NOT_FOUND'), meta: Meta }),
]);

export function checkin(app: App, ctx: AppContext, services: FloatingServices): void {
  app.post(
    '/v1/floating/checkin',
    {
      config: { public: true },
      schema: {
        summary: 'Check in a floating lease (license key, or product token with licenseId)',
        tags: ['floating'],
        security: [],
        body: CheckinBody,
        response: { 200: CheckinAnswer, 400: Problem, 401: Problem, 403: Problem, 429: Problem },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const call = await licensedAppCall(request, reply, ctx, services, body);
      const snapshot = call.snapshot;
      const notFound = (now?: number) =>
        call.send({ checkedIn: false, code: 'LEASE_NOT_FOUND', meta: call.meta(now) });
      if (!snapshot) return notFound();
      const result = await checkinLease(
        ctx,
        snapshot,
        floatingTermsOf(snapshot),
        body.leaseId,
        body.reason ?? 'NORMAL',
      );
      // The database clock when a pool was locked (and swept) for the answer.
      if (!result.found) return notFound(result.now);
      return call.send({
        checkedIn: true,
        ...(result.lingerUntil !== undefined
          ? { lingerUntil: new Date(result.lingerUntil).toISOString() }
          : {}),
        meta: call.meta(result.now),
      });
    },
  );
}
