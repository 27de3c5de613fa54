// POST /v1/accounts/{accountId}/licenses/{licenseId}/convert — a trial becomes a paid license of the
// same product: new policy, model and dates on the same row, so its key and machines are kept.
import { convertTrial, effectiveTerms } from '@licentia/core';
import { amendmentRepository, licenseRepository } from '@licentia/db';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import { type AppContext, mutate } from '../../http/context.ts';
import { errorResponses, Problem } from '../../http/schemas.ts';
import { toLicenseView } from '../../licensing/license-view.ts';
import { invalidField } from '../catalog/input-errors.ts';
import { toAmendmentView } from './amendment-view.ts';
import { conflict, loadLicense, loadPolicy } from './license-access.ts';
import { LicenseParams, LicenseWithAmendment, PolicyId } from './license-schema.ts';

const ConvertBody = Type.Object({ policyId: PolicyId }, { additionalProperties: false });

export function convertLicense(app: App, ctx: AppContext): void {
  app.post(
    '/v1/accounts/:accountId/licenses/:licenseId/convert',
    {
      schema: {
        summary: 'Convert a trial to a paid policy (machines and key are kept)',
        tags: ['licenses'],
        params: LicenseParams,
        body: ConvertBody,
        response: { 200: LicenseWithAmendment, ...errorResponses, 409: Problem },
      },
    },
    async (request) => {
      const { accountId, licenseId } = request.params;
      const now = ctx.clock();
      return mutate(ctx, request, async (trx, audit) => {
        const before = await loadLicense(trx, request, request.params, 'license:write', true);
        const paid = await loadPolicy(trx, accountId, request.body.policyId);
        const result = convertTrial(before, paid, now);
        if (!result.ok) {
          if (result.code === 'OTHER_PRODUCT')
            throw invalidField('body.policyId', 'NOT_ALLOWED', result.detail);
          throw conflict(result.detail, result.code);
        }
        const after = await licenseRepository.update(trx, accountId, licenseId, result.changes, now);
        // The first paid period is charged in full: price per period per seat of the paid terms.
        const terms = effectiveTerms(paid, { ...before, model: paid.model });
        const seats = (terms.maxMachines === null ? terms.maxUsers : terms.maxMachines) ?? 1;
        const charge = (paid.priceCents ?? 0) * seats;
        const amendment = await amendmentRepository.insert(
          trx,
          accountId,
          licenseId,
          {
            id: ctx.newId('amendment'),
            kind: 'TRIAL_CONVERSION',
            fromPolicyId: before.policyId,
            toPolicyId: paid.id,
            creditCents: 0,
            chargeCents: charge,
            netCents: charge,
            termStart: result.changes.startsAt,
            termEnd: result.changes.expiresAt,
            details: { fromModel: before.model, toModel: paid.model, seats },
          },
          now,
        );
        await audit({
          chainId: accountId,
          action: 'license.converted',
          targetType: 'license',
          targetId: licenseId,
          changes: {
            policyId: { from: before.policyId, to: paid.id },
            model: { from: before.model, to: paid.model },
            amendmentId: amendment.id,
          },
        });
        return { license: toLicenseView(after, now), amendment: toAmendmentView(amendment) };
      });
    },
  );
}
