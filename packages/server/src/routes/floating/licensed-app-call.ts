// What every licensed-app floating route does first: identify the caller (license key, or product
// token with a license id), find the license it may use, and prepare the signed answer's meta.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FloatingServices } from '../../floating/floating-services.ts';
import type { AppContext } from '../../http/context.ts';
import type { Snapshot } from '../../licensing/license-snapshot.ts';
import {
  identifyCaller,
  type LicenseReference,
  resolveLicense,
  throttle,
} from '../validation/license-credential.ts';
import { metaOf, sendSigned } from '../validation/validation-answer.ts';

export interface LicensedAppCall {
  /** The license, or undefined when none matches (or the caller may not see it: same answer). */
  snapshot: Snapshot | undefined;
  /** The account whose key signs the answer (null: an unknown key without a token — unsigned). */
  accountId: string | null;
  meta: (now?: number) => ReturnType<typeof metaOf>;
  send: (body: unknown) => Promise<FastifyReply>;
}

export async function licensedAppCall(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: AppContext,
  services: FloatingServices,
  body: LicenseReference & { nonce?: string | undefined },
): Promise<LicensedAppCall> {
  const caller = await identifyCaller(request, ctx, body);
  const snapshot = await resolveLicense(services.licensing, caller, 'license:validate');
  if (!snapshot) {
    throttle(reply, services.licensing.limits.unknownKey, request.ip, 'lookups of unknown licenses');
  }
  const accountId = snapshot?.accountId ?? caller.principal?.accountId ?? null;
  return {
    snapshot,
    accountId,
    // Answers carry the database clock of the decision when there was one.
    meta: (now) => metaOf(request, now === undefined ? ctx.clock() : new Date(now), body.nonce),
    send: (answer) => sendSigned(reply, ctx, accountId, answer),
  };
}
