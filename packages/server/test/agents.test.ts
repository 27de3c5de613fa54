// Harvesting agents over HTTP on both engines: one agent per host, the Harvest column (plan, agent
// limit = user limit, order of joining), idle reports that check idle leases in with reason
// HARVESTED, and license server status with the OFFLINE-after-update rule.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { forEachEngine } from '../../db/test/test-databases.ts';
import { licenseServerAcceptsData } from '../src/compliance/license-server-status.ts';
import { DAY_MS, orgPath } from './compliance-fixtures.ts';
import { checkout, type FloatingFixture, floatingLicense, pool } from './floating-helpers.ts';
import { call, newTenant, type Tenant, type TestApp, useTestApp } from './harness.ts';
import { licenseFixture } from './validation-helpers.ts';

async function setPlan(t: TestApp, tenant: Tenant, plan: 'STANDARD' | 'PROFESSIONAL') {
  const res = await call(t, 'PUT', `${orgPath(tenant)}/plan`, { token: tenant.tokens.admin, body: { plan } });
  assert.equal(res.status, 200, res.body);
}

async function registerAgent(t: TestApp, tenant: Tenant, host: string) {
  const res = await call(t, 'POST', `${orgPath(tenant)}/agents`, {
    token: tenant.tokens.orgAdmin,
    body: { host },
  });
  assert.ok(res.status === 201 || res.status === 200, res.body);
  return res.json.id as string;
}

async function group(t: TestApp, tenant: Tenant, idleMinutes: number): Promise<string> {
  const res = await call(t, 'POST', `${orgPath(tenant)}/harvesting-groups`, {
    token: tenant.tokens.orgAdmin,
    body: { name: `group-${idleMinutes}`, idleMinutes },
  });
  assert.equal(res.status, 201, res.body);
  return res.json.id as string;
}

async function join(t: TestApp, tenant: Tenant, agentId: string, groupId: string) {
  const res = await call(t, 'PATCH', `${orgPath(tenant)}/agents/${agentId}`, {
    token: tenant.tokens.orgAdmin,
    body: { harvestingGroupId: groupId, harvestingEnabled: true },
  });
  assert.equal(res.status, 200, res.body);
  return res.json;
}

async function grid(t: TestApp, tenant: Tenant) {
  const res = await call(t, 'GET', `${orgPath(tenant)}/agents`, { token: tenant.tokens.orgRead });
  assert.equal(res.status, 200, res.body);
  return res.json as {
    data: { id: string; host: string; harvest: string; harvestLabel: string }[];
    harvesting: Record<string, unknown>;
  };
}

forEachEngine('harvesting agents', (engine) => {
  const getApp = useTestApp(engine);

  it('registers one agent per host: the same host again (any case) answers the same agent', async () => {
    const t = getApp();
    const tenant = await newTenant(t);
    const first = await call(t, 'POST', `${orgPath(tenant)}/agents`, {
      token: tenant.tokens.orgAdmin,
      body: { host: 'ws-17' },
    });
    const again = await call(t, 'POST', `${orgPath(tenant)}/agents`, {
      token: tenant.tokens.orgAdmin,
      body: { host: 'WS-17' },
    });
    assert.deepEqual([first.status, again.status], [201, 200]);
    assert.equal(again.json.id, first.json.id);
    assert.match(first.json.id, /^agent_/);
    assert.equal((await grid(t, tenant)).data.length, 1);
  });

  it('on the Standard plan agents in a group show "Not in plan" and harvest nothing', async () => {
    const t = getApp();
    const tenant = await newTenant(t);
    await licenseFixture(t, tenant, { model: 'PERPETUAL', maxUsers: 5 });
    const agentId = await registerAgent(t, tenant, 'ws-1');
    const joined = await join(t, tenant, agentId, await group(t, tenant, 30));
    assert.deepEqual([joined.harvest, joined.harvestLabel], ['NOT_IN_PLAN', 'Not in plan']);
    assert.equal((await grid(t, tenant)).harvesting.harvestingIncluded, false);
  });

  it('Pro plan: agents beyond the user limit show "No License", the first to join keep their licenses', async () => {
    const t = getApp();
    const tenant = await newTenant(t);
    await setPlan(t, tenant, 'PROFESSIONAL');
    await licenseFixture(t, tenant, { model: 'PERPETUAL', maxUsers: 2 });
    const groupId = await group(t, tenant, 30);
    const ids = [];
    for (const host of ['ws-a', 'ws-b', 'ws-c']) {
      const id = await registerAgent(t, tenant, host);
      await join(t, tenant, id, groupId);
      ids.push(id);
    }
    const outside = await registerAgent(t, tenant, 'ws-d');
    const g = await grid(t, tenant);
    const column = Object.fromEntries(g.data.map((a) => [a.host, a.harvestLabel]));
    assert.deepEqual(column, {
      'ws-a': 'Harvesting',
      'ws-b': 'Harvesting',
      'ws-c': 'No License',
      'ws-d': 'Off',
    });
    assert.deepEqual([g.harvesting.agentLimit, g.harvesting.licensed], [2, 2]);
    // Removing a licensed agent frees its license for the next one.
    assert.equal(
      (await call(t, 'DELETE', `${orgPath(tenant)}/agents/${ids[0]}`, { token: tenant.tokens.orgAdmin }))
        .status,
      204,
    );
    const after = Object.fromEntries((await grid(t, tenant)).data.map((a) => [a.host, a.harvest]));
    assert.deepEqual(after, { 'ws-b': 'HARVESTING', 'ws-c': 'HARVESTING', 'ws-d': 'OFF' });
    assert.ok(outside);
  });

  it('refuses a second harvesting group of the same name in any case (409 CONFLICT); another organization may use it', async () => {
    const t = getApp();
    const tenant = await newTenant(t);
    const other = await newTenant(t);
    const create = (x: Tenant, name: string) =>
      call(t, 'POST', `${orgPath(x)}/harvesting-groups`, {
        token: x.tokens.orgAdmin,
        body: { name, idleMinutes: 30 },
      });
    assert.equal((await create(tenant, 'Night Shift')).status, 201);
    const again = await create(tenant, 'night SHIFT');
    assert.equal(again.status, 409, again.body);
    assert.equal(again.json.code, 'CONFLICT');
    assert.equal((await create(other, 'Night Shift')).status, 201);
  });

  describe('idle reports', () => {
    async function harvestingSetup(
      t: TestApp,
      maxUsers: number,
    ): Promise<{ f: FloatingFixture; agentId: string; tenant: Tenant }> {
      const tenant = await newTenant(t);
      await setPlan(t, tenant, 'PROFESSIONAL');
      const f = await floatingLicense(t, tenant, 3, { maxUsers });
      const agentId = await registerAgent(t, tenant, 'ws-alice');
      await join(t, tenant, agentId, await group(t, tenant, 30));
      return { f, agentId, tenant };
    }

    it('checks in a lease idle for the group idle time with reason HARVESTED, and keeps a busier one', async () => {
      const t = getApp();
      const { f, agentId, tenant } = await harvestingSetup(t, 5);
      const idle = await checkout(t, f, { user: 'alice' });
      const busy = await checkout(t, f, { user: 'bob', host: 'ws-bob' });
      assert.equal((await pool(t, f)).inUse, 2);
      const res = await call(t, 'POST', `${orgPath(tenant)}/agents/${agentId}/reports`, {
        token: tenant.tokens.orgAdmin,
        body: {
          items: [
            { leaseId: idle.json.lease.id, idleSeconds: 30 * 60, application: 'cad.exe' },
            { leaseId: busy.json.lease.id, idleSeconds: 29 * 60 },
          ],
        },
      });
      assert.equal(res.status, 200, res.body);
      assert.deepEqual(
        res.json.results.map((r: { harvested: boolean; outcome: string }) => [r.harvested, r.outcome]),
        [
          [true, 'HARVESTED'],
          [false, 'NOT_IDLE_LONG_ENOUGH'],
        ],
      );
      assert.equal((await pool(t, f)).inUse, 1);
      const event = await t.database.db
        .selectFrom('floating_events')
        .select(['kind', 'reason'])
        .where('lease_id', '=', idle.json.lease.id)
        .where('kind', '=', 'IN')
        .executeTakeFirst();
      assert.deepEqual(event, { kind: 'IN', reason: 'HARVESTED' });
      assert.notEqual(res.json.agent.lastReportAt, null);
    });

    it('reports harvesting in several pools at once, listed in opposite orders, each harvest every lease exactly once without deadlock', async () => {
      const t = getApp();
      const { f, agentId, tenant } = await harvestingSetup(t, 20);
      for (let round = 0; round < 4; round++) {
        const ids: string[] = [];
        for (let i = 0; i < 3; i++) {
          for (const feature of ['CAD', 'CAM']) {
            const res = await checkout(t, f, { feature, user: `u${round}-${i}`, host: 'ws-alice' });
            assert.equal(res.json.granted, true, res.body);
            ids.push(res.json.lease.id);
          }
        }
        const report = (leaseIds: string[]) =>
          call(t, 'POST', `${orgPath(tenant)}/agents/${agentId}/reports`, {
            token: tenant.tokens.orgAdmin,
            body: { items: leaseIds.map((leaseId) => ({ leaseId, idleSeconds: 3600 })) },
          });
        const answers = await Promise.all([report(ids), report([...ids].reverse())]);
        for (const a of answers) assert.equal(a.status, 200, a.body);
        const harvested = answers.flatMap((a) =>
          a.json.results
            .filter((r: { harvested: boolean }) => r.harvested)
            .map((r: { leaseId: string }) => r.leaseId),
        );
        assert.deepEqual([...harvested].sort(), [...ids].sort(), `round ${round}`);
        assert.deepEqual([(await pool(t, f, 'CAD')).inUse, (await pool(t, f, 'CAM')).inUse], [0, 0]);
      }
    });

    it('an agent showing "No License" harvests nothing', async () => {
      const t = getApp();
      const { f, tenant } = await harvestingSetup(t, 1);
      const second = await registerAgent(t, tenant, 'ws-bob');
      const groups = await call(t, 'GET', `${orgPath(tenant)}/harvesting-groups`, {
        token: tenant.tokens.orgRead,
      });
      const joined = await join(t, tenant, second, groups.json.data[0].id);
      assert.equal(joined.harvestLabel, 'No License');
      const lease = await checkout(t, f, { user: 'bob', host: 'ws-bob' });
      const res = await call(t, 'POST', `${orgPath(tenant)}/agents/${second}/reports`, {
        token: tenant.tokens.orgAdmin,
        body: { items: [{ leaseId: lease.json.lease.id, idleSeconds: 3600 }] },
      });
      assert.deepEqual(res.json.results, [
        { leaseId: lease.json.lease.id, harvested: false, outcome: 'NO_LICENSE' },
      ]);
      assert.equal((await pool(t, f)).inUse, 1);
    });

    it('a lease of another organization is never harvested (reads as not found)', async () => {
      const t = getApp();
      const { agentId, tenant } = await harvestingSetup(t, 5);
      const other = await newTenant(t);
      const foreign = await floatingLicense(t, other, 2);
      const lease = await checkout(t, foreign, {});
      const res = await call(t, 'POST', `${orgPath(tenant)}/agents/${agentId}/reports`, {
        token: tenant.tokens.orgAdmin,
        body: { items: [{ leaseId: lease.json.lease.id, idleSeconds: 7200 }] },
      });
      assert.equal(res.json.results[0].outcome, 'LEASE_NOT_FOUND');
      assert.equal((await pool(t, foreign)).inUse, 1);
    });
  });

  describe('license server status', () => {
    it('a server updated to a version released after the maintenance end is OFFLINE and its data skipped; a failed query is ERROR', async () => {
      const t = getApp();
      const tenant = await newTenant(t);
      await licenseFixture(
        t,
        tenant,
        { model: 'PERPETUAL', maxUsers: 5, maintenanceDurationIso: 'P1Y' },
        {
          issuedAt: new Date(Date.now() - 400 * DAY_MS),
        },
      );
      const created = await call(t, 'POST', `${orgPath(tenant)}/license-servers`, {
        token: tenant.tokens.orgAdmin,
        body: { name: 'flex-1', hosts: ['27000@flex-1'] },
      });
      assert.equal(created.status, 201, created.body);
      const serverId = created.json.id as string;
      const report = (body: unknown) =>
        call(t, 'POST', `${orgPath(tenant)}/license-servers/${serverId}/status-reports`, {
          token: tenant.tokens.orgAdmin,
          body,
        });
      const online = await report({
        reachable: true,
        version: '11.18.0',
        versionReleasedAt: new Date(Date.now() - 300 * DAY_MS).toISOString(),
      });
      assert.deepEqual([online.json.status, online.json.acceptsData], ['ONLINE', true]);
      const updated = await report({
        reachable: true,
        version: '11.19.5',
        versionReleasedAt: new Date(Date.now() - 5 * DAY_MS).toISOString(),
      });
      assert.deepEqual(
        [updated.json.status, updated.json.reason, updated.json.acceptsData],
        ['OFFLINE', 'UPDATED_AFTER_MAINTENANCE', false],
      );
      assert.deepEqual(updated.json.remedy, [
        'Revert the license server to a version released before the maintenance end.',
        'Load a license with active maintenance.',
      ]);
      const listed = await call(t, 'GET', `${orgPath(tenant)}/license-servers/${serverId}`, {
        token: tenant.tokens.orgRead,
      });
      assert.equal(listed.json.status, 'OFFLINE', 'the license-server routes show the derived status');
      assert.equal(
        (await licenseServerAcceptsData(t.database.db, tenant, serverId, new Date())).accepts,
        false,
      );

      const reverted = await report({
        reachable: true,
        version: '11.18.0',
        versionReleasedAt: new Date(Date.now() - 300 * DAY_MS).toISOString(),
      });
      assert.equal(reverted.json.status, 'ONLINE');
      const failed = await report({ reachable: false, error: 'lmstat: cannot connect to license server' });
      assert.deepEqual(
        [failed.json.status, failed.json.detail],
        ['ERROR', 'lmstat: cannot connect to license server'],
      );
      const status = await call(t, 'GET', `${orgPath(tenant)}/compliance/license-servers`, {
        token: tenant.tokens.orgRead,
      });
      assert.equal(status.json.data[0].status, 'ERROR');
      const audit = await t.database.db
        .selectFrom('audit_events')
        .select('changes')
        .where('target_id', '=', serverId)
        .where('action', '=', 'license-server.status-changed')
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        audit.map((a) => (a.changes as { to: string }).to),
        ['ONLINE', 'OFFLINE', 'ONLINE', 'ERROR'],
      );
    });
  });
});
