// Security table of the seat routes (routes/seats/), including the self-service views. The
// person-bound token of GET /v1/me/licenses is minted by `setup` and remembered per tenant, because
// `allowed` runs without the fixture (the refusal cases run setup before the accepting case does).
import { createPerson, orgPath } from '../customer-org-fixtures.ts';
import { call, type Tenant, type TestApp } from '../harness.ts';
import { personToken } from '../privilege-fixtures.ts';
import type { SecuredRoute } from '../security-suite.ts';
import { licenseFixture } from '../validation-helpers.ts';

const TEMPLATE = '/v1/accounts/{accountId}/organizations/{organizationId}';
const personTokens = new Map<string, string>();

export function securityRoutes(getApp: () => TestApp): SecuredRoute[] {
  const missingOrg = (x: Tenant) => orgPath({ ...x, organizationId: getApp().ctx.newId('organization') });
  const missingLicense = (x: Tenant) => `${orgPath(x)}/licenses/${getApp().ctx.newId('license')}`;
  const licenseAndPerson = async (t: TestApp, x: Tenant) => ({
    licenseId: (await licenseFixture(t, x, { model: 'SUBSCRIPTION', durationIso: 'P1Y', maxUsers: 5 }))
      .licenseId,
    personId: await createPerson(t, x, 'Seated'),
  });
  const seated = async (t: TestApp, x: Tenant) => {
    const f = await licenseAndPerson(t, x);
    await call(t, 'POST', `${orgPath(x)}/licenses/${f.licenseId}/seats`, {
      token: x.tokens.admin,
      body: { personId: f.personId },
    });
    return f;
  };
  return [
    {
      method: 'GET',
      path: `${TEMPLATE}/licenses/{licenseId}/seats`,
      setup: licenseAndPerson,
      url: (x, f) => `${orgPath(x)}/licenses/${f.licenseId}/seats`,
      allowed: (_t, x) => x.tokens.orgRead,
      crossTenant: { missingUrl: (x) => `${missingLicense(x)}/seats` },
    },
    {
      method: 'POST',
      path: `${TEMPLATE}/licenses/{licenseId}/seats`,
      setup: licenseAndPerson,
      url: (x, f) => `${orgPath(x)}/licenses/${f.licenseId}/seats`,
      body: (_x, f) => ({ personId: f.personId ?? getApp().ctx.newId('person') }),
      allowed: (_t, x) => x.tokens.orgAdmin,
      forbidden: (x) => x.tokens.readOnly,
      crossTenant: { missingUrl: (x) => `${missingLicense(x)}/seats` },
    },
    {
      method: 'DELETE',
      path: `${TEMPLATE}/licenses/{licenseId}/seats/{personId}`,
      setup: seated,
      url: (x, f) => `${orgPath(x)}/licenses/${f.licenseId}/seats/${f.personId}`,
      allowed: (_t, x) => x.tokens.orgAdmin,
      forbidden: (x) => x.tokens.readOnly,
      crossTenant: { missingUrl: (x) => `${missingLicense(x)}/seats/${getApp().ctx.newId('person')}` },
    },
    {
      method: 'POST',
      path: `${TEMPLATE}/licenses/{licenseId}/seats/transfer`,
      setup: async (t, x) => ({ ...(await seated(t, x)), toPersonId: await createPerson(t, x, 'Receiver') }),
      url: (x, f) => `${orgPath(x)}/licenses/${f.licenseId}/seats/transfer`,
      body: (_x, f) => ({
        fromPersonId: f.personId ?? getApp().ctx.newId('person'),
        toPersonId: f.toPersonId ?? getApp().ctx.newId('person'),
      }),
      allowed: (_t, x) => x.tokens.orgAdmin,
      forbidden: (x) => x.tokens.readOnly,
      crossTenant: { missingUrl: (x) => `${missingLicense(x)}/seats/transfer` },
    },
    {
      method: 'GET',
      path: `${TEMPLATE}/seat-utilization`,
      url: (x) => `${orgPath(x)}/seat-utilization`,
      allowed: (_t, x) => x.tokens.orgRead,
      crossTenant: { missingUrl: (x) => `${missingOrg(x)}/seat-utilization` },
    },
    {
      method: 'GET',
      path: `${TEMPLATE}/people/{personId}/licenses`,
      setup: async (t, x) => ({ personId: await createPerson(t, x, 'Self') }),
      url: (x, f) => `${orgPath(x)}/people/${f.personId}/licenses`,
      allowed: (_t, x) => x.tokens.orgRead,
      crossTenant: { missingUrl: (x) => `${orgPath(x)}/people/${getApp().ctx.newId('person')}/licenses` },
    },
    {
      method: 'GET',
      path: '/v1/me/licenses',
      setup: async (t, x) => {
        if (!personTokens.has(x.accountId)) {
          personTokens.set(x.accountId, await personToken(t, x, await createPerson(t, x, 'Me'), 'org-read'));
        }
        return {};
      },
      url: () => '/v1/me/licenses',
      allowed: (_t, x) => personTokens.get(x.accountId) ?? x.tokens.orgRead,
      forbidden: (x) => x.tokens.readOnly,
    },
  ];
}
