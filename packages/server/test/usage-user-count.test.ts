// The 30-day user count on both engines, with the clock passed in: users stop counting 30 days after
// their last sighting, names compare without case by default and with case when the organization
// says so, realtime and imported usage count together, per organization and per license.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { usageQueryRepository } from '@licentia/db';
import { forEachEngine } from '../../db/test/test-databases.ts';
import { recordRealtimeUsage } from '../src/usage/realtime-usage.ts';
import { call, newTenant, type Tenant, type TestApp, useTestApp } from './harness.ts';
import { importBytes, newServer, readSample } from './usage-helpers.ts';
import { licenseFixture, validate } from './validation-helpers.ts';

const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

function csvOf(rows: [string, string, string][]): string {
  return [
    'time,kind,feature,user,host,count,server,version',
    ...rows.map(([t, k, u]) => `${t},${k},cad,${u},pc,,,`),
  ].join('\n');
}

const count = (t: TestApp, tenant: Tenant, asOf: Date, licenseId?: string) =>
  usageQueryRepository.countUsers(t.database.db, tenant.organizationId, asOf, licenseId);

forEachEngine('usage user count', (engine) => {
  const getApp = useTestApp(engine);

  it('counts a user for 30 UTC days after their last sighting, then no longer', async () => {
    const t = getApp();
    const tenant = await newTenant(t);
    const server = await newServer(t, tenant, 'lic1', 'UTC');
    await importBytes(
      t,
      tenant,
      server,
      'csv',
      csvOf([
        ['2024-01-01T08:00:00Z', 'OUT', 'ann'],
        ['2024-01-10T08:00:00Z', 'OUT', 'bob'],
        ['2024-01-10T09:00:00Z', 'DENIED', 'cy'],
      ]),
    );
    assert.equal(await count(t, tenant, day('2023-12-31')), 0);
    assert.equal(await count(t, tenant, day('2024-01-10')), 3);
    assert.equal(await count(t, tenant, day('2024-01-30')), 3, 'ann seen 29 days ago still counts');
    assert.equal(await count(t, tenant, day('2024-01-31')), 2, 'ann not seen for 30 days no longer counts');
    assert.equal(await count(t, tenant, day('2024-02-08')), 2);
    assert.equal(await count(t, tenant, day('2024-02-09')), 0);
    // Seen again: ann moves to her new last day (counted once, not twice).
    await importBytes(t, tenant, server, 'csv', csvOf([['2024-02-05T08:00:00Z', 'IN', 'ANN']]));
    assert.equal(await count(t, tenant, day('2024-02-05')), 3);
    assert.equal(await count(t, tenant, day('2024-03-05')), 1);
    // An older file imported later moves nothing back.
    await importBytes(t, tenant, server, 'csv', csvOf([['2024-01-02T08:00:00Z', 'OUT', 'ann']]));
    assert.equal(await count(t, tenant, day('2024-03-05')), 1);
  });

  it('compares names without case by default, and with case once the organization says so', async () => {
    const t = getApp();
    const tenant = await newTenant(t);
    const server = await newServer(t, tenant);
    const now = new Date();
    const matlab = readSample('joseantoniovilar__Stats_Logs_FlexLM__matlab.log');
    const report = await importBytes(t, tenant, server, 'flexnet-debug', matlab);
    assert.equal(report.users, 32);
    const settings = `/v1/accounts/${tenant.accountId}/organizations/${tenant.organizationId}/usage/settings`;
    assert.deepEqual(
      (await call(t, 'GET', settings, { token: tenant.tokens.orgRead })).json.usernamesCaseSensitive,
      false,
    );
    // The log's own dates are years old: count as of its last event.
    const asOf = new Date(report.last!);
    assert.equal(await count(t, tenant, asOf), await distinctByScan(t, tenant, asOf, false));
    const sensitive = await call(t, 'PUT', settings, {
      token: tenant.tokens.orgAdmin,
      body: { usernamesCaseSensitive: true },
    });
    assert.equal(sensitive.status, 200, sensitive.body);
    assert.equal(sensitive.json.usernamesCaseSensitive, true);
    const all = async () =>
      Number(
        (
          await t.database.db
            .selectFrom('usage_user_last_seen')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('organization_id', '=', tenant.organizationId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    assert.equal(await all(), 35);
    assert.equal(await count(t, tenant, asOf), await distinctByScan(t, tenant, asOf, true));
    const again = await importBytes(t, tenant, server, 'flexnet-debug', matlab, { now });
    assert.deepEqual([again.new, again.users], [0, 35]);
    await call(t, 'PUT', settings, {
      token: tenant.tokens.orgAdmin,
      body: { usernamesCaseSensitive: false },
    });
    assert.equal(await all(), 32);
  });

  it('counts realtime usage with imported usage, per organization and per license, once per event id', async () => {
    const t = getApp();
    const tenant = await newTenant(t);
    const f = await licenseFixture(t, tenant, { model: 'FLOATING', maxMachines: 5 });
    const at = day('2024-06-10');
    const record = (eventId: string, user: string) =>
      t.database.db.transaction().execute((trx) =>
        recordRealtimeUsage(trx, tenant.accountId, tenant.organizationId, {
          eventId,
          kind: 'OUT',
          feature: 'cad',
          user,
          host: 'pc1',
          occurredAt: at,
          licenseId: f.licenseId,
        }),
      );
    assert.equal(await record('fev_1', 'jdoe'), true);
    assert.equal(await record('fev_1', 'jdoe'), false, 'the same floating event is stored once');
    assert.equal(await record('fev_2', 'JDOE'), true);
    await record('fev_3', 'ann');
    const server = await newServer(t, tenant, 'lic1', 'UTC');
    await importBytes(
      t,
      tenant,
      server,
      'csv',
      csvOf([
        ['2024-06-09T08:00:00Z', 'OUT', 'bob'],
        ['2024-06-09T08:00:00Z', 'OUT', 'ann'],
      ]),
    );
    assert.equal(await count(t, tenant, at), 3);
    assert.equal(await count(t, tenant, at, f.licenseId), 2);
    const kinds = await t.database.db
      .selectFrom('usage_events')
      .select(['source', 'kind'])
      .where('license_id', '=', f.licenseId)
      .execute();
    assert.deepEqual(kinds.map((k) => `${k.source}:${k.kind}`).sort(), [
      'REALTIME:OUT',
      'REALTIME:OUT',
      'REALTIME:OUT',
    ]);
  });

  it('counts users named by license validations, once per user, license and day', async () => {
    const t = getApp();
    const tenant = await newTenant(t);
    const f = await licenseFixture(t, tenant, { model: 'FLOATING', maxMachines: 5 });
    for (const user of ['jdoe', 'JDoe', 'ann', 'jdoe']) {
      const r = await validate(t, { key: f.key, scope: { user, fingerprint: 'f'.repeat(64) } });
      assert.equal(r.status, 200, r.body);
    }
    await validate(t, { key: f.key, scope: { fingerprint: 'f'.repeat(64) } });
    await t.ctx.licensing!.recorder.flush();
    const now = new Date();
    assert.equal(await count(t, tenant, now), 2);
    assert.equal(await count(t, tenant, now, f.licenseId), 2);
    const events = await t.database.db
      .selectFrom('usage_events')
      .select(['source', 'kind', 'username'])
      .where('license_id', '=', f.licenseId)
      .execute();
    assert.deepEqual(events.map((e) => `${e.source}:${e.kind}:${e.username}`).sort(), [
      'REALTIME:VALIDATED:JDoe',
      'REALTIME:VALIDATED:ann',
      'REALTIME:VALIDATED:jdoe',
    ]);
    await validate(t, { key: f.key, scope: { user: 'ann' } });
    await t.ctx.licensing!.recorder.flush();
    const again = await t.database.db
      .selectFrom('usage_events')
      .select('id')
      .where('license_id', '=', f.licenseId)
      .execute();
    assert.equal(again.length, 3, 'a user validating again the same day adds no event');
  });

  it('answers the user-count route for the organization and for one of its licenses', async () => {
    const t = getApp();
    const tenant = await newTenant(t);
    const f = await licenseFixture(t, tenant, { model: 'FLOATING', maxMachines: 5 });
    const server = await newServer(t, tenant, 'lic1', 'UTC');
    const recent = new Date(Date.now() - 3_600_000).toISOString();
    await importBytes(
      t,
      tenant,
      server,
      'csv',
      csvOf([
        [recent, 'OUT', 'jdoe'],
        [recent, 'DENIED', 'ann'],
      ]),
      { licenseId: f.licenseId },
    );
    const base = `/v1/accounts/${tenant.accountId}/organizations/${tenant.organizationId}/usage/user-count`;
    const org = await call(t, 'GET', base, { token: tenant.tokens.orgRead });
    assert.equal(org.status, 200, org.body);
    assert.deepEqual([org.json.counted, org.json.windowDays, org.json.licenseId], [2, 30, null]);
    const lic = await call(t, 'GET', `${base}?licenseId=${f.licenseId}`, { token: tenant.tokens.readOnly });
    assert.equal(lic.json.counted, 2);
    const other = await newTenant(t);
    const foreign = await licenseFixture(t, other, { model: 'FLOATING', maxMachines: 1 });
    assert.equal(
      (await call(t, 'GET', `${base}?licenseId=${foreign.licenseId}`, { token: tenant.tokens.admin })).status,
      404,
    );
  });
});

/** The oracle: count(DISTINCT) over the events of the 30 UTC days ending with asOf's day. */
async function distinctByScan(
  t: TestApp,
  tenant: Tenant,
  asOf: Date,
  caseSensitive: boolean,
): Promise<number> {
  const start = new Date(Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth(), asOf.getUTCDate() - 29));
  const end = new Date(Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth(), asOf.getUTCDate() + 1));
  const rows = await t.database.db
    .selectFrom('usage_events')
    .select('username')
    .where('organization_id', '=', tenant.organizationId)
    .where('occurred_at', '>=', start)
    .where('occurred_at', '<', end)
    .execute();
  return new Set(rows.map((r) => (caseSensitive ? r.username.trim() : r.username.trim().toLowerCase()))).size;
}
