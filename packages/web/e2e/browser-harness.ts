// Shared set-up of the browser tests: Debian's chromium through playwright-core against the real
// server in-process (built console, fresh PGlite), one fresh browser profile per page, and the
// rule that a missing browser skips locally but fails where CI demands it.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { ensureWebBuilt, WEB_DIST } from '../../../scripts/web-build.mjs';
import { startTestApp, type TestApp } from '../../server/test/harness.ts';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const browserRequired = Boolean(process.env.CI || process.env.LICENTIA_REQUIRE_BROWSER);
const browserMissing = !existsSync(CHROMIUM);

/** The `skip` option for browser suites; when CI requires the browser, a failing test says why. */
export function browserSkip(): string | false {
  if (browserMissing && browserRequired) {
    test('chromium is installed for the browser tests', () => {
      assert.fail(`${CHROMIUM} not found; CI/LICENTIA_REQUIRE_BROWSER demands it (apt-get install chromium)`);
    });
  }
  return browserMissing ? 'chromium not installed (apt-get install chromium)' : false;
}

export interface ConsoleSession {
  app: () => TestApp;
  baseUrl: () => string;
  /** A page in a fresh browser profile: no sessionStorage carried between tests. */
  newPage: () => Promise<Page>;
}

/** Register before/after hooks in the current suite: server with the built console, and a browser. */
export function useConsole(): ConsoleSession {
  let t: TestApp | undefined;
  let browser: Browser | undefined;
  let baseUrl = '';
  const contexts: BrowserContext[] = [];
  before(async () => {
    await ensureWebBuilt({ quiet: true });
    t = await startTestApp('pglite', { webRoot: WEB_DIST });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  after(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await t?.app.close();
    await t?.database.close();
  });
  return {
    app: () => t!,
    baseUrl: () => baseUrl,
    async newPage() {
      const context = await browser!.newContext();
      contexts.push(context);
      return context.newPage();
    },
  };
}

/** Open the console and submit a token on the sign-in page. */
export async function signIn(page: Page, baseUrl: string, token: string): Promise<void> {
  await page.goto(baseUrl);
  await page.getByTestId('token-input').fill(token);
  await page.getByTestId('sign-in').click();
}
