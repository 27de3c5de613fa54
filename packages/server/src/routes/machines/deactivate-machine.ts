// POST /v1/licenses/deactivate — a licensed app releases its machine's activation (its seat).
// Answers 200 {deactivated}: false when the fingerprint had no live activation (or no such license).
import { machineRepository } from '@licentia/db';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { Nullable, Problem } from '../../http/schemas.ts';
import { identifyCaller, resolveLicense, throttle } from '../validation/license-credential.ts';
import { LicenseIdField, LicenseKeyField } from '../validation/validate-license.ts';
import type { LicensingServices } from '../validation/validation-services.ts';
import { licensedAppMutation } from './licensed-app-mutation.ts';
import { Fingerprint, Machine, toMachine } from './machine-schema.ts';

const DeactivateBody = Type.Object(
  { key: Type.Optional(LicenseKeyField), licenseId: Type.Optional(LicenseIdField), fingerprint: Fingerprint },
  { additionalProperties: false },
);

export function deactivateMachine(app: App, ctx: AppContext, services: LicensingServices): void {
  app.post(
    '/v1/licenses/deactivate',
    {
      config: { public: true },
      schema: {
        summary: 'Deactivate a machine (license key, or product token)',
        description: 'Rate limit per license: 60 deactivations at once, 30/min sustained (429 RATE_LIMITED).',
        tags: ['machines'],
        security: [],
        body: DeactivateBody,
        response: {
          200: Type.Object({ deactivated: Type.Boolean(), machine: Nullable(Machine) }),
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
      if (!snapshot) {
        throttle(reply, services.limits.unknownKey, request.ip, 'lookups of unknown licenses');
        return { deactivated: false, machine: null };
      }
      const { accountId, licenseId } = snapshot;
      throttle(reply, services.limits.deactivate, licenseId, 'deactivations of this license');
      const machine = await licensedAppMutation(ctx, request, licenseId, async (trx, audit) => {
        const row = await machineRepository.deactivate(
          trx,
          accountId,
          licenseId,
          { fingerprint: body.fingerprint },
          ctx.clock(),
        );
        if (row)
          await audit({
            chainId: accountId,
            action: 'machine.deactivated',
            targetType: 'machine',
            targetId: row.id,
            changes: { licenseId, fingerprint: row.fingerprint, reason: 'NORMAL' },
          });
        return row;
      });
      if (machine) services.cache.invalidate(licenseId);
      return { deactivated: machine !== undefined, machine: machine ? toMachine(machine) : null };
    },
  );
}
