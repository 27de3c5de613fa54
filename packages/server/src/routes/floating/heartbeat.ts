// POST /v1/floating/heartbeat — renews a lease for interval × tolerance from now (database clock) and
// returns a fresh lease token. A lease of a license that is no longer valid (suspended, expired) is
// revoked at its next heartbeat, so a suspension reaches running clients within one interval.
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import { removeLease } from '../../floating/admin-operations.ts';
import { floatingTermsOf, licenseProblems } from '../../floating/floating-eligibility.ts';
import type { FloatingServices } from '../../floating/floating-services.ts';
import { signLeaseToken } from '../../floating/lease-token.ts';
import { heartbeatLease } from '../../floating/seat-operations.ts';
import type { AppContext } from '../../http/context.ts';
import { Problem } from '../../http/schemas.ts';
import { Lease, LeaseId, LicenseRef, Meta, Nonce, toLease } from './floating-schema.ts';
import { licensedAppCall } from './licensed-app-call.ts';

const HeartbeatBody = Type.Object(
  { ...LicenseRef, leaseId: LeaseId, idle: Type.Optional(Type.Boolean()), nonce: Type.Optional(Nonce) },
  { additionalProperties: false },
);

const HeartbeatAnswer = Type.Union([
  Type.Object({ renewed: Type.Literal(true), lease: Lease, leaseToken: Type.String(), meta: Meta }),
  Type.Object({
    renewed: Type.Literal(false),
    code: Type.Union([
      Type.Literal('LEASE_NOT_FOUND'),
      Type.Literal('LEASE_EXPIRED'),
      Type.Literal('LEASE_REVOKED'),
    ]),
    meta: Meta,
  }),
]);

export function heartbeat(app: App, ctx: AppContext, services: FloatingServices): void {
  app.post(
    '/v1/floating/heartbeat',
    {
      config: { public: true },
      schema: {
        summary: 'Renew a floating lease (license key, or product token with licenseId)',
        description:
          '`idle: true` reports no user activity: the TIMEOUT option counts from the last active heartbeat. ' +
          'Refusals: LEASE_NOT_FOUND, LEASE_EXPIRED (heartbeat missed or idle timeout), LEASE_REVOKED ' +
          '(removed by an administrator, or the license is no longer valid).',
        tags: ['floating'],
        security: [],
        body: HeartbeatBody,
        response: {
          200: HeartbeatAnswer,
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
      const snapshot = call.snapshot;
      if (!snapshot) return call.send({ renewed: false, code: 'LEASE_NOT_FOUND', meta: call.meta() });
      const terms = floatingTermsOf(snapshot);
      if (licenseProblems(snapshot, ctx.clock()).length > 0) {
        const target = {
          accountId: snapshot.accountId,
          licenseId: snapshot.licenseId,
          leaseId: body.leaseId,
        };
        const removed = await ctx.db.transaction().execute((trx) => removeLease(trx, ctx, target, terms));
        const code = removed ? 'LEASE_REVOKED' : 'LEASE_NOT_FOUND';
        return call.send({ renewed: false, code, meta: call.meta() });
      }
      const result = await heartbeatLease(ctx, snapshot, terms, body.leaseId, body.idle ?? false);
      if ('refused' in result) return call.send({ renewed: false, code: result.refused, meta: call.meta() });
      const { lease, view } = result;
      const pool = {
        accountId: snapshot.accountId,
        licenseId: snapshot.licenseId,
        feature: view.pool.feature,
      };
      const leaseToken = await signLeaseToken(ctx, pool, lease, view.now);
      return call.send({
        renewed: true,
        lease: toLease(lease, { ...pool, heartbeatIntervalSeconds: view.config.heartbeatIntervalSeconds }),
        leaseToken,
        meta: call.meta(view.now),
      });
    },
  );
}
