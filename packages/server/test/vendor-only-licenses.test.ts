// Customers never change product or integration licenses: every license-changing vendor route
// answers a customer's organization token 403 CONTACT_ACCOUNT_MANAGER ("file a change request or
// contact your account manager"), whatever the target; the vendor's own tokens still work.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { CONTACT_ACCOUNT_MANAGER_DETAIL } from '@licentia/core';
import { forEachEngine } from '../../db/test/test-databases.ts';
import { call, newTenant, type Tenant, useTestApp } from './harness.ts';
import { orgPath, privilegedPerson } from './privilege-fixtures.ts';
import { seedYearlyLicense } from './security-routes/licenses.ts';
import { assertProblem } from './security-suite.ts';

type Attempt = [string, 'POST' | 'PUT' | 'PATCH' | 'DELETE', string, object | undefined];

function attempts(x: Tenant, f: Awaited<ReturnType<typeof seedYearlyLicense>>): Attempt[] {
  const lic = `/v1/accounts/${x.accountId}/licenses/${f.licenseId}`;
  const account = `/v1/accounts/${x.accountId}`;
  return [
    [
      'issue a license',
      'POST',
      `${account}/licenses`,
      { policyId: f.policyId, organizationId: x.organizationId },
    ],
    ['amend a license', 'POST', `${lic}/amendments`, { seats: 8 }],
    ['suspend a license', 'POST', `${lic}/suspend`, undefined],
    ['revoke a license', 'POST', `${lic}/revoke`, undefined],
    ['renew a license', 'POST', `${lic}/renew`, undefined],
    ['convert a license', 'POST', `${lic}/convert`, { policyId: f.policyId }],
    ['transfer a license', 'POST', `${lic}/transfer-requests`, { toOrganizationId: x.organizationId }],
    ['rename a product', 'PATCH', `${account}/products/${f.productId}`, { name: 'Renamed' }],
    ['create a product', 'POST', `${account}/products`, { code: 'x-1', name: 'X' }],
    [
      'add an integration license',
      'POST',
      `${orgPath(x)}/entitlements`,
      { kind: 'INTEGRATION', code: 'sap-connector', name: 'SAP', quantity: 1 },
    ],
  ];
}

forEachEngine('vendor-only license changes', (engine) => {
  const getApp = useTestApp(engine);

  it('answers every organization token 403 CONTACT_ACCOUNT_MANAGER on license-changing routes', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const f = await seedYearlyLicense(t, x);
    const licensing = await privilegedPerson(t, x, 'Lee Censing', ['SUPERVISOR', 'LICENSING', 'REPORTING']);
    const licenseUrl = `/v1/accounts/${x.accountId}/licenses/${f.licenseId}`;
    const before = (await call(t, 'GET', licenseUrl, { token: x.tokens.admin })).json;
    for (const token of [x.tokens.orgAdmin, x.tokens.orgRead, licensing.token]) {
      for (const [name, method, url, body] of attempts(x, f)) {
        const r = await call(t, method, url, { token, ...(body ? { body } : {}) });
        assertProblem(r, 403, 'CONTACT_ACCOUNT_MANAGER');
        assert.equal(r.json.detail, CONTACT_ACCOUNT_MANAGER_DETAIL, name);
      }
    }
    assert.deepEqual((await call(t, 'GET', licenseUrl, { token: x.tokens.admin })).json, before);
    const licenses = await call(t, 'GET', `/v1/accounts/${x.accountId}/licenses`, { token: x.tokens.admin });
    assert.deepEqual(
      licenses.json.data.map((l: { id: string }) => l.id),
      [f.licenseId],
    );
    const entitlements = await call(t, 'GET', `${orgPath(x)}/entitlements`, { token: x.tokens.admin });
    assert.deepEqual(entitlements.json.data, []);
  });

  it('answers the same for a sibling organization’s license, revealing nothing about it', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const sibling = await call(t, 'POST', `/v1/accounts/${x.accountId}/organizations`, {
      token: x.tokens.admin,
      body: { name: 'Sibling' },
    });
    const f = await seedYearlyLicense(t, { ...x, organizationId: sibling.json.id });
    const url = (id: string) => `/v1/accounts/${x.accountId}/licenses/${id}/suspend`;
    const theirs = await call(t, 'POST', url(f.licenseId), { token: x.tokens.orgAdmin });
    const missing = await call(t, 'POST', url(t.ctx.newId('license')), { token: x.tokens.orgAdmin });
    assertProblem(theirs, 403, 'CONTACT_ACCOUNT_MANAGER');
    assert.deepEqual(theirs.json.detail, missing.json.detail);
  });

  it("keeps another vendor's account invisible (404) and lets the vendor change its licenses", async () => {
    const t = getApp();
    const x = await newTenant(t);
    const y = await newTenant(t);
    const f = await seedYearlyLicense(t, x);
    const suspend = `/v1/accounts/${x.accountId}/licenses/${f.licenseId}/suspend`;
    assertProblem(await call(t, 'POST', suspend, { token: y.tokens.orgAdmin }), 404, 'NOT_FOUND');
    assert.equal((await call(t, 'POST', suspend, { token: x.tokens.developer })).status, 200);
  });

  it('points the customer to a change request, which the organization token may file', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const f = await seedYearlyLicense(t, x);
    const direct = await call(t, 'POST', `/v1/accounts/${x.accountId}/licenses/${f.licenseId}/amendments`, {
      token: x.tokens.orgAdmin,
      body: { seats: 8 },
    });
    assert.match(direct.json.detail, /file a change request or contact your account manager/);
    const asked = await call(t, 'POST', `${orgPath(x)}/change-requests`, {
      token: x.tokens.orgAdmin,
      body: { kind: 'ADD_SEATS', payload: { licenseId: f.licenseId, quantity: 3 } },
    });
    assert.equal(asked.status, 201, asked.body);
  });
});
