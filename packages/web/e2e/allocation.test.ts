// The allocation page in a real browser against the real server in-process: the vendor picks an
// organization and sees what its people consume after the ranking rules (per product, the release of
// a lower-ranked base in favour of the higher one, a refused login for an add-on without its base),
// recomputes (the log gains a FULL run) and exports the report as CSV (a Professional plan feature,
// refused on Standard); the customer's reporting token
// sees its own organization's report without a picker and is refused the recompute, naming whom to ask.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { assign, importLine, person } from '../../server/test/allocation-fixtures.ts';
import {
  addMember,
  createEnvironment,
  createGroup,
  setPlan,
} from '../../server/test/customer-org-fixtures.ts';
import { newTenant } from '../../server/test/harness.ts';
import { browserSkip, signIn, useConsole } from './browser-harness.ts';

const skip = browserSkip();

describe('allocation page of the web console in a real browser', { skip }, () => {
  const session = useConsole();

  test('shows consumption, releases and refused logins; recomputes and exports; the customer only reads', async () => {
    const app = session.app();
    const x = await newTenant(app);
    await importLine(app, x);
    const production = await createEnvironment(app, x, 'PRODUCTION');
    const users = await createGroup(app, x, production, 'USER');
    const [ann, dee] = [await person(app, x, 'Ann'), await person(app, x, 'Dee')];
    // Ann holds both bases: VIEWER is released in favour of the higher-ranked AUTHOR. Dee holds an
    // add-on without its base: no effective license, so her login is refused.
    await assign(app, x, 'AUTHOR', { personId: ann });
    await assign(app, x, 'VIEWER', { personId: ann });
    await assign(app, x, 'SIM', { personId: dee });
    await addMember(app, x, users, ann);

    const page = await session.newPage();
    await signIn(page, session.baseUrl(), x.tokens.admin);
    await page.getByTestId('nav-allocation').click();
    await page.getByTestId('allocation-org-picker').selectOption(x.organizationId);
    await page.getByTestId('allocation-report').waitFor();
    const consumed = async (code: string) =>
      (
        await page.locator(`[data-testid="consumption-product"][data-code="${code}"] td`).nth(4).innerText()
      ).trim();
    assert.equal(await consumed('AUTHOR'), '1');
    assert.equal(await consumed('VIEWER'), '0');
    const releases = (await page.getByTestId('consumption-release').allInnerTexts()).sort();
    assert.equal(releases.length, 2);
    assert.match(releases[0]!, /^SIM\s+—\s+ADD_ON_WITHOUT_BASE\s+1\s/);
    assert.match(releases[1]!, /^VIEWER\s+AUTHOR\s+OVERLAPPING_BASE\s+1\s/);
    assert.match(
      await page.getByTestId('allocation-login-refused').innerText(),
      /^1 person holds assignments but no effective license/,
    );

    await page.getByTestId('allocation-recompute').click();
    await page
      .getByTestId('allocation-recomputes')
      .getByRole('cell', { name: 'FULL', exact: true })
      .waitFor();

    // CSV export is a plan feature: refused on Standard with the plan named, allowed on Professional.
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const notInPlan = page.getByTestId('allocation-action-error');
    await notInPlan.waitFor();
    assert.match(await notInPlan.innerText(), /NOT_INCLUDED_IN_PLAN|not included in your plan/i);
    await setPlan(app, x, 'PROFESSIONAL');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'license-consumption.csv');
    const csv = await readFile((await download.path())!, 'utf8');
    assert.match(csv, /AUTHOR/);
    assert.match(csv, /VIEWER/);

    // The customer's reporting token: its own organization, no picker, and no recompute.
    const customer = await session.newPage();
    await signIn(customer, session.baseUrl(), x.tokens.orgRead);
    await customer.getByTestId('nav-allocation').click();
    await customer.getByTestId('allocation-report').waitFor();
    assert.equal(await customer.getByTestId('allocation-org-picker').count(), 0);
    assert.equal(
      (
        await customer
          .locator('[data-testid="consumption-product"][data-code="AUTHOR"] td')
          .nth(4)
          .innerText()
      ).trim(),
      '1',
    );
    await customer.getByTestId('allocation-recompute').click();
    const refused = customer.getByTestId('allocation-action-error');
    await refused.waitFor();
    assert.match(await refused.innerText(), /PRIVILEGE_REQUIRED|privilege/i);
  });
});
