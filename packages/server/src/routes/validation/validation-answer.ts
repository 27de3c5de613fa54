// The validation answer: its schema (for the OpenAPI document), how it is built from a core
// result, and how it is sent — serialized once here so the signature covers the exact bytes sent.
import type { ValidationIssue, ValidationResult } from '@licentia/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { ComplianceSummary as Compliance } from '../../compliance/compliance-view.ts';
import type { AppContext } from '../../http/context.ts';
import { Nullable, Timestamp } from '../../http/schemas.ts';
import type { LicenseSummary } from '../../licensing/license-snapshot.ts';
import { SIGNATURE_HEADER, signResponse } from '../../licensing/response-signature.ts';
import { ComplianceSummary } from '../compliance/compliance-schema.ts';

const Issue = Type.Object({ code: Type.String(), detail: Type.String() });

export const ValidationFields = {
  valid: Type.Boolean(),
  code: Type.String({ description: 'The most severe violation, else warning, else VALID' }),
  violations: Type.Array(Issue),
  warnings: Type.Array(Issue),
  license: Nullable(
    Type.Object({
      id: Type.String(),
      status: Type.String(),
      model: Type.String(),
      expiresAt: Nullable(Timestamp),
      maintenanceEndsAt: Nullable(Timestamp),
      entitlements: Type.Array(Type.Object({ code: Type.String(), value: Type.Optional(Type.Unknown()) })),
    }),
  ),
  meta: Type.Object({ ts: Timestamp, nonce: Nullable(Type.String()), requestId: Type.String() }),
  compliance: Type.Optional(
    Type.Object(ComplianceSummary.properties, {
      description:
        "The license's user-count enforcement mode with its reason, remedy and refused capabilities",
    }),
  ),
};
export const ValidationAnswer = Type.Object(ValidationFields, { $id: 'ValidationAnswer' });

export interface Answer {
  valid: boolean;
  code: string;
  violations: ValidationIssue[];
  warnings: ValidationIssue[];
  license: LicenseSummary | null;
  meta: { ts: string; nonce: string | null; requestId: string };
  compliance?: Compliance;
}

export function metaOf(request: FastifyRequest, now: Date, nonce: string | undefined): Answer['meta'] {
  return { ts: now.toISOString(), nonce: nonce ?? null, requestId: request.id };
}

export function answerOf(
  result: ValidationResult,
  license: LicenseSummary,
  meta: Answer['meta'],
  compliance?: Compliance,
): Answer {
  return { ...result, license, meta, ...(compliance ? { compliance } : {}) };
}

/** What an unknown (or not visible) license answers: data, not an error, and no leak of which. */
export function notFoundAnswer(meta: Answer['meta']): Answer {
  return {
    valid: false,
    code: 'NOT_FOUND',
    violations: [{ code: 'NOT_FOUND', detail: 'no license matches this key or id' }],
    warnings: [],
    license: null,
    meta,
  };
}

/**
 * Send `body` as JSON signed with the ACTIVE key of `accountId` (unsigned when there is no account,
 * i.e. an unknown key without a product token: there is no key to sign with).
 */
export async function sendSigned(
  reply: FastifyReply,
  ctx: AppContext,
  accountId: string | null,
  body: unknown,
  status = 200,
): Promise<FastifyReply> {
  const json = JSON.stringify(body);
  const signer = accountId ? await ctx.keys.signer(ctx.db, accountId) : null;
  if (signer) reply.header(SIGNATURE_HEADER, await signResponse(json, signer));
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .header('content-type', 'application/json; charset=utf-8')
    .send(json);
}
