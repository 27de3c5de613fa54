// The floating page of the web console in a real browser against the real server in-process: a
// licensed app checks a seat out over HTTP, the vendor sees the pool and the lease live, removes the
// lease (two clicks), sees the seat free again and the peak-concurrency chart showing the check-out.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkout, floatingLicense, licensePath } from '../../server/test/floating-helpers.ts';
import { call, newTenant } from '../../server/test/harness.ts';
import { browserSkip, signIn, useConsole } from './browser-harness.ts';

const skip = browserSkip();

describe('floating page of the web console in a real browser', { skip }, () => {
  const session = useConsole();

  test('shows a checked-out lease live, removes it, and charts the peak', async () => {
    const app = session.app();
    const tenant = await newTenant(app);
    const f = await floatingLicense(app, tenant, 2);
    const out = await checkout(app, f, {
      feature: 'CAD',
      user: 'alice',
      host: 'ws-alice',
      department: 'eng',
    });
    assert.equal(out.json.granted, true, out.body);
    const leaseId = out.json.lease.id as string;

    const page = await session.newPage();
    await signIn(page, session.baseUrl(), tenant.tokens.admin);
    await page.getByTestId('nav-floating').click();
    // The only floating license of the account opens by itself.
    await page.locator(`[data-testid="floating-license"][data-license-id="${f.licenseId}"]`).waitFor();
    const pool = page.locator('[data-testid="floating-pool-row"][data-feature="CAD"]');
    await pool.locator('[data-testid="pool-in-use"]', { hasText: '1' }).waitFor();
    assert.equal(await pool.getByTestId('pool-seats').textContent(), '2');

    // A second check-out appears without reloading: the pools and leases refresh live.
    await checkout(app, f, { feature: 'CAD', user: 'bob', host: 'ws-bob' });
    await page.getByTestId('floating-lease-row').filter({ hasText: 'bob' }).waitFor();
    await pool.locator('[data-testid="pool-in-use"]', { hasText: '2' }).waitFor();

    // Remove asks for a second click, then the lease is gone and its seat is free.
    const row = page.locator(`[data-testid="floating-lease-row"][data-lease-id="${leaseId}"]`);
    await row.getByTestId('remove-lease').click();
    assert.equal(await row.count(), 1);
    await row.getByTestId('remove-lease').click();
    await row.waitFor({ state: 'detached' });
    await pool.locator('[data-testid="pool-in-use"]', { hasText: '1' }).waitFor();
    const leases = await call(app, 'GET', `${licensePath(f)}/leases`, { token: tenant.tokens.admin });
    assert.deepEqual(
      leases.json.data.map((l: { user: string }) => l.user),
      ['bob'],
    );

    // The peak of this hour is the two seats held together, drawn against the 2-seat line.
    const chart = page.getByTestId('peak-chart');
    await chart.locator('[data-testid="chart-bar"][data-value="2"]').waitFor();
    assert.match((await chart.locator('svg title').first().textContent()) ?? '', /Peak concurrency of CAD/);
    await page
      .getByTestId('utilization-chart')
      .locator('[data-testid="chart-series"][data-series="CAD"]')
      .waitFor();
  });
});
