// Who may see GET /v1/accounts/{accountId}/floating/analytics and over which window: an organization
// token sees its own organization's licenses and pools only (another's license answers like a missing
// one), windows that end before they start or span over 1000 buckets are refused, none reaches past now.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { forEachEngine } from '../../db/test/test-databases.ts';
import { floatingLicense, HOUR } from './floating-analytics-fixtures.ts';
import {
  getAnalytics,
  isoWindow,
  licenseWithHistory,
  otherOrganization,
} from './floating-analytics-helpers.ts';
import { newTenant, useTestApp } from './harness.ts';
import { assertProblem } from './security-suite.ts';

forEachEngine('floating analytics', (engine) => {
  const getApp = useTestApp(engine);

  describe('who may see it', () => {
    it('shows an organization token the analytics of its own license', async () => {
      const { t, tenant, lic } = await licenseWithHistory(getApp());
      const res = await getAnalytics(
        t,
        tenant.accountId,
        { licenseId: lic.licenseId },
        tenant.tokens.orgRead,
      );
      assert.equal(res.status, 200, res.body);
    });

    it("answers an organization token asking for another organization's license like a missing one", async () => {
      const t = getApp();
      const tenant = await newTenant(t);
      const orgId = await otherOrganization(t, tenant);
      const theirs = await floatingLicense(t, tenant, { cad: { seats: 1 } }, orgId);
      const res = await getAnalytics(
        t,
        tenant.accountId,
        { licenseId: theirs.licenseId },
        tenant.tokens.orgRead,
      );
      assertProblem(res, 404, 'NOT_FOUND');
      assert.equal(res.json.detail, `No license ${theirs.licenseId}`);
    });

    it("limits an organization token without licenseId to its own organization's pools", async () => {
      const t = getApp();
      const tenant = await newTenant(t);
      const orgId = await otherOrganization(t, tenant);
      const ours = await floatingLicense(t, tenant, { cad: { seats: 1 } });
      await floatingLicense(t, tenant, { cad: { seats: 9 } }, orgId);
      const mine = await getAnalytics(t, tenant.accountId, {}, tenant.tokens.orgRead);
      assert.deepEqual(
        mine.json.current.map((p: { licenseId: string }) => p.licenseId),
        [ours.licenseId],
      );
      const vendor = await getAnalytics(t, tenant.accountId, {}, tenant.tokens.readOnly);
      assert.equal(vendor.json.current.length, 2);
    });
  });

  describe('the window', () => {
    it('refuses a window that ends before it starts', async () => {
      const t = getApp();
      const tenant = await newTenant(t);
      const now = Date.now();
      const res = await getAnalytics(
        t,
        tenant.accountId,
        isoWindow(now - HOUR, now - 2 * HOUR),
        tenant.tokens.admin,
      );
      assertProblem(res, 400, 'INVALID_FIELD');
    });

    it('refuses more than 1000 buckets, and never reaches past now', async () => {
      const t = getApp();
      const tenant = await newTenant(t);
      const now = Date.now();
      const long = await getAnalytics(
        t,
        tenant.accountId,
        { from: new Date(now - 1001 * HOUR).toISOString() },
        tenant.tokens.admin,
      );
      assertProblem(long, 400, 'INVALID_FIELD');
      const future = await getAnalytics(
        t,
        tenant.accountId,
        { to: new Date(now + 48 * HOUR).toISOString(), bucket: 'day' },
        tenant.tokens.admin,
      );
      assert.equal(future.status, 200, future.body);
      assert.ok(Date.parse(future.json.window.to) <= Date.now());
      assert.equal(Date.parse(future.json.window.to) - Date.parse(future.json.window.from), 30 * 24 * HOUR);
    });
  });
});
