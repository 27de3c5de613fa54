// The usage and license-server routes on both engines: a streamed upload imports idempotently and
// creates its server, bad uploads are problems, events page by cursor, servers have a lifecycle.
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { before, it } from 'node:test';
import { forEachEngine } from '../../db/test/test-databases.ts';
import { call, newTenant, type Tenant, type TestApp, useTestApp } from './harness.ts';
import { chunks, readSample } from './usage-helpers.ts';

const GENETECH = 'talestk__log_parser__genetech.log';

function upload(
  t: TestApp,
  tenant: Tenant,
  query: string,
  body: Uint8Array,
  contentType = 'application/octet-stream',
  token = tenant.tokens.orgAdmin,
) {
  return t.app
    .inject({
      method: 'POST',
      url: `/v1/accounts/${tenant.accountId}/organizations/${tenant.organizationId}/usage/imports?${query}`,
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
      payload: Readable.from(chunks(body, 8192)),
    })
    .then((res) => ({ status: res.statusCode, json: res.json() }));
}

forEachEngine('usage routes', (engine) => {
  const getApp = useTestApp(engine);
  let tenant: Tenant;
  let base: string;
  before(async () => {
    tenant = await newTenant(getApp());
    base = `/v1/accounts/${tenant.accountId}/organizations/${tenant.organizationId}`;
  });

  it('imports a streamed upload, creates the named server with the given zone, and stores nothing twice', async () => {
    const t = getApp();
    const bytes = readSample(GENETECH);
    const first = await upload(
      t,
      tenant,
      'format=flexnet-debug&server=genetech&timezone=America/Chicago',
      bytes,
    );
    assert.equal(first.status, 200, JSON.stringify(first.json));
    assert.deepEqual(
      [first.json.events.OUT, first.json.events.IN, first.json.events.DENIED, first.json.events.UNSUPPORTED],
      [451, 439, 1784, 4],
    );
    assert.equal(first.json.users, 9);
    assert.ok(first.json.new > 0);
    assert.match(first.json.licenseServerId, /^lsrv_/);
    const again = await upload(
      t,
      tenant,
      'format=flexnet-debug&server=GENETECH',
      bytes,
      'text/plain; charset=utf-8',
    );
    assert.equal(again.json.new, 0);
    assert.equal(again.json.licenseServerId, first.json.licenseServerId, 'server names compare without case');
    const server = await call(t, 'GET', `${base}/license-servers/${first.json.licenseServerId}`, {
      token: tenant.tokens.orgRead,
    });
    assert.deepEqual([server.json.name, server.json.timeZone], ['genetech', 'America/Chicago']);
    const audit = await call(t, 'GET', `/v1/audit/events?targetId=${first.json.licenseServerId}`, {
      token: tenant.tokens.admin,
    });
    assert.deepEqual(
      audit.json.data.map((e: { action: string }) => e.action),
      ['license-server.created', 'usage.imported', 'usage.imported'],
    );
  });

  it('answers bad uploads with problems: unknown zone, JSON body, disabled server, foreign license', async () => {
    const t = getApp();
    const bytes = new TextEncoder().encode('9:00:00 (lmgrd) TIMESTAMP 3/4/2024\n');
    const zone = await upload(t, tenant, 'format=flexnet-debug&server=z&timezone=Mars/Olympus', bytes);
    assert.deepEqual([zone.status, zone.json.code], [400, 'INVALID_FIELD']);
    const json = await upload(t, tenant, 'format=csv&server=z', bytes, 'application/json');
    assert.deepEqual([json.status, json.json.code], [415, 'UNSUPPORTED_MEDIA_TYPE']);
    const format = await upload(t, tenant, 'format=xml&server=z', bytes);
    assert.equal(format.status, 400);
    const created = await call(t, 'POST', `${base}/license-servers`, {
      token: tenant.tokens.orgAdmin,
      body: { name: 'off', enabled: false },
    });
    assert.equal(created.status, 201, created.body);
    const disabled = await upload(t, tenant, 'format=flexnet-debug&server=off', bytes);
    assert.deepEqual([disabled.status, disabled.json.code], [409, 'CONFLICT']);
    const readOnly = await upload(
      t,
      tenant,
      'format=flexnet-debug&server=z',
      bytes,
      undefined,
      tenant.tokens.orgRead,
    );
    assert.equal(readOnly.status, 403);
  });

  it('lists events newest first with filters and a cursor that visits every event once', async () => {
    const t = getApp();
    const own = await newTenant(t);
    const ownBase = `/v1/accounts/${own.accountId}/organizations/${own.organizationId}`;
    const csv = [
      'time,kind,feature,user,host,count,server,version',
      ...Array.from(
        { length: 7 },
        (_, i) => `2024-05-01T09:0${i}:00Z,${i % 2 ? 'IN' : 'OUT'},cad,User${i % 3},pc,,,`,
      ),
    ].join('\n');
    const imported = await upload(t, own, 'format=csv&server=lic1', new TextEncoder().encode(csv));
    assert.equal(imported.json.new, 7);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `&cursor=${cursor}` : '';
      const page = await call(t, 'GET', `${ownBase}/usage/events?limit=3${q}`, { token: own.tokens.orgRead });
      assert.equal(page.status, 200, page.body);
      seen.push(...page.json.data.map((e: { occurredAt: string }) => e.occurredAt));
      cursor = page.json.nextCursor;
    } while (cursor);
    assert.equal(seen.length, 7);
    assert.deepEqual(seen, [...seen].sort().reverse());
    const outs = await call(t, 'GET', `${ownBase}/usage/events?kind=OUT&user=user0`, {
      token: own.tokens.orgRead,
    });
    assert.deepEqual(
      outs.json.data.map((e: { user: string }) => e.user),
      ['User0', 'User0'],
    );
    const denials = await call(t, 'GET', `${ownBase}/usage/denials?from=2024-05-01&to=2024-05-01`, {
      token: own.tokens.orgRead,
    });
    assert.deepEqual([denials.status, denials.json.distinct, denials.json.raw], [200, 0, 0]);
  });

  it('creates, renames, disables and deletes license servers; one with usage cannot be deleted', async () => {
    const t = getApp();
    const own = await newTenant(t);
    const servers = `/v1/accounts/${own.accountId}/organizations/${own.organizationId}/license-servers`;
    const token = own.tokens.orgAdmin;
    const body = {
      name: 'Triad',
      hosts: ['27000@h1', '27000@h2', '27000@h3'],
      vendorDaemons: ['MLM'],
      timeZone: 'Europe/Madrid',
    };
    const created = await call(t, 'POST', servers, { token, body });
    assert.equal(created.status, 201, created.body);
    assert.deepEqual(
      [created.json.status, created.json.enabled, created.json.hosts.length],
      ['ONLINE', true, 3],
    );
    assert.equal((await call(t, 'POST', servers, { token, body: { name: 'triad' } })).status, 409);
    assert.equal(
      (await call(t, 'POST', servers, { token, body: { name: 'x', timeZone: 'Nowhere/City' } })).status,
      400,
    );
    const id = created.json.id;
    const renamed = await call(t, 'PATCH', `${servers}/${id}`, {
      token,
      body: { name: 'triad-2', enabled: false },
    });
    assert.deepEqual([renamed.json.name, renamed.json.enabled], ['triad-2', false]);
    const list = await call(t, 'GET', servers, { token: own.tokens.orgRead });
    assert.deepEqual(
      list.json.data.map((s: { id: string }) => s.id),
      [id],
    );
    assert.equal((await call(t, 'DELETE', `${servers}/${id}`, { token })).status, 204);
    assert.equal((await call(t, 'GET', `${servers}/${id}`, { token })).status, 404);

    const used = await upload(
      t,
      own,
      'format=csv&server=used',
      new TextEncoder().encode(
        'time,kind,feature,user,host,count,server,version\n2024-05-01T09:00:00Z,OUT,cad,a,pc,,,\n',
      ),
    );
    const refused = await call(t, 'DELETE', `${servers}/${used.json.licenseServerId}`, { token });
    assert.deepEqual([refused.status, refused.json.code], [409, 'CONFLICT']);
  });
});
