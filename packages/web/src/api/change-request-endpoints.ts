// The change-request part of the API client: the customer's requests and the vendor's queue with
// comments and status steps, both sides' notification inboxes, and organization privileges
// (docs/privileges-and-change-requests.md).
import type { Page } from './api-types.ts';
import { type Query, type Send, withQuery } from './licensing-endpoints.ts';
import { type OrgScope, orgPath } from './organization-endpoints.ts';

export const CHANGE_REQUEST_KINDS = [
  'ADD_SEATS',
  'ADD_INTEGRATION',
  'RENAME_PRODUCT_DISPLAY_NAME',
  'MOVE_LICENSE_ENVIRONMENT',
  'OTHER',
] as const;
export type ChangeRequestKind = (typeof CHANGE_REQUEST_KINDS)[number];
export const CHANGE_REQUEST_STATUSES = ['OPEN', 'IN_PROGRESS', 'RESOLVED', 'REJECTED'] as const;
export type ChangeRequestStatus = (typeof CHANGE_REQUEST_STATUSES)[number];
export const ORG_PRIVILEGES = ['SUPERVISOR', 'LICENSING', 'REPORTING'] as const;
export type OrgPrivilege = (typeof ORG_PRIVILEGES)[number];

export interface ChangeRequestAuthor {
  type: string;
  id: string;
  personId: string | null;
}

export interface ChangeRequestComment {
  id: string;
  side: 'VENDOR' | 'ORGANIZATION';
  author: ChangeRequestAuthor;
  body: string;
  createdAt: string;
}

export interface ChangeRequest {
  id: string;
  /** CASE-000001: sequential per vendor account. */
  caseNumber: string;
  number: number;
  accountId: string;
  organizationId: string;
  kind: ChangeRequestKind;
  subject: string;
  description: string | null;
  payload: Record<string, unknown>;
  status: ChangeRequestStatus;
  nextStatuses: ChangeRequestStatus[];
  createdBy: ChangeRequestAuthor;
  createdAt: string;
  updatedAt: string;
  comments?: ChangeRequestComment[];
}

export interface ChangeRequestInput {
  kind: ChangeRequestKind;
  payload: Record<string, unknown>;
  subject?: string;
  description?: string;
}

export interface Notification {
  id: string;
  organizationId: string;
  audience: 'VENDOR' | 'ORGANIZATION';
  kind: string;
  changeRequestId: string | null;
  message: string;
  createdAt: string;
  readAt: string | null;
}

export type Inbox = Page<Notification> & { unread: number };

export interface PersonPrivileges {
  personId: string;
  name: string;
  email: string;
  status: 'ACTIVE' | 'DISABLED';
  privileges: OrgPrivilege[];
  /** Set while the organization has fewer than two active supervisors. */
  warning: string | null;
}

export interface Supervisor {
  id: string;
  name: string;
  email: string;
}

const seg = encodeURIComponent;

export function changeRequestEndpoints(send: Send) {
  const orgRequests = (scope: OrgScope) => `${orgPath(scope)}/change-requests`;
  const queue = (accountId: string) => `/v1/accounts/${seg(accountId)}/change-requests`;
  return {
    listChangeRequests: (scope: OrgScope, query?: Query) =>
      send<Page<ChangeRequest>>('GET', withQuery(orgRequests(scope), query)),
    getChangeRequest: (scope: OrgScope, id: string) =>
      send<ChangeRequest>('GET', `${orgRequests(scope)}/${seg(id)}`),
    fileChangeRequest: (scope: OrgScope, input: ChangeRequestInput) =>
      send<ChangeRequest>('POST', orgRequests(scope), input),
    commentChangeRequest: (scope: OrgScope, id: string, body: string) =>
      send<unknown>('POST', `${orgRequests(scope)}/${seg(id)}/comments`, { body }),

    changeRequestQueue: (accountId: string, query?: Query) =>
      send<Page<ChangeRequest>>('GET', withQuery(queue(accountId), query)),
    getQueuedChangeRequest: (accountId: string, id: string) =>
      send<ChangeRequest>('GET', `${queue(accountId)}/${seg(id)}`),
    setChangeRequestStatus: (accountId: string, id: string, status: ChangeRequestStatus, comment?: string) =>
      send<ChangeRequest>(
        'PUT',
        `${queue(accountId)}/${seg(id)}/status`,
        comment ? { status, comment } : { status },
      ),
    vendorCommentChangeRequest: (accountId: string, id: string, body: string) =>
      send<unknown>('POST', `${queue(accountId)}/${seg(id)}/comments`, { body }),

    organizationInbox: (scope: OrgScope, query?: Query) =>
      send<Inbox>('GET', withQuery(`${orgPath(scope)}/notifications`, query)),
    markOrganizationNotificationRead: (scope: OrgScope, id: string) =>
      send<Notification>('POST', `${orgPath(scope)}/notifications/${seg(id)}/read`),
    vendorInbox: (accountId: string, query?: Query) =>
      send<Inbox>('GET', withQuery(`/v1/accounts/${seg(accountId)}/notifications`, query)),
    markVendorNotificationRead: (accountId: string, id: string) =>
      send<Notification>('POST', `/v1/accounts/${seg(accountId)}/notifications/${seg(id)}/read`),

    myPrivileges: (scope: OrgScope) =>
      send<{ personId: string | null; privileges: OrgPrivilege[] }>('GET', `${orgPath(scope)}/my-privileges`),
    listPrivilegeHolders: (scope: OrgScope, query?: Query) =>
      send<Page<PersonPrivileges> & { warning: string | null }>(
        'GET',
        withQuery(`${orgPath(scope)}/privileges`, query),
      ),
    listSupervisors: (scope: OrgScope) =>
      send<{ data: Supervisor[]; count: number; warning: string | null }>(
        'GET',
        `${orgPath(scope)}/supervisors`,
      ),
    getPersonPrivileges: (scope: OrgScope, personId: string) =>
      send<PersonPrivileges>('GET', `${orgPath(scope)}/people/${seg(personId)}/privileges`),
    grantPrivilege: (scope: OrgScope, personId: string, privilege: OrgPrivilege) =>
      send<PersonPrivileges>('PUT', `${orgPath(scope)}/people/${seg(personId)}/privileges/${privilege}`),
    removePrivilege: (scope: OrgScope, personId: string, privilege: OrgPrivilege) =>
      send<PersonPrivileges>('DELETE', `${orgPath(scope)}/people/${seg(personId)}/privileges/${privilege}`),
  };
}
