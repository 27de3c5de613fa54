// The licensing pages of the web console in a real browser against the real server in-process:
// the operator builds a product and a policy through the UI, issues a license, sees its key and
// signed token, opens it and suspends it; an organization token sees only its licenses, read-only.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { uniqueName } from '../../db/test/test-databases.ts';
import { call } from '../../server/test/harness.ts';
import { browserSkip, signIn, useConsole } from './browser-harness.ts';

const LICENSE_KEY = /^[0-9A-Z]{4,}(-[0-9A-Z]{4,})+$/;
const COMPACT_JWS = /^[\w-]+\.[\w-]+\.[\w-]+$/;

async function text(page: Page, testId: string): Promise<string> {
  return ((await page.getByTestId(testId).first().textContent()) ?? '').trim();
}

/** Sign in and wait for the overview: these tests start from a signed-in console. */
async function signInToOverview(page: Page, url: string, token: string): Promise<void> {
  await signIn(page, url, token);
  await page.getByTestId('page-overview').waitFor();
}

const skip = browserSkip();

describe('licensing pages of the web console in a real browser', { skip }, () => {
  const session = useConsole();
  const newPage = session.newPage;

  /** A fresh vendor account with one customer organization, made through the API. */
  async function newVendor() {
    const op = { token: session.app().operatorToken };
    const account = await call(session.app(), 'POST', '/v1/accounts', {
      ...op,
      body: { name: uniqueName('vendor') },
    });
    assert.equal(account.status, 201);
    const accountId = account.json.id as string;
    const orgName = uniqueName('Globex');
    const org = await call(session.app(), 'POST', `/v1/accounts/${accountId}/organizations`, {
      ...op,
      body: { name: orgName },
    });
    assert.equal(org.status, 201);
    return { accountId, organizationId: org.json.id as string, orgName };
  }

  test('the operator creates a product and a policy, issues a license, reads its key and token, and suspends it', async () => {
    const app = session.app();
    const { accountId, organizationId, orgName } = await newVendor();
    const page = await newPage();
    await signInToOverview(page, session.baseUrl(), app.operatorToken);

    // Products: create one, then add a release and a feature on its detail page.
    await page.getByTestId('nav-products').click();
    await page.getByTestId('page-products').getByTestId('account-picker').selectOption(accountId);
    await page.getByTestId('new-product').click();
    const productCode = uniqueName('studio').toLowerCase().replaceAll('_', '-');
    await page.getByTestId('product-code').fill(productCode);
    await page.getByTestId('product-name').fill('Acme Studio');
    await page.getByTestId('create-product').click();
    await page
      .getByTestId('product-row')
      .filter({ hasText: productCode })
      .getByTestId('open-product')
      .click();
    await page.getByTestId('product-summary').waitFor();
    await page.getByTestId('release-version').fill('2.4.0');
    await page.getByTestId('add-release').click();
    await page.getByTestId('release-row').filter({ hasText: '2.4.0' }).waitFor();
    await page.getByTestId('feature-code').fill('EXPORT_PDF');
    await page.getByTestId('feature-name').fill('PDF export');
    await page.getByTestId('add-feature').click();
    await page.getByTestId('feature-row').filter({ hasText: 'EXPORT_PDF' }).waitFor();

    // Policies: the account chosen on the products page is kept. A subscription without a
    // duration is refused, and the server's message appears next to the duration field.
    await page.getByTestId('nav-policies').click();
    await page.getByTestId('new-policy').click();
    const policyName = uniqueName('Pro yearly');
    await page.getByTestId('policy-name').fill(policyName);
    await page.getByTestId('policy-model').selectOption('SUBSCRIPTION');
    await page.getByTestId('policy-maxMachines').fill('3');
    await page.getByTestId('create-policy').click();
    await page.getByTestId('field-error-durationIso').filter({ hasText: 'durationIso' }).waitFor();
    await page.getByTestId('policy-durationIso').fill('P1Y');
    await page.getByTestId('policy-entitlements').fill('EXPORT_PDF');
    await page.getByTestId('create-policy').click();
    await page.getByTestId('policy-row').filter({ hasText: policyName }).waitFor();
    const policies = await call(app, 'GET', `/v1/accounts/${accountId}/policies`, {
      token: app.operatorToken,
    });
    const policy = policies.json.data.find((p: { name: string }) => p.name === policyName);
    assert.equal(policy.durationIso, 'P1Y');
    assert.equal(policy.maxMachines, 3);
    assert.deepEqual(policy.entitlements, [{ code: 'EXPORT_PDF' }]);

    // Licenses: issue one and see its key and signed token.
    await page.getByTestId('nav-licenses').click();
    await page.getByTestId('new-license').click();
    await page.getByTestId('issue-organization').selectOption(organizationId);
    await page.getByTestId('issue-policy').selectOption(policy.id);
    await page.getByTestId('issue-name').fill('Globex design team');
    await page.getByTestId('issue-license').click();
    await page.getByTestId('issued-license').waitFor();
    const key = await text(page, 'issued-key');
    const token = await text(page, 'issued-token');
    assert.match(key, LICENSE_KEY);
    assert.match(token, COMPACT_JWS);
    const row = page.getByTestId('license-row').filter({ hasText: 'Globex design team' });
    await row.waitFor();
    assert.equal(await row.getByTestId('license-state').textContent(), 'ACTIVE');
    assert.ok(((await row.textContent()) ?? '').includes(orgName));
    const licenseId = (await row.getAttribute('data-license-id'))!;

    // The key shown is the license's key: a licensed app activates a machine with it.
    const activated = await call(app, 'POST', '/v1/licenses/activate', {
      body: { key, fingerprint: 'a'.repeat(64), hostname: 'design-ws-01', platform: 'linux' },
    });
    assert.equal(activated.status, 201);

    // The search finds it by name; the detail shows machines, key, token and audit events.
    await page.getByTestId('license-search').fill('design team');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="license-row"]').length === 1);
    await page.getByTestId('dismiss-issued').click();
    await row.getByTestId('open-license').click();
    await page.getByTestId('license-summary').waitFor();
    assert.equal(await text(page, 'license-id'), licenseId);
    assert.equal(await text(page, 'detail-state'), 'ACTIVE');
    await page.getByTestId('machine-row').filter({ hasText: 'design-ws-01' }).waitFor();
    assert.match(await text(page, 'license-token'), COMPACT_JWS);
    await page.getByTestId('reveal-key').click();
    await page.getByTestId('license-key').waitFor();
    assert.equal(await text(page, 'license-key'), key);
    await page.getByTestId('license-audit-row').filter({ hasText: 'license.issued' }).waitFor();

    // Suspending asks for a confirmation, then the state badge changes and the event is listed.
    await page.getByTestId('action-reason').fill('Invoice unpaid');
    await page.getByTestId('license-suspend').click();
    assert.equal(await text(page, 'detail-state'), 'ACTIVE');
    await page.getByTestId('license-suspend').click();
    await page.locator('[data-testid="detail-state"][data-state="SUSPENDED"]').waitFor();
    await page.getByTestId('license-audit-row').filter({ hasText: 'license.suspended' }).waitFor();
    await page.getByTestId('license-reinstate').waitFor();
    const stored = await call(app, 'GET', `/v1/accounts/${accountId}/licenses/${licenseId}`, {
      token: app.operatorToken,
    });
    assert.equal(stored.json.status, 'SUSPENDED');

    // Back on the list, the row shows the new state too.
    await page.getByTestId('back-to-licenses').click();
    await page
      .getByTestId('license-row')
      .filter({ hasText: 'Globex design team' })
      .locator('[data-testid="license-state"][data-state="SUSPENDED"]')
      .waitFor();
  });

  test('an organization token sees only its own licenses, without catalog pages or actions', async () => {
    const app = session.app();
    const op = { token: app.operatorToken };
    const { accountId, organizationId } = await newVendor();
    const other = await call(app, 'POST', `/v1/accounts/${accountId}/organizations`, {
      ...op,
      body: { name: uniqueName('Initech') },
    });
    const product = await call(app, 'POST', `/v1/accounts/${accountId}/products`, {
      ...op,
      body: { code: uniqueName('p').toLowerCase().replaceAll('_', '-'), name: 'Acme CAD' },
    });
    assert.equal(product.status, 201);
    const policy = await call(app, 'POST', `/v1/accounts/${accountId}/policies`, {
      ...op,
      body: { productId: product.json.id, name: 'Perpetual', model: 'PERPETUAL' },
    });
    assert.equal(policy.status, 201);
    for (const [org, name] of [
      [organizationId, 'Ours'],
      [other.json.id, 'Theirs'],
    ] as const) {
      const issued = await call(app, 'POST', `/v1/accounts/${accountId}/licenses`, {
        ...op,
        body: { policyId: policy.json.id, organizationId: org, name },
      });
      assert.equal(issued.status, 201);
    }
    const minted = await call(app, 'POST', '/v1/tokens', {
      ...op,
      body: { kind: 'organization', accountId, organizationId, name: 'customer', roles: ['org-read'] },
    });
    assert.equal(minted.status, 201);

    const page = await newPage();
    // Organization tokens land on the customer portal's license overview, not the vendor overview.
    await signIn(page, session.baseUrl(), minted.json.secret);
    await page.getByTestId('page-license-overview').waitFor();
    await page.getByTestId('nav-licenses').waitFor();
    assert.equal(await page.getByTestId('nav-products').count(), 0);
    assert.equal(await page.getByTestId('nav-policies').count(), 0);
    await page.getByTestId('nav-licenses').click();
    await page.getByTestId('license-row').filter({ hasText: 'Ours' }).waitFor();
    assert.equal(await page.getByTestId('license-row').count(), 1);
    assert.equal(await page.getByTestId('new-license').count(), 0);
    await page.getByTestId('open-license').click();
    await page.getByTestId('license-token').waitFor();
    assert.equal(await page.getByTestId('license-actions').count(), 0);
    assert.equal(await page.getByTestId('reveal-key').count(), 0);
    assert.equal(await page.getByTestId('license-audit').count(), 0);
  });
});
