// Compliance meets the usage store on both engines: a RESTRICTED organization is refused usage
// reports and imports (vendors are not), and a license server that takes no new data — disabled, or
// updated to a version released after the maintenance end — has its import read but not stored.
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { it } from 'node:test';
import { forEachEngine } from '../../db/test/test-databases.ts';
import {
  DAY_MS,
  evaluate,
  licenseOf,
  limited,
  orgPath,
  seedUsers,
  T0,
  withClock,
} from './compliance-fixtures.ts';
import { call, newTenant, type Tenant, type TestApp, useTestApp } from './harness.ts';
import { assertProblem } from './security-suite.ts';
import { chunks, importBytes, newServer } from './usage-helpers.ts';
import { licenseFixture } from './validation-helpers.ts';

const CSV = (at: Date) =>
  `time,kind,feature,user,host,count,server,version\n${at.toISOString()},OUT,CAD,dora,ws-1,1,,\n`;

function upload(t: TestApp, tenant: Tenant, server: string, body: string, token: string) {
  return t.app
    .inject({
      method: 'POST',
      url: `${orgPath(tenant)}/usage/imports?format=csv&server=${server}`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      payload: Readable.from(chunks(new TextEncoder().encode(body), 64)),
    })
    .then((res) => ({ status: res.statusCode, body: res.body, json: res.json() }));
}

forEachEngine('usage and compliance', (engine) => {
  const getApp = useTestApp(engine);

  it('RESTRICTED: organization tokens are refused user-count, denials, events (REPORTING) and imports (USAGE_IMPORT) with the remedy; vendor tokens pass', async () => {
    const t = getApp();
    const f = await limited(t, 10);
    await withClock(t, T0, async () => {
      await seedUsers(t, f.tenant, 13, T0);
      const restricted = licenseOf(await evaluate(t, f.tenant), f.licenseId);
      assert.equal(restricted.mode, 'RESTRICTED');
      const base = `${orgPath(f.tenant)}/usage`;
      for (const route of ['user-count', 'denials', 'events']) {
        const refused = await call(t, 'GET', `${base}/${route}`, { token: f.tenant.tokens.orgRead });
        assertProblem(refused, 403, 'RESTRICTED_MODE');
        assert.equal(refused.json.capability, 'REPORTING', route);
        assert.equal(refused.json.mode, 'RESTRICTED');
        assert.match(refused.json.detail, /Load a license with a higher user limit\./);
        const vendor = await call(t, 'GET', `${base}/${route}`, { token: f.tenant.tokens.admin });
        assert.equal(vendor.status, 200, `${route}: ${vendor.body}`);
      }
      const importRefused = await upload(t, f.tenant, 'lic1', CSV(T0), f.tenant.tokens.orgAdmin);
      assert.equal(importRefused.status, 403, importRefused.body);
      assert.equal(importRefused.json.code, 'RESTRICTED_MODE');
      assert.equal(importRefused.json.capability, 'USAGE_IMPORT');
      const servers = await call(t, 'GET', `${orgPath(f.tenant)}/license-servers`, {
        token: f.tenant.tokens.admin,
      });
      assert.equal(servers.json.data.length, 0, 'a refused import creates no license server');
      const vendorImport = await upload(t, f.tenant, 'lic1', CSV(T0), f.tenant.tokens.admin);
      assert.equal(vendorImport.status, 200, vendorImport.body);
      assert.equal(vendorImport.json.new, 1);
    });
  });

  it('a server updated to a version released after the maintenance end has its data read, reported as refused and not stored; reverted, it is stored', async () => {
    const t = getApp();
    const tenant = await newTenant(t);
    await licenseFixture(
      t,
      tenant,
      { model: 'PERPETUAL', maxUsers: 5, maintenanceDurationIso: 'P1Y' },
      { issuedAt: new Date(Date.now() - 400 * DAY_MS) },
    );
    const created = await call(t, 'POST', `${orgPath(tenant)}/license-servers`, {
      token: tenant.tokens.orgAdmin,
      body: { name: 'flex-1', hosts: ['27000@flex-1'] },
    });
    assert.equal(created.status, 201, created.body);
    const report = (releasedDaysAgo: number, version: string) =>
      call(t, 'POST', `${orgPath(tenant)}/license-servers/${created.json.id}/status-reports`, {
        token: tenant.tokens.orgAdmin,
        body: {
          reachable: true,
          version,
          versionReleasedAt: new Date(Date.now() - releasedDaysAgo * DAY_MS).toISOString(),
        },
      });
    assert.equal((await report(5, '11.19.5')).json.status, 'OFFLINE');

    const at = new Date(Date.now() - 3_600_000);
    const refused = await upload(t, tenant, 'flex-1', CSV(at), tenant.tokens.admin);
    assert.equal(refused.status, 200, refused.body);
    assert.equal(refused.json.events.OUT, 1, 'the file is still read and reported');
    assert.equal(refused.json.new, 0);
    assert.equal(refused.json.refused.reason, 'UPDATED_AFTER_MAINTENANCE');
    assert.match(refused.json.refused.detail, /11\.19\.5/);
    const events = await call(t, 'GET', `${orgPath(tenant)}/usage/events`, { token: tenant.tokens.admin });
    assert.equal(events.json.data.length, 0);

    assert.equal((await report(300, '11.18.0')).json.status, 'ONLINE');
    const stored = await upload(t, tenant, 'flex-1', CSV(at), tenant.tokens.admin);
    assert.equal(stored.status, 200, stored.body);
    assert.equal(stored.json.new, 1);
    assert.equal(stored.json.refused, undefined);
  });

  it('the import service stores nothing from a disabled server and says so', async () => {
    const t = getApp();
    const tenant = await newTenant(t);
    const server = await newServer(t, tenant);
    await t.database.db
      .updateTable('license_servers')
      .set({ enabled: false })
      .where('id', '=', server.id)
      .execute();
    const result = await importBytes(t, tenant, { ...server, enabled: false }, 'csv', CSV(new Date()));
    assert.deepEqual([result.events.OUT, result.new, result.refused?.reason], [1, 0, 'DISABLED']);
  });
});
