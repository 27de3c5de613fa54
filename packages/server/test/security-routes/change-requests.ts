// Security table of change requests and notifications. Customer side: filing and commenting need
// LICENSING (an org-read token is refused with PRIVILEGE_REQUIRED), reading LICENSING or REPORTING.
// Vendor side: the queue and inbox need organization:read, status changes and comments
// organization:write (read-only gets 403); organization tokens never see the vendor side (404).
import { call, type Tenant, type TestApp } from '../harness.ts';
import { orgPath } from '../privilege-fixtures.ts';
import type { SecuredRoute } from '../security-suite.ts';

const admin = (_t: TestApp, x: Tenant) => x.tokens.admin;
const orgAdmin = (_t: TestApp, x: Tenant) => x.tokens.orgAdmin;
const orgRead = (_t: TestApp, x: Tenant) => x.tokens.orgRead;
const readOnly = (x: Tenant) => x.tokens.readOnly;
const refused = { forbidden: (x: Tenant) => x.tokens.orgRead, forbiddenCode: 'PRIVILEGE_REQUIRED' } as const;
const ORG = '/v1/accounts/{accountId}/organizations/{organizationId}';
const queue = (x: Tenant) => `/v1/accounts/${x.accountId}/change-requests`;

/** A fresh request filed by the customer (it also leaves a notification in the vendor's inbox). */
async function filed(t: TestApp, x: Tenant) {
  const r = await call(t, 'POST', `${orgPath(x)}/change-requests`, {
    token: x.tokens.orgAdmin,
    body: { kind: 'OTHER', payload: { text: 'security' } },
  });
  return { changeRequestId: r.json.id as string };
}

async function vendorNotification(t: TestApp, x: Tenant) {
  const { changeRequestId } = await filed(t, x);
  const inbox = await call(t, 'GET', `/v1/accounts/${x.accountId}/notifications`, { token: x.tokens.admin });
  const n = inbox.json.data.find(
    (item: { changeRequestId: string }) => item.changeRequestId === changeRequestId,
  );
  return { notificationId: n.id as string };
}

async function organizationNotification(t: TestApp, x: Tenant) {
  const { changeRequestId } = await filed(t, x);
  await call(t, 'PUT', `${queue(x)}/${changeRequestId}/status`, {
    token: x.tokens.admin,
    body: { status: 'IN_PROGRESS' },
  });
  const inbox = await call(t, 'GET', `${orgPath(x)}/notifications`, { token: x.tokens.orgAdmin });
  const n = inbox.json.data.find(
    (item: { changeRequestId: string }) => item.changeRequestId === changeRequestId,
  );
  return { notificationId: n.id as string };
}

export function securityRoutes(getApp: () => TestApp): SecuredRoute[] {
  const id = (kind: 'changeRequest' | 'notification' | 'organization' | 'account') =>
    getApp().ctx.newId(kind);
  const missingOrg = (suffix: string) => ({
    missingUrl: (x: Tenant) => `/v1/accounts/${x.accountId}/organizations/${id('organization')}${suffix}`,
  });
  const missingAccount = (suffix: string) => ({ missingUrl: () => `/v1/accounts/${id('account')}${suffix}` });
  const orgRequest = (x: Tenant, f: Record<string, string>) =>
    `${orgPath(x)}/change-requests/${f.changeRequestId}`;
  const missingOrgRequest = (x: Tenant) => `${orgPath(x)}/change-requests/${id('changeRequest')}`;
  const vendorRequest = (x: Tenant, f: Record<string, string>) => `${queue(x)}/${f.changeRequestId}`;
  const missingVendorRequest = (x: Tenant) => `${queue(x)}/${id('changeRequest')}`;
  return [
    {
      method: 'POST',
      path: `${ORG}/change-requests`,
      url: (x) => `${orgPath(x)}/change-requests`,
      body: () => ({ kind: 'OTHER', payload: { text: 'hello' } }),
      allowed: orgAdmin,
      ...refused,
      crossTenant: missingOrg('/change-requests'),
    },
    {
      method: 'GET',
      path: `${ORG}/change-requests`,
      url: (x) => `${orgPath(x)}/change-requests`,
      allowed: orgRead,
      crossTenant: missingOrg('/change-requests'),
    },
    {
      method: 'GET',
      path: `${ORG}/change-requests/{changeRequestId}`,
      setup: filed,
      url: orgRequest,
      allowed: orgRead,
      crossTenant: { missingUrl: missingOrgRequest },
    },
    {
      method: 'POST',
      path: `${ORG}/change-requests/{changeRequestId}/comments`,
      setup: filed,
      url: (x, f) => `${orgRequest(x, f)}/comments`,
      body: () => ({ body: 'Any news?' }),
      allowed: orgAdmin,
      ...refused,
      crossTenant: { missingUrl: (x) => `${missingOrgRequest(x)}/comments` },
    },
    {
      method: 'GET',
      path: '/v1/accounts/{accountId}/change-requests',
      url: queue,
      allowed: admin,
      crossTenant: missingAccount('/change-requests'),
    },
    {
      method: 'GET',
      path: '/v1/accounts/{accountId}/change-requests/{changeRequestId}',
      setup: filed,
      url: vendorRequest,
      allowed: admin,
      crossTenant: { missingUrl: missingVendorRequest },
    },
    {
      method: 'PUT',
      path: '/v1/accounts/{accountId}/change-requests/{changeRequestId}/status',
      setup: filed,
      url: (x, f) => `${vendorRequest(x, f)}/status`,
      body: () => ({ status: 'IN_PROGRESS' }),
      allowed: admin,
      forbidden: readOnly,
      crossTenant: { missingUrl: (x) => `${missingVendorRequest(x)}/status` },
    },
    {
      method: 'POST',
      path: '/v1/accounts/{accountId}/change-requests/{changeRequestId}/comments',
      setup: filed,
      url: (x, f) => `${vendorRequest(x, f)}/comments`,
      body: () => ({ body: 'On it' }),
      allowed: admin,
      forbidden: readOnly,
      crossTenant: { missingUrl: (x) => `${missingVendorRequest(x)}/comments` },
    },
    {
      method: 'GET',
      path: '/v1/accounts/{accountId}/notifications',
      url: (x) => `/v1/accounts/${x.accountId}/notifications`,
      allowed: admin,
      crossTenant: missingAccount('/notifications'),
    },
    {
      method: 'POST',
      path: '/v1/accounts/{accountId}/notifications/{notificationId}/read',
      setup: vendorNotification,
      url: (x, f) => `/v1/accounts/${x.accountId}/notifications/${f.notificationId}/read`,
      allowed: admin,
      crossTenant: {
        missingUrl: (x) => `/v1/accounts/${x.accountId}/notifications/${id('notification')}/read`,
      },
    },
    {
      method: 'GET',
      path: `${ORG}/notifications`,
      url: (x) => `${orgPath(x)}/notifications`,
      allowed: orgRead,
      crossTenant: missingOrg('/notifications'),
    },
    {
      method: 'POST',
      path: `${ORG}/notifications/{notificationId}/read`,
      setup: organizationNotification,
      url: (x, f) => `${orgPath(x)}/notifications/${f.notificationId}/read`,
      allowed: orgRead,
      crossTenant: { missingUrl: (x) => `${orgPath(x)}/notifications/${id('notification')}/read` },
    },
  ];
}
