// POST /v1/accounts/{accountId}/licenses/{licenseId}/amendments — upgrade, downgrade or seat change
// mid-term, prorated by the core; `preview: true` answers the quote and writes nothing, otherwise the
// license change, the amendment and the audit event commit together.
import { quotePlanChange } from '@licentia/core';
import { amendmentRepository, licenseRepository } from '@licentia/db';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import { type AppContext, mutate } from '../../http/context.ts';
import { errorResponses, Problem } from '../../http/schemas.ts';
import { toCoreLicense, toLicenseView } from '../../licensing/license-view.ts';
import { invalidField } from '../catalog/input-errors.ts';
import { type AmendmentDraft, toAmendmentView } from './amendment-view.ts';
import { conflict, loadLicense, loadPolicy } from './license-access.ts';
import { LicenseParams, LicenseWithAmendment, PolicyId } from './license-schema.ts';

const AmendBody = Type.Object(
  {
    policyId: Type.Optional(PolicyId),
    seats: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000_000, description: 'New seat limit' })),
    preview: Type.Optional(Type.Boolean({ default: false })),
  },
  { additionalProperties: false },
);

export function amendLicense(app: App, ctx: AppContext): void {
  app.post(
    '/v1/accounts/:accountId/licenses/:licenseId/amendments',
    {
      schema: {
        summary: 'Upgrade, downgrade or change seats mid-term with proration (preview: quote only)',
        tags: ['licenses'],
        params: LicenseParams,
        body: AmendBody,
        response: { 200: LicenseWithAmendment, ...errorResponses, 409: Problem },
      },
    },
    async (request) => {
      const { accountId, licenseId } = request.params;
      const { policyId, seats, preview } = request.body;
      if (policyId === undefined && seats === undefined)
        throw invalidField('body.policyId', 'REQUIRED', 'an amendment needs a policyId, seats, or both');
      const now = ctx.clock();
      return mutate(ctx, request, async (trx, audit) => {
        const before = await loadLicense(trx, request, request.params, 'license:write', true);
        const current = await licenseRepository.policyOf(trx, before);
        const target =
          policyId && policyId !== current.id ? await loadPolicy(trx, accountId, policyId) : current;
        const quote = quotePlanChange(toCoreLicense(before), current, target, seats, now);
        if (!quote.ok) {
          if (quote.code === 'OTHER_PRODUCT')
            throw invalidField('body.policyId', 'NOT_ALLOWED', quote.detail);
          throw conflict(quote.detail, quote.code);
        }
        const c = quote.change;
        const draft: AmendmentDraft = {
          id: null,
          licenseId,
          kind: c.kind,
          fromPolicyId: current.id,
          toPolicyId: c.toPolicyId,
          creditCents: c.creditCents,
          chargeCents: c.chargeCents,
          netCents: c.netCents,
          termStart: c.termStart,
          termEnd: c.termEnd,
          details: { seatLimit: c.seatLimit, fromSeats: c.fromSeats, toSeats: c.toSeats },
          createdAt: null,
        };
        // A preview writes nothing: no license change, no amendment, no audit event.
        if (preview) return { license: toLicenseView(before, now), amendment: toAmendmentView(draft) };
        const after = await licenseRepository.update(
          trx,
          accountId,
          licenseId,
          { policyId: c.toPolicyId, overrides: c.overrides },
          now,
        );
        const stored = await amendmentRepository.insert(
          trx,
          accountId,
          licenseId,
          { ...draft, id: ctx.newId('amendment') },
          now,
        );
        await audit({
          chainId: accountId,
          action: 'license.amended',
          targetType: 'license',
          targetId: licenseId,
          changes: { ...toAmendmentView(stored) },
        });
        return { license: toLicenseView(after, now), amendment: toAmendmentView(stored) };
      });
    },
  );
}
