// POST /v1/licenses/activate — a licensed app activates its machine. Max machines and the overage
// strategy hold under any concurrency: the license row is locked (FOR UPDATE) while live machines
// are counted and the new one inserted. Re-activating a live fingerprint is idempotent (200); a
// first-activation trial starts its clock here. Refusals are signed data (200 activated:false).
import { decideActivation, effectiveTerms, trialExpiry, validateLicense } from '@licentia/core';
import { machineRepository } from '@licentia/db';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { Problem } from '../../http/schemas.ts';
import { licenseOf, policyOf } from '../../licensing/license-snapshot.ts';
import { identifyCaller, resolveLicense, throttle } from '../validation/license-credential.ts';
import { LicenseIdField, LicenseKeyField } from '../validation/validate-license.ts';
import {
  answerOf,
  metaOf,
  notFoundAnswer,
  sendSigned,
  ValidationFields,
} from '../validation/validation-answer.ts';
import type { LicensingServices } from '../validation/validation-services.ts';
import { licensedAppMutation } from './licensed-app-mutation.ts';
import { Fingerprint, Machine, toMachine } from './machine-schema.ts';

const ActivateBody = Type.Object(
  {
    key: Type.Optional(LicenseKeyField),
    licenseId: Type.Optional(LicenseIdField),
    fingerprint: Fingerprint,
    hostname: Type.Optional(Type.String({ maxLength: 255 })),
    platform: Type.Optional(Type.String({ maxLength: 100 })),
    components: Type.Optional(
      Type.Record(Type.String({ maxLength: 64 }), Type.String({ maxLength: 512 }), { maxProperties: 32 }),
    ),
    // Echoed in the signed answer's meta, so a captured answer cannot be replayed to this client.
    nonce: Type.Optional(Type.String({ minLength: 1, maxLength: 128, pattern: '^[\\x21-\\x7e]+$' })),
  },
  { additionalProperties: false },
);

const ActivationAnswer = Type.Object({
  activated: Type.Boolean(),
  alreadyActivated: Type.Optional(Type.Boolean()),
  machine: Type.Optional(Machine),
  ...ValidationFields,
});

export function activateMachine(app: App, ctx: AppContext, services: LicensingServices): void {
  app.post(
    '/v1/licenses/activate',
    {
      config: { public: true },
      schema: {
        summary: 'Activate a machine on a license (license key, or product token)',
        description: 'Rate limit per license: 60 activations at once, 30/min sustained (429 RATE_LIMITED).',
        tags: ['machines'],
        security: [],
        body: ActivateBody,
        response: {
          200: ActivationAnswer,
          201: ActivationAnswer,
          400: Problem,
          401: Problem,
          403: Problem,
          429: Problem,
        },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const caller = await identifyCaller(request, ctx, body);
      const snapshot = await resolveLicense(services, caller, 'machine:write');
      const now = ctx.clock();
      const meta = metaOf(request, now, body.nonce);
      if (!snapshot) {
        throttle(reply, services.limits.unknownKey, request.ip, 'lookups of unknown licenses');
        return sendSigned(reply, ctx, caller.principal?.accountId ?? null, {
          activated: false,
          ...notFoundAnswer(meta),
        });
      }
      const { accountId, licenseId } = snapshot;
      throttle(reply, services.limits.activate, licenseId, 'activations of this license');
      const outcome = await licensedAppMutation(ctx, request, licenseId, async (trx, audit) => {
        const locked = await machineRepository.lockLicense(trx, { accountId, licenseId });
        if (!locked) return { kind: 'missing' as const };
        const license = licenseOf(locked);
        const policy = policyOf(locked);
        const terms = effectiveTerms(policy, license);
        const { count, existing } = await machineRepository.liveCount(
          trx,
          accountId,
          licenseId,
          body.fingerprint,
        );
        const decision = decideActivation({
          license,
          terms,
          fingerprint: body.fingerprint,
          activeCount: count,
          alreadyActivated: existing !== undefined,
          now,
        });
        if (!decision.allowed) return { kind: 'refused' as const, decision };
        if (existing) return { kind: 'existing' as const, machine: existing };
        const machine = await machineRepository.insert(trx, accountId, {
          id: ctx.newId('machine'),
          licenseId,
          fingerprint: body.fingerprint,
          hostname: body.hostname ?? null,
          platform: body.platform ?? null,
          components: body.components ?? {},
          activatedAt: now,
        });
        const trial = trialExpiry(license, policy, now);
        if (trial) await machineRepository.startTrial(trx, accountId, licenseId, trial);
        await audit({
          chainId: accountId,
          action: 'machine.activated',
          targetType: 'machine',
          targetId: machine.id,
          changes: {
            licenseId,
            fingerprint: body.fingerprint,
            overage: decision.overage,
            ...(trial ? { trialExpiresAt: trial.expiresAt.toISOString() } : {}),
          },
        });
        return { kind: 'activated' as const, machine };
      });
      if (outcome.kind === 'missing')
        return sendSigned(reply, ctx, accountId, { activated: false, ...notFoundAnswer(meta) });
      if (outcome.kind === 'refused') {
        const { code, violations } = outcome.decision;
        const refusal = { valid: false, code, violations, warnings: [], license: snapshot.summary, meta };
        return sendSigned(reply, ctx, accountId, { activated: false, ...refusal });
      }
      // This process sees its own change at once; other processes learn it through NOTIFY.
      if (outcome.kind === 'activated') services.cache.invalidate(licenseId);
      const fresh = (await services.byId(accountId, licenseId)) ?? snapshot;
      const result = validateLicense(fresh.core, { fingerprint: body.fingerprint }, now);
      const already = outcome.kind === 'existing';
      return sendSigned(
        reply,
        ctx,
        accountId,
        {
          activated: true,
          alreadyActivated: already,
          machine: toMachine(outcome.machine),
          ...answerOf(result, fresh.summary, meta, fresh.compliance),
        },
        already ? 200 : 201,
      );
    },
  );
}
