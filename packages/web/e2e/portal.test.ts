// The customer portal and the vendor console in a real browser against the real server in-process:
// an organization token walks the four license-overview tabs (figures from the data seeded below),
// meets a "not included in your plan" banner, files a change request and sees its case number; the
// vendor finds it in the queue, takes it in progress and resolves it; the customer is notified.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  addMember,
  buyUserLicenses,
  createGroup,
  orgPath,
  setPlan,
} from '../../server/test/customer-org-fixtures.ts';
import { call, newTenant, type Tenant, type TestApp } from '../../server/test/harness.ts';
import { seedLicense, seedPolicy, seedProduct } from '../../server/test/licensing-fixtures.ts';
import { privilegedPerson } from '../../server/test/privilege-fixtures.ts';
import { browserSkip, signIn, useConsole } from './browser-harness.ts';

const OVERAGE_MESSAGE = 'contact your account manager for a license adjustment';

async function ok(r: Promise<{ status: number; body: string; json: { id?: string } }>, what: string) {
  const answer = await r;
  if (answer.status < 200 || answer.status > 299) throw new Error(`${what}: ${answer.status} ${answer.body}`);
  return answer.json;
}

/**
 * A PROFESSIONAL customer: production "Main production" with the test copy "Main test"; an "Acme
 * Planner" named-user license (5 seats) installed in production; an SAP connector (2) and one extra
 * database instance; USER 2 and LIGHT 5 purchased, while 3 production editors and 1 test-only tester
 * use USER (4 > 2: overage) and 1 contributor uses LIGHT.
 */
async function seedCustomer(app: TestApp, x: Tenant) {
  const admin = { token: x.tokens.admin };
  await setPlan(app, x, 'PROFESSIONAL');
  const env = (name: string, kind: string, productionEnvironmentId?: string) =>
    ok(
      call(app, 'POST', `${orgPath(x)}/environments`, {
        ...admin,
        body: { name, kind, ...(productionEnvironmentId ? { productionEnvironmentId } : {}) },
      }),
      'environment',
    ).then((e) => e.id as string);
  const prod = await env('Main production', 'PRODUCTION');
  const copy = await env('Main test', 'TEST', prod);
  const product = await seedProduct(app, x.accountId, { name: 'Acme Planner' });
  const policy = await seedPolicy(app, x.accountId, product.id, {
    name: 'Planner yearly',
    model: 'SUBSCRIPTION',
    durationIso: 'P1Y',
    maxUsers: 5,
  });
  const license = await seedLicense(app, {
    accountId: x.accountId,
    organizationId: x.organizationId,
    productId: product.id,
    policyId: policy.id,
  });
  await ok(
    call(app, 'PUT', `${orgPath(x)}/licenses/${license.id}/environment`, {
      ...admin,
      body: { environmentId: prod },
    }),
    'install',
  );
  for (const body of [
    { kind: 'INTEGRATION', code: 'sap-connector', name: 'SAP connector', quantity: 2 },
    { kind: 'DATABASE_INSTANCE', code: 'history-2019', name: 'History 2019', quantity: 1 },
  ]) {
    await ok(call(app, 'POST', `${orgPath(x)}/entitlements`, { ...admin, body }), 'entitlement');
  }
  await buyUserLicenses(app, x, 'USER', 2);
  await buyUserLicenses(app, x, 'LIGHT', 5);
  const editors = await createGroup(app, x, prod, 'USER');
  const contributors = await createGroup(app, x, prod, 'LIGHT');
  const testers = await createGroup(app, x, copy, 'USER');
  const person = async (username: string, name: string) =>
    ok(
      call(app, 'POST', `${orgPath(x)}/people`, {
        ...admin,
        body: { username, email: `${username}@globex.example`, name },
      }),
      'person',
    ).then((p) => p.id as string);
  for (const [username, name] of [
    ['ann.lee', 'Ann Lee'],
    ['bo.chan', 'Bo Chan'],
    ['carla.diaz', 'Carla Diaz'],
  ]) {
    await addMember(app, x, editors, await person(username!, name!));
  }
  await addMember(app, x, testers, await person('ivan.petrov', 'Ivan Petrov'));
  await addMember(app, x, contributors, await person('fatima.khan', 'Fatima Khan'));
  return { licenseId: license.id };
}

async function textOf(page: Page, selector: string): Promise<string> {
  return ((await page.locator(selector).first().textContent()) ?? '').trim();
}

const skip = browserSkip();

describe('customer portal and vendor console in a real browser', { skip }, () => {
  const session = useConsole();

  test('walks the overview tabs, files a change request the vendor resolves, and shows plan limits', async () => {
    const app = session.app();
    const x = await newTenant(app);
    const { licenseId } = await seedCustomer(app, x);

    // The organization token gets the customer's navigation, starting on the license overview.
    const customer = await session.newPage();
    await signIn(customer, session.baseUrl(), x.tokens.orgAdmin);
    await customer.getByTestId('page-license-overview').waitFor();
    assert.equal(await customer.getByTestId('nav-organizations').count(), 0);
    assert.equal(await customer.getByTestId('nav-overview').count(), 0);
    for (const id of ['environments', 'people', 'seats', 'change-requests', 'notifications', 'privileges']) {
      assert.equal(await customer.getByTestId(`nav-${id}`).count(), 1, id);
    }

    // Products: the license is listed under its production environment; the test copy borrows it.
    const production = customer.getByTestId('production-environment').filter({ hasText: 'Main production' });
    await production.locator('[data-testid="overview-license"][data-product="Acme Planner"]').waitFor();
    assert.match((await production.textContent()) ?? '', /Main test \(Test\)/);
    assert.equal(
      await textOf(
        customer,
        '[data-testid="licensed-environment"][data-environment="Main test"] [data-testid="licensed-product-names"]',
      ),
      'Acme Planner',
    );

    // Integrations: quantities and the database instances in use.
    await customer.getByTestId('tab-integrations').click();
    assert.equal(
      await textOf(
        customer,
        '[data-testid="integrations-table"] [data-code="sap-connector"] [data-testid="term-quantity"]',
      ),
      '2',
    );
    assert.match(await textOf(customer, '[data-testid="database-instance-use"]'), /of 1 purchased/);

    // Users: purchased against used per type, counted across environments, with the overage banner.
    await customer.getByTestId('tab-users').click();
    const userRow = customer.locator('[data-testid="user-type-row"][data-type="USER"]');
    assert.equal(await userRow.getAttribute('data-overage'), 'true');
    assert.equal((await userRow.getByTestId('purchased').textContent())?.trim(), '2');
    assert.equal((await userRow.getByTestId('used').textContent())?.trim(), '4');
    const lightRow = customer.locator('[data-testid="user-type-row"][data-type="LIGHT"]');
    assert.equal((await lightRow.getByTestId('used').textContent())?.trim(), '1');
    assert.match(await textOf(customer, '[data-testid="overage-banner"]'), new RegExp(OVERAGE_MESSAGE));
    assert.match(await textOf(customer, '[data-testid="non-production-only"]'), /^1 person exists only/);

    // License level: the three plans side by side, PROFESSIONAL marked current.
    await customer.getByTestId('tab-license-level').click();
    assert.equal(await customer.getByTestId('plan-column').count(), 3);
    assert.equal(
      await customer.locator('[data-testid="plan-column"][data-current="true"]').getAttribute('data-plan'),
      'PROFESSIONAL',
    );

    // A storage environment needs ENTERPRISE: the refusal reads "not included in your plan".
    await customer.getByTestId('nav-environments').click();
    await customer.getByTestId('new-environment').click();
    await customer.getByTestId('environment-name').fill('Archive 2019');
    await customer.getByTestId('environment-kind').selectOption('STORAGE');
    await customer.getByTestId('create-environment').click();
    const refusal = customer.locator(
      '[data-testid="create-environment-error"][data-code="NOT_INCLUDED_IN_PLAN"]',
    );
    await refusal.waitFor();
    assert.match((await refusal.textContent()) ?? '', /not included in your plan/i);
    assert.match(await textOf(customer, '[data-testid="included-in"]'), /Enterprise/);

    // File a change request for more seats; its page shows the case number.
    await customer.getByTestId('nav-change-requests').click();
    await customer.getByTestId('new-change-request').click();
    await customer.getByTestId('cr-kind').selectOption('ADD_SEATS');
    await customer.getByTestId('cr-licenseId').selectOption(licenseId);
    await customer.getByTestId('cr-quantity').fill('3');
    await customer.getByTestId('cr-description').fill('Three new planners start in May.');
    await customer.getByTestId('file-change-request').click();
    await customer.getByTestId('change-request-detail').waitFor();
    const caseNumber = await textOf(customer, '[data-testid="case-number"]');
    assert.equal(caseNumber, 'CASE-000001');
    assert.equal(await customer.getByTestId('change-request-status').getAttribute('data-status'), 'OPEN');

    // The vendor sees it in the queue, takes it in progress, and resolves it with a comment.
    const vendor = await session.newPage();
    await signIn(vendor, session.baseUrl(), x.tokens.admin);
    await vendor.getByTestId('nav-request-queue').click();
    await vendor
      .locator(`[data-testid="queue-row"][data-case="${caseNumber}"] [data-testid="open-queued-request"]`)
      .click();
    await vendor.locator(`[data-testid="change-request-detail"][data-case="${caseNumber}"]`).waitFor();
    await vendor.getByTestId('step-IN_PROGRESS').click();
    await vendor.locator('[data-testid="change-request-status"][data-status="IN_PROGRESS"]').waitFor();
    await vendor.getByTestId('step-comment').fill('Three seats added to Acme Planner.');
    await vendor.getByTestId('step-RESOLVED').click();
    await vendor.locator('[data-testid="change-request-status"][data-status="RESOLVED"]').waitFor();
    await vendor.getByTestId('comment').filter({ hasText: 'Three seats added' }).waitFor();

    // The customer's request page shows the resolution and the vendor's comment; the inbox badge counts it.
    await customer.reload();
    await customer.locator('[data-testid="change-request-status"][data-status="RESOLVED"]').waitFor();
    await customer.locator('[data-testid="comment"][data-side="VENDOR"]').waitFor();
    await customer.getByTestId('unread-badge').waitFor();
    const unread = await call(app, 'GET', `${orgPath(x)}/notifications?unread=true`, {
      token: x.tokens.orgAdmin,
    });
    assert.ok(unread.json.unread >= 2, unread.body);
    assert.equal(
      await customer.getByTestId('unread-badge').getAttribute('data-count'),
      String(unread.json.unread),
    );
  });

  test('imports people from a CSV: the dry run names the bad line, the corrected file applies', async () => {
    const app = session.app();
    const x = await newTenant(app);
    await ok(
      call(app, 'POST', `${orgPath(x)}/environments`, {
        token: x.tokens.admin,
        body: { name: 'Production', kind: 'PRODUCTION' },
      }),
      'environment',
    );
    const csv = (email: string) =>
      [
        'username,email,name,environments',
        'ann.lee,ann.lee@globex.example,Ann Lee,Production',
        `bo.chan,${email},Bo Chan,Production`,
        'cy.old,cy.old@globex.example,"Old, Cy",',
      ].join('\n');
    const page = await session.newPage();
    await signIn(page, session.baseUrl(), x.tokens.orgAdmin);
    await page.getByTestId('nav-import').click();
    const upload = (text: string) =>
      page
        .getByTestId('import-file')
        .setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });

    await upload(csv('bo@'));
    await page.getByTestId('import-dry-run').click();
    await page.locator('[data-testid="import-error"][data-line="3"]').waitFor();
    assert.equal(await page.getByTestId('import-apply').isDisabled(), true);

    await upload(csv('bo.chan@globex.example'));
    await page.getByTestId('import-dry-run').click();
    await page
      .locator('[data-testid="import-report"][data-dry-run="true"] [data-testid="import-create"]', {
        hasText: '3',
      })
      .waitFor();
    await page.getByTestId('import-apply').click();
    await page.getByTestId('import-applied').waitFor();
    const people = await call(app, 'GET', `${orgPath(x)}/people?limit=10`, { token: x.tokens.admin });
    assert.deepEqual(people.json.data.map((p: { username: string }) => p.username).sort(), [
      'ann.lee',
      'bo.chan',
      'cy.old',
    ]);
  });

  test('a person without LICENSING is refused with the supervisors to ask, and sees their own licenses', async () => {
    const app = session.app();
    const x = await newTenant(app);
    await privilegedPerson(app, x, 'Sue Pervisor', ['SUPERVISOR']);
    const reporter = await privilegedPerson(app, x, 'Rita Porter', ['REPORTING']);
    const page = await session.newPage();
    await signIn(page, session.baseUrl(), reporter.token);
    await page.getByTestId('nav-my-licenses').click();
    await page.getByTestId('my-licenses').waitFor();
    assert.match((await page.getByTestId('page-my-licenses').textContent()) ?? '', /Rita Porter/);

    await page.getByTestId('nav-import').click();
    await page.getByTestId('import-file').setInputFiles({
      name: 'people.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('username,email,name\nzed,zed@globex.example,Zed\n'),
    });
    await page.getByTestId('import-dry-run').click();
    const refusal = page.locator('[data-testid="import-error-banner"][data-code="PRIVILEGE_REQUIRED"]');
    await refusal.waitFor();
    assert.match((await page.getByTestId('problem-supervisors').textContent()) ?? '', /Sue Pervisor/);
  });
});
