// POST /v1/floating/checkout — a licensed app takes seats of a feature's pool: granted with a lease
// and a signed lease token, queued with a position (`wait`), or denied with every violation. The
// decision is made under the pool's row lock with the database clock (docs/floating.md).
import { AppError } from '@licentia/core';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import { checkEligibility } from '../../floating/floating-eligibility.ts';
import type { FloatingServices } from '../../floating/floating-services.ts';
import { signLeaseToken } from '../../floating/lease-token.ts';
import { checkoutSeats } from '../../floating/seat-operations.ts';
import type { AppContext } from '../../http/context.ts';
import { Problem, Timestamp } from '../../http/schemas.ts';
import { Lease, LicenseRef, Meta, Nonce, Text, toLease } from './floating-schema.ts';
import { licensedAppCall } from './licensed-app-call.ts';
import { pollAfterSeconds } from './poll-queue.ts';

const CheckoutBody = Type.Object(
  {
    ...LicenseRef,
    feature: Text(100),
    count: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
    user: Text(256),
    host: Text(256),
    fingerprint: Type.Optional(Text(256)),
    department: Type.Optional(Text(200)),
    group: Type.Optional(Text(200)),
    display: Type.Optional(Text(200)),
    wait: Type.Optional(Type.Boolean()),
    borrowUntil: Type.Optional(Type.String({ format: 'date-time', maxLength: 64 })),
    idempotencyKey: Type.Optional(Text(128)),
    nonce: Type.Optional(Nonce),
  },
  { additionalProperties: false },
);

const Violation = Type.Object({ code: Type.String(), detail: Type.String() });

const CheckoutAnswer = Type.Union([
  Type.Object({ granted: Type.Literal(true), lease: Lease, leaseToken: Type.String(), meta: Meta }),
  Type.Object({
    granted: Type.Literal(false),
    queued: Type.Literal(true),
    queue: Type.Object({
      entryId: Type.String(),
      position: Type.Integer(),
      pollAfterSeconds: Type.Integer(),
      expiresAt: Timestamp,
    }),
    meta: Meta,
  }),
  Type.Object({
    granted: Type.Literal(false),
    queued: Type.Literal(false),
    code: Type.String(),
    detail: Type.String(),
    violations: Type.Array(Violation),
    meta: Meta,
  }),
]);

export function checkout(app: App, ctx: AppContext, services: FloatingServices): void {
  app.post(
    '/v1/floating/checkout',
    {
      config: { public: true },
      schema: {
        summary: 'Check out floating seats (license key, or product token with licenseId)',
        description:
          'Answers 200 data signed in licentia-signature: granted (lease + lease token), queued (with ' +
          '`wait`), or denied with a code (NO_SEATS, EXCLUDED, MAX_REACHED, NOT_INCLUDED, ' +
          'RESERVED_FOR_OTHERS, BORROW_LIMIT, BORROW_LOWWATER, BORROW_NOT_ALLOWED, FEATURE_NOT_ENTITLED, ' +
          'LICENSE_INVALID, INVALID_REQUEST). The same idempotencyKey returns the same lease while it lives.',
        tags: ['floating'],
        security: [],
        body: CheckoutBody,
        response: {
          200: CheckoutAnswer,
          400: Problem,
          401: Problem,
          403: Problem,
          409: Problem,
          429: Problem,
        },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const call = await licensedAppCall(request, reply, ctx, services, body);
      const refuse = (code: string, detail: string, violations: { code: string; detail: string }[]) =>
        call.send({ granted: false, queued: false, code, detail, violations, meta: call.meta() });
      if (!call.snapshot) {
        const detail = 'no license matches this key or id';
        return refuse('LICENSE_INVALID', detail, [{ code: 'NOT_FOUND', detail }]);
      }
      const snapshot = call.snapshot;
      const borrowUntil = body.borrowUntil === undefined ? undefined : Date.parse(body.borrowUntil);
      if (borrowUntil !== undefined && !Number.isFinite(borrowUntil)) {
        throw new AppError('INVALID_FIELD', 'borrowUntil must be an ISO-8601 instant', {
          field: 'body.borrowUntil',
        });
      }
      const eligibility = await checkEligibility(
        snapshot,
        { feature: body.feature, department: body.department, borrow: borrowUntil !== undefined },
        services.products,
        ctx.clock(),
      );
      if (!eligibility.ok) return refuse(eligibility.code, eligibility.detail, eligibility.violations);
      const { feature, key: _k, licenseId: _l, nonce: _n, borrowUntil: _b, count, ...holder } = body;
      const { outcome, now, config } = await checkoutSeats(ctx, snapshot, eligibility.terms, feature, {
        ...holder,
        count: count ?? 1,
        ip: request.ip,
        ...(borrowUntil !== undefined ? { borrowUntil } : {}),
      });
      const meta = call.meta(now);
      if (outcome.kind === 'denied') {
        const detail = outcome.violations.find((v) => v.code === outcome.code)?.detail ?? outcome.code;
        return call.send({
          granted: false,
          queued: false,
          code: outcome.code,
          detail,
          violations: outcome.violations,
          meta,
        });
      }
      if (outcome.kind === 'queued') {
        const { entry } = outcome;
        const queue = {
          entryId: entry.entryId,
          position: entry.position,
          pollAfterSeconds: pollAfterSeconds(config),
          expiresAt: new Date(entry.lastHeartbeatAt + config.queueTimeoutSeconds * 1000).toISOString(),
        };
        return call.send({ granted: false, queued: true, queue, meta });
      }
      const pool = { accountId: snapshot.accountId, licenseId: snapshot.licenseId, feature };
      const leaseToken = await signLeaseToken(ctx, pool, outcome.lease, now);
      const lease = toLease(outcome.lease, {
        ...pool,
        heartbeatIntervalSeconds: config.heartbeatIntervalSeconds,
      });
      return call.send({ granted: true, lease, leaseToken, meta });
    },
  );
}
