// POST /v1/accounts/{accountId}/licenses/{licenseId}/renew — extend a subscription by its policy's
// duration (from now or from the current expiry, per policy) and record a RENEWAL amendment.
import { effectiveTerms, renewLicense as renew } from '@licentia/core';
import { amendmentRepository, licenseRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import { type AppContext, mutate } from '../../http/context.ts';
import { errorResponses, Problem } from '../../http/schemas.ts';
import { toCoreLicense, toLicenseView } from '../../licensing/license-view.ts';
import { toAmendmentView } from './amendment-view.ts';
import { conflict, loadLicense } from './license-access.ts';
import { LicenseParams, LicenseWithAmendment } from './license-schema.ts';

export function renewLicense(app: App, ctx: AppContext): void {
  app.post(
    '/v1/accounts/:accountId/licenses/:licenseId/renew',
    {
      schema: {
        summary: 'Renew a subscription license',
        tags: ['licenses'],
        params: LicenseParams,
        response: { 200: LicenseWithAmendment, ...errorResponses, 409: Problem },
      },
    },
    async (request) => {
      const { accountId, licenseId } = request.params;
      const now = ctx.clock();
      return mutate(ctx, request, async (trx, audit) => {
        const before = await loadLicense(trx, request, request.params, 'license:write', true);
        const policy = await licenseRepository.policyOf(trx, before);
        const result = renew(before, policy, now);
        if (!result.ok) throw conflict(result.detail, result.code);
        const after = await licenseRepository.update(
          trx,
          accountId,
          licenseId,
          { expiresAt: result.expiresAt },
          now,
        );
        const terms = effectiveTerms(policy, toCoreLicense(before));
        const seats = (terms.maxMachines === null ? terms.maxUsers : terms.maxMachines) ?? 1;
        // A renewal bills whole billing periods; when the duration is not one period the billing
        // system prices it, and the amendment records the term only.
        const billed = policy.priceCents !== null && policy.billingPeriodIso === policy.durationIso;
        const charge = billed ? policy.priceCents! * seats : 0;
        const amendment = await amendmentRepository.insert(
          trx,
          accountId,
          licenseId,
          {
            id: ctx.newId('amendment'),
            kind: 'RENEWAL',
            fromPolicyId: policy.id,
            toPolicyId: policy.id,
            creditCents: 0,
            chargeCents: charge,
            netCents: charge,
            termStart:
              policy.renewFrom === 'EXPIRY' && result.previousExpiresAt ? result.previousExpiresAt : now,
            termEnd: result.expiresAt,
            details: { renewFrom: policy.renewFrom, durationIso: policy.durationIso, seats, billed },
          },
          now,
        );
        await audit({
          chainId: accountId,
          action: 'license.renewed',
          targetType: 'license',
          targetId: licenseId,
          changes: {
            expiresAt: {
              from: result.previousExpiresAt?.toISOString() ?? null,
              to: result.expiresAt.toISOString(),
            },
            amendmentId: amendment.id,
          },
        });
        return { license: toLicenseView(after, now), amendment: toAmendmentView(amendment) };
      });
    },
  );
}
