// The web console in a real browser (Debian's chromium through playwright-core) against the real
// server in-process: sign in with the operator token, live overview counts, mint a token whose
// secret is shown once, sign out; and a clear error for a token the server refuses.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { uniqueName } from '../../db/test/test-databases.ts';
import { call } from '../../server/test/harness.ts';
import { browserSkip, signIn, useConsole } from './browser-harness.ts';

/** Wait until the element with this test id shows exactly `text` (counts change as data arrives). */
async function waitForText(page: Page, testId: string, text: string): Promise<void> {
  await page.waitForFunction(
    ([id, expected]) => document.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() === expected,
    [testId, text] as const,
  );
}

const skip = browserSkip();

describe('web console in a real browser', { skip }, () => {
  const session = useConsole();
  const newPage = session.newPage;

  test('signs in with the operator token, shows live counts, mints a token shown once, signs out', async () => {
    const app = session.app();
    const op = { token: app.operatorToken };
    const account = await call(app, 'POST', '/v1/accounts', { ...op, body: { name: uniqueName('vendor') } });
    assert.equal(account.status, 201);
    const accountId = account.json.id as string;
    const org = await call(app, 'POST', `/v1/accounts/${accountId}/organizations`, {
      ...op,
      body: { name: uniqueName('customer') },
    });
    assert.equal(org.status, 201);
    const counts = (await call(app, 'GET', '/v1/overview', op)).json;
    assert.ok(counts.accounts >= 1 && counts.organizations >= 1 && counts.auditEvents >= 2);

    const page = await newPage();
    await signIn(page, session.baseUrl(), app.operatorToken);
    await page.getByTestId('page-overview').waitFor();
    assert.equal(await page.getByTestId('whoami-kind').textContent(), 'operator');
    for (const key of ['accounts', 'organizations', 'activeTokens', 'auditEvents'] as const) {
      await waitForText(page, `count-${key}`, String(counts[key]));
    }

    // The overview polls: a change made elsewhere shows up without a reload.
    await call(app, 'POST', `/v1/accounts/${accountId}/organizations`, {
      ...op,
      body: { name: uniqueName('c') },
    });
    await waitForText(page, 'count-organizations', String(counts.organizations + 1));

    await page.getByTestId('nav-tokens').click();
    await page.getByTestId('page-tokens').waitFor();
    await page.getByTestId('new-token').click();
    const form = page.getByTestId('create-token-form');
    const tokenName = uniqueName('ci-pipeline');
    await form.getByTestId('new-token-name').fill(tokenName);
    await form.getByTestId('new-token-kind').selectOption('account');
    await form.getByTestId('account-picker').selectOption(accountId);
    await form.getByTestId('role-developer').check();
    await form.getByTestId('create-token').click();

    const secret = (await page.getByTestId('token-secret').textContent())?.trim() ?? '';
    assert.match(secret, /^lt_/);
    const minted = await call(app, 'GET', '/v1/me', { token: secret });
    assert.equal(minted.status, 200);
    assert.equal(minted.json.accountId, accountId);
    assert.deepEqual([...minted.json.roles].sort(), ['admin', 'developer']);
    await page.getByTestId('token-row').filter({ hasText: tokenName }).waitFor();

    // Once dismissed, the secret is gone from the page for good.
    await page.getByTestId('dismiss-secret').click();
    await page.getByTestId('secret-reveal').waitFor({ state: 'detached' });
    assert.ok(!(await page.content()).includes(secret));

    await page.getByTestId('sign-out').click();
    await page.getByTestId('sign-in-form').waitFor();
    assert.equal(await page.evaluate(() => sessionStorage.length), 0);
    await page.reload();
    await page.getByTestId('sign-in-form').waitFor();
  });

  test('a token the server refuses shows a clear error and stays on the sign-in page', async () => {
    const page = await newPage();
    await signIn(page, session.baseUrl(), `lt_op_${'A'.repeat(43)}`);
    const error = page.getByTestId('sign-in-error');
    await error.waitFor();
    const text = (await error.textContent()) ?? '';
    assert.match(text, /did not accept this token/);
    assert.match(text, /UNAUTHENTICATED/);
    assert.equal(await page.getByTestId('page-overview').count(), 0);

    // Something that is not a token at all is caught before it reaches the server.
    await page.getByTestId('token-input').fill('not a token');
    await page.getByTestId('sign-in').click();
    await page.getByTestId('sign-in-error').filter({ hasText: 'starts with "lt_"' }).waitFor();
  });
});
