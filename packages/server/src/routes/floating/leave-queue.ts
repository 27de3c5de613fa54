// POST /v1/floating/queue/leave — a queued client gives up its place (or a hold it has not claimed);
// the seats held for it go to the next in line.
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import { floatingTermsOf } from '../../floating/floating-eligibility.ts';
import type { FloatingServices } from '../../floating/floating-services.ts';
import { leaveQueue as leave } from '../../floating/queue-operations.ts';
import type { AppContext } from '../../http/context.ts';
import { Problem } from '../../http/schemas.ts';
import { LeaseId, LicenseRef, Meta, Nonce } from './floating-schema.ts';
import { licensedAppCall } from './licensed-app-call.ts';

const LeaveBody = Type.Object(
  { ...LicenseRef, entryId: LeaseId, nonce: Type.Optional(Nonce) },
  { additionalProperties: false },
);

export function leaveQueue(app: App, ctx: AppContext, services: FloatingServices): void {
  app.post(
    '/v1/floating/queue/leave',
    {
      config: { public: true },
      schema: {
        summary: 'Leave a floating queue',
        tags: ['floating'],
        security: [],
        body: LeaveBody,
        response: {
          200: Type.Object({ left: Type.Boolean(), meta: Meta }),
          400: Problem,
          401: Problem,
          403: Problem,
          429: Problem,
        },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const call = await licensedAppCall(request, reply, ctx, services, body);
      const snapshot = call.snapshot;
      const left = snapshot ? await leave(ctx, snapshot, floatingTermsOf(snapshot), body.entryId) : false;
      return call.send({ left, meta: call.meta() });
    },
  );
}
