// Public shape of approval requests (license and machine transfers) and their routes' parameters.
import type { ApprovalRow } from '@licentia/db';
import { Type } from 'typebox';
import { IdParam, Nullable, Timestamp } from '../../http/schemas.ts';
import { AccountId } from '../accounts/account-schema.ts';
import { literals } from '../licenses/license-schema.ts';

export const APPROVAL_STATUSES = ['PENDING', 'APPROVED', 'REJECTED'] as const;

export const ApprovalRequest = Type.Object({
  id: Type.String(),
  accountId: Type.String(),
  licenseId: Type.String(),
  kind: literals(['LICENSE_TRANSFER', 'MACHINE_TRANSFER'] as const),
  status: literals(APPROVAL_STATUSES),
  payload: Type.Record(Type.String(), Type.Unknown()),
  requestedBy: Type.String({ description: 'Id of the token that asked' }),
  decidedBy: Nullable(Type.String({ description: 'Id of the (different) token that decided' })),
  reason: Nullable(Type.String({ description: "The requester's reason" })),
  decisionReason: Nullable(Type.String({ description: "The decider's reason" })),
  createdAt: Timestamp,
  decidedAt: Nullable(Timestamp),
});

export const ApprovalParams = Type.Object(
  { accountId: AccountId, requestId: IdParam('Approval request', 'apr') },
  { additionalProperties: false },
);

export function toApprovalView(row: ApprovalRow) {
  return {
    id: row.id,
    accountId: row.accountId,
    licenseId: row.licenseId,
    kind: row.kind,
    status: row.status,
    payload: row.payload,
    requestedBy: row.requestedBy,
    decidedBy: row.decidedBy,
    reason: row.reason,
    decisionReason: row.decisionReason,
    createdAt: row.createdAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
  };
}
