// The usage page in a real browser against the real server in-process: the vendor sees an
// organization over its user limit in GRACE (banner with reason and remedy, counted users charted
// against the limit, denials, a failing license server, an agent); once the count passes 125% the
// customer's own token sees RESTRICTED and its reports refused with the remedy.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { evaluate, orgPath, seedUsers } from '../../server/test/compliance-fixtures.ts';
import { call, newTenant } from '../../server/test/harness.ts';
import { licenseFixture } from '../../server/test/validation-helpers.ts';
import { browserSkip, signIn, useConsole } from './browser-harness.ts';

const skip = browserSkip();

describe('usage page of the web console in a real browser', { skip }, () => {
  const session = useConsole();

  test('shows the mode with its remedy, the counted users against the limit, servers and agents', async () => {
    const app = session.app();
    const tenant = await newTenant(app);
    const f = await licenseFixture(app, tenant, { model: 'PERPETUAL', maxUsers: 10 });
    const now = new Date();
    await seedUsers(app, tenant, 11, now);
    await seedUsers(app, tenant, 1, now, { kind: 'DENIED', feature: 'cad', prefix: 'denied' });
    const server = await call(app, 'POST', `${orgPath(tenant)}/license-servers`, {
      token: tenant.tokens.orgAdmin,
      body: { name: 'flex-main' },
    });
    await call(app, 'POST', `${orgPath(tenant)}/license-servers/${server.json.id}/status-reports`, {
      token: tenant.tokens.orgAdmin,
      body: { reachable: false, error: 'lmstat: cannot connect' },
    });
    await call(app, 'POST', `${orgPath(tenant)}/agents`, {
      token: tenant.tokens.orgAdmin,
      body: { host: 'ws-cad-7' },
    });
    await evaluate(app, tenant);

    const page = await session.newPage();
    await signIn(page, session.baseUrl(), tenant.tokens.admin);
    await page.getByTestId('nav-usage').click();
    await page.getByTestId('usage-org-picker').selectOption(tenant.organizationId);
    const banner = page.locator('[data-testid="mode-banner"][data-mode="GRACE"]');
    await banner.waitFor();
    assert.match((await banner.textContent()) ?? '', /Grace period.*12 users counted of 10 allowed/);
    assert.match(
      (await page.getByTestId('mode-remedy').textContent()) ?? '',
      /Load a license with a higher user limit\.Wait for the user count to drop\./,
    );
    const chart = page.locator('[data-testid="user-count-chart"][data-limit="10"]');
    await chart.waitFor();
    assert.match((await chart.locator('svg title').first().textContent()) ?? '', /against the limit of 10/);
    await page.locator('[data-testid="license-mode-row"][data-mode="GRACE"]').waitFor();
    await page.getByTestId('usage-denials-by-user').getByText('denied-0').waitFor();
    await page
      .locator('[data-testid="license-server-row"][data-status="ERROR"]')
      .getByText('lmstat: cannot connect')
      .waitFor();
    assert.equal(await page.getByTestId('agent-harvest').first().textContent(), 'Off');
    assert.ok(f.licenseId);

    // Above 125% of the limit the organization is RESTRICTED: its own token still sees the banner and
    // the way out, but its reports are refused with the remedy.
    await seedUsers(app, tenant, 5, new Date(), { prefix: 'more' });
    await evaluate(app, tenant);
    const customer = await session.newPage();
    await signIn(customer, session.baseUrl(), tenant.tokens.orgRead);
    await customer.getByTestId('nav-usage').click();
    await customer.locator('[data-testid="mode-banner"][data-mode="RESTRICTED"]').waitFor();
    const refused = customer.getByTestId('usage-counts-error');
    await refused.waitFor();
    assert.match(
      (await refused.textContent()) ?? '',
      /RESTRICTED_MODE.*Load a license with a higher user limit/,
    );
  });
});
