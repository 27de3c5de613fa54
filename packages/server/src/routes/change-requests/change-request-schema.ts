// The public shape of a change request and its comments, the route parameters, and row mapping.
import {
  CHANGE_REQUEST_KINDS,
  CHANGE_REQUEST_STATUSES,
  type ChangeRequestStatus,
  formatCaseNumber,
  nextStatuses,
} from '@licentia/core';
import type { ChangeRequestRow, CommentRow } from '@licentia/db';
import { Type } from 'typebox';
import { IdParam, Nullable, PageQuery, Timestamp } from '../../http/schemas.ts';
import { AccountId } from '../accounts/account-schema.ts';
import { literals } from '../licenses/license-schema.ts';
import { OrganizationId } from '../organizations/organization-schema.ts';

export const ChangeRequestId = IdParam('Change request', 'creq');

const Author = Type.Object({
  type: Type.String({ description: 'account-token, organization-token or operator-token' }),
  id: Type.String({ description: 'The token that acted' }),
  personId: Nullable(Type.String({ description: 'The person a person-bound token acts for' })),
});

export const ChangeRequestComment = Type.Object({
  id: Type.String(),
  side: literals(['VENDOR', 'ORGANIZATION'] as const),
  author: Author,
  body: Type.String(),
  createdAt: Timestamp,
});

export const ChangeRequest = Type.Object(
  {
    id: Type.String(),
    caseNumber: Type.String({ description: 'CASE-000001: sequential per vendor account' }),
    number: Type.Integer(),
    accountId: Type.String(),
    organizationId: Type.String(),
    kind: literals(CHANGE_REQUEST_KINDS),
    subject: Type.String(),
    description: Nullable(Type.String()),
    payload: Type.Record(Type.String(), Type.Unknown(), {
      description: 'Typed by kind (docs/privileges-and-change-requests.md)',
    }),
    status: literals(CHANGE_REQUEST_STATUSES),
    nextStatuses: Type.Array(literals(CHANGE_REQUEST_STATUSES)),
    createdBy: Author,
    createdAt: Timestamp,
    updatedAt: Timestamp,
    comments: Type.Optional(Type.Array(ChangeRequestComment)),
  },
  { $id: 'ChangeRequest' },
);

export const OrgChangeRequestParams = Type.Object(
  { accountId: AccountId, organizationId: OrganizationId, changeRequestId: ChangeRequestId },
  { additionalProperties: false },
);

export const VendorChangeRequestParams = Type.Object(
  { accountId: AccountId, changeRequestId: ChangeRequestId },
  { additionalProperties: false },
);

export const StatusQuery = Type.Object(
  { ...PageQuery.properties, status: Type.Optional(literals(CHANGE_REQUEST_STATUSES)) },
  { additionalProperties: false },
);

export const CommentBody = Type.Object(
  { body: Type.String({ minLength: 1, maxLength: 4000 }) },
  { additionalProperties: false },
);

export function toCommentView(row: CommentRow) {
  return {
    id: row.id,
    side: row.side,
    author: { type: row.authorType, id: row.authorId, personId: row.authorPersonId },
    body: row.body,
    createdAt: row.createdAt.toISOString(),
  };
}

export function toChangeRequestView(row: ChangeRequestRow, comments?: CommentRow[]) {
  return {
    id: row.id,
    caseNumber: formatCaseNumber(row.caseNumber),
    number: row.caseNumber,
    accountId: row.accountId,
    organizationId: row.organizationId,
    kind: row.kind,
    subject: row.subject,
    description: row.description,
    payload: row.payload,
    status: row.status,
    nextStatuses: [...nextStatuses(row.status as ChangeRequestStatus)],
    createdBy: { type: row.createdByType, id: row.createdById, personId: row.createdByPersonId },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    ...(comments ? { comments: comments.map(toCommentView) } : {}),
  };
}
