// POST /v1/licenses/validate — "may this copy run, and with what?" Public route authenticated by
// the license key (or a product token with a key or license id). The decision is core
// validateLicense over a cached snapshot: no database round trip on a cache hit, nothing written
// in the request path (the recorder batches history), the answer signed and the nonce echoed.
import { type ValidationScope, validateLicense } from '@licentia/core';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { IdParam, Problem } from '../../http/schemas.ts';
import { identifyCaller, resolveLicense, throttle } from './license-credential.ts';
import { answerOf, metaOf, notFoundAnswer, sendSigned, ValidationAnswer } from './validation-answer.ts';
import type { LicensingServices } from './validation-services.ts';

const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });

export const ValidationScopeBody = Type.Object(
  {
    fingerprint: Type.Optional(Text(256)),
    version: Type.Optional(Text(64)),
    feature: Type.Optional(Type.Union([Text(100), Type.Array(Text(100), { maxItems: 50 })])),
    user: Type.Optional(Text(256)),
    country: Type.Optional(Text(8)),
    department: Type.Optional(Text(200)),
    nonce: Type.Optional(Text(128)),
  },
  { additionalProperties: false },
);

export const LicenseKeyField = Type.String({
  minLength: 1,
  maxLength: 100,
  description: 'The human license key',
});
export const LicenseIdField = IdParam('License', 'lic');

const ValidateBody = Type.Object(
  {
    key: Type.Optional(LicenseKeyField),
    licenseId: Type.Optional(LicenseIdField),
    scope: Type.Optional(ValidationScopeBody),
  },
  { additionalProperties: false },
);

export function validateLicenseRoute(app: App, ctx: AppContext, services: LicensingServices): void {
  app.post(
    '/v1/licenses/validate',
    {
      config: { public: true },
      schema: {
        summary: 'Validate a license (license key, or product token with key or licenseId)',
        description:
          'Answers 200 with every violation; the body is signed in the licentia-signature header. ' +
          'Rate limits per license: 120 at once, 20/s sustained; unknown keys per client address: 60 at once, 10/s (429 RATE_LIMITED).',
        tags: ['validation'],
        security: [],
        body: ValidateBody,
        response: { 200: ValidationAnswer, 400: Problem, 401: Problem, 403: Problem, 429: Problem },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const caller = await identifyCaller(request, ctx, body);
      const snapshot = await resolveLicense(services, caller, 'license:validate');
      const now = ctx.clock();
      const meta = metaOf(request, now, body.scope?.nonce);
      if (!snapshot) {
        throttle(reply, services.limits.unknownKey, request.ip, 'lookups of unknown licenses');
        return sendSigned(reply, ctx, caller.principal?.accountId ?? null, notFoundAnswer(meta));
      }
      throttle(reply, services.limits.validate, snapshot.licenseId, 'validations of this license');
      const { nonce: _nonce, user: _user, ...scope } = body.scope ?? {};
      const result = validateLicense(snapshot.core, scope as ValidationScope, now);
      services.recorder.record({
        accountId: snapshot.accountId,
        licenseId: snapshot.licenseId,
        code: result.code,
        valid: result.valid,
        fingerprint: scope.fingerprint ?? null,
        version: scope.version ?? null,
        at: now,
        // A named user is a realtime usage sighting (issue 7): counted in the 30-day user count.
        organizationId: snapshot.organizationId,
        user: body.scope?.user ?? null,
        feature: typeof scope.feature === 'string' ? scope.feature : (scope.feature?.[0] ?? null),
      });
      return sendSigned(
        reply,
        ctx,
        snapshot.accountId,
        answerOf(result, snapshot.summary, meta, snapshot.compliance),
      );
    },
  );
}
