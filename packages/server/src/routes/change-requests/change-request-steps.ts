// The steps of a change request shared by the organization and vendor routes: file it (with the
// next case number of the account), comment on it, move its status. Each step is one transaction
// with its audit event and a notification for the other side.
import {
  AppError,
  type ChangeRequestInput,
  type ChangeRequestSide,
  type ChangeRequestStep,
  notifyOtherSide,
  type Principal,
} from '@licentia/core';
import {
  type ChangeRequestRow,
  changeRequestRepository,
  notificationRepository,
  type Schema,
} from '@licentia/db';
import type { Kysely } from 'kysely';
import type { AppContext, AuditEntry } from '../../http/context.ts';
import { invalidField } from '../catalog/input-errors.ts';

export interface Actor {
  side: ChangeRequestSide;
  type: string;
  id: string;
  personId: string | null;
}

/** Organization tokens speak for the customer; every other token for the vendor. */
export function actorOf(principal: Principal): Actor {
  return {
    side: principal.kind === 'organization' ? 'ORGANIZATION' : 'VENDOR',
    type: `${principal.kind}-token`,
    id: principal.tokenId,
    personId: principal.personId ?? null,
  };
}

/** The ids a request names must be the organization's own: licenses, production environments, products. */
export async function checkReferences(
  db: Kysely<Schema>,
  accountId: string,
  organizationId: string,
  input: ChangeRequestInput,
): Promise<void> {
  const license = async (licenseId: string) => {
    const found = await changeRequestRepository.licenseOf(db, accountId, organizationId, licenseId);
    if (!found) {
      throw invalidField(
        'body.payload.licenseId',
        'NOT_FOUND',
        `No license ${licenseId} in this organization`,
      );
    }
    return found;
  };
  if (input.kind === 'ADD_SEATS') await license(input.payload.licenseId);
  if (input.kind === 'MOVE_LICENSE_ENVIRONMENT') {
    const found = await license(input.payload.licenseId);
    const { environmentId } = input.payload;
    const env = await changeRequestRepository.environmentOf(db, accountId, organizationId, environmentId);
    if (env?.kind !== 'PRODUCTION') {
      throw invalidField(
        'body.payload.environmentId',
        'NOT_ALLOWED',
        `No production environment ${environmentId} in this organization (licenses are installed in production environments)`,
      );
    }
    if (found.environmentId === environmentId) {
      throw invalidField(
        'body.payload.environmentId',
        'INCONSISTENT',
        'The license is already installed there',
      );
    }
  }
  if (
    input.kind === 'RENAME_PRODUCT_DISPLAY_NAME' &&
    !(await changeRequestRepository.organizationHoldsProduct(
      db,
      accountId,
      organizationId,
      input.payload.productId,
    ))
  ) {
    throw invalidField(
      'body.payload.productId',
      'NOT_FOUND',
      `This organization holds no license of product ${input.payload.productId}`,
    );
  }
}

/** Store the notification of a step for the side that did not take it. */
export async function notifyStep(
  ctx: AppContext,
  trx: Kysely<Schema>,
  row: ChangeRequestRow,
  actor: Actor,
  step: ChangeRequestStep,
): Promise<void> {
  const n = notifyOtherSide(actor.side, row.caseNumber, step);
  await notificationRepository.insert(trx, row.accountId, {
    id: ctx.newId('notification'),
    organizationId: row.organizationId,
    audience: n.audience,
    kind: n.kind,
    changeRequestId: row.id,
    message: n.message,
    createdAt: ctx.clock(),
  });
}

/** File a request: next case number, row, audit event, notification — in the caller's transaction. */
export async function fileChangeRequest(
  ctx: AppContext,
  trx: Kysely<Schema>,
  audit: (entry: AuditEntry) => Promise<void>,
  target: { accountId: string; organizationId: string; organizationName: string },
  input: ChangeRequestInput,
  actor: Actor,
): Promise<ChangeRequestRow> {
  const caseNumber = await changeRequestRepository.allocateCaseNumber(trx, target.accountId);
  const row = await changeRequestRepository.insert(trx, target.accountId, caseNumber, {
    id: ctx.newId('changeRequest'),
    organizationId: target.organizationId,
    kind: input.kind,
    subject: input.subject,
    description: input.description,
    payload: input.payload as unknown as Record<string, unknown>,
    createdByType: actor.type,
    createdById: actor.id,
    createdByPersonId: actor.personId,
    createdAt: ctx.clock(),
  });
  await audit({
    chainId: target.accountId,
    action: 'change_request.created',
    targetType: 'change_request',
    targetId: row.id,
    changes: { caseNumber, organizationId: row.organizationId, kind: row.kind, payload: row.payload },
  });
  await notifyStep(ctx, trx, row, actor, {
    type: 'created',
    subject: row.subject,
    organizationName: target.organizationName,
  });
  return row;
}

/** A comment's text, trimmed; blank text is refused. */
export function commentText(body: string): string {
  const text = body.trim();
  if (!text) throw new AppError('INVALID_FIELD', 'body.body must not be blank', { field: 'body.body' });
  return text;
}

/** Add a comment to a request the caller already found (and may see). */
export async function commentOnRequest(
  ctx: AppContext,
  trx: Kysely<Schema>,
  audit: (entry: AuditEntry) => Promise<void>,
  row: ChangeRequestRow,
  body: string,
  actor: Actor,
) {
  const comment = await changeRequestRepository.addComment(
    trx,
    row.accountId,
    {
      id: ctx.newId('changeRequestComment'),
      changeRequestId: row.id,
      side: actor.side,
      authorType: actor.type,
      authorId: actor.id,
      authorPersonId: actor.personId,
      body,
    },
    ctx.clock(),
  );
  await audit({
    chainId: row.accountId,
    action: 'change_request.commented',
    targetType: 'change_request',
    targetId: row.id,
    changes: { commentId: comment.id, side: actor.side },
  });
  await notifyStep(ctx, trx, row, actor, { type: 'comment', excerpt: body });
  return comment;
}
