// POST /v1/accounts/{accountId}/licenses/{licenseId}/suspend|reinstate|revoke — status transitions by
// the core's state machine; an invalid one (e.g. reinstating a revoked license) is 409 CONFLICT.
import { LIFECYCLE_ACTIONS, type LifecycleAction, transitionLicense } from '@licentia/core';
import { licenseRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import { type AppContext, mutate } from '../../http/context.ts';
import { errorResponses, Problem } from '../../http/schemas.ts';
import { toCoreLicense, toLicenseView } from '../../licensing/license-view.ts';
import { conflict, loadLicense } from './license-access.ts';
import { License, LicenseParams, optionalBody, ReasonBody } from './license-schema.ts';

const PAST: Record<LifecycleAction, string> = {
  suspend: 'suspended',
  reinstate: 'reinstated',
  revoke: 'revoked',
};

export function changeLicenseStatus(app: App, ctx: AppContext): void {
  for (const action of LIFECYCLE_ACTIONS) {
    app.post(
      `/v1/accounts/:accountId/licenses/:licenseId/${action}`,
      {
        ...optionalBody,
        schema: {
          summary: `${action[0]!.toUpperCase()}${action.slice(1)} a license`,
          tags: ['licenses'],
          params: LicenseParams,
          body: ReasonBody,
          response: { 200: License, ...errorResponses, 409: Problem },
        },
      },
      async (request) => {
        const { accountId, licenseId } = request.params;
        const now = ctx.clock();
        const row = await mutate(ctx, request, async (trx, audit) => {
          const before = await loadLicense(trx, request, request.params, 'license:write', true);
          const result = transitionLicense(toCoreLicense(before), action);
          if (!result.ok) throw conflict(result.detail, result.code);
          const after = await licenseRepository.update(trx, accountId, licenseId, { status: result.to }, now);
          await audit({
            chainId: accountId,
            action: `license.${PAST[action]}`,
            targetType: 'license',
            targetId: licenseId,
            changes: { status: { from: result.from, to: result.to }, reason: request.body?.reason ?? null },
          });
          return after;
        });
        return toLicenseView(row, now);
      },
    );
  }
}
