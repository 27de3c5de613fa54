// A FlexNet options file with GROUP, RESERVE, MAX, INCLUDE, EXCLUDE and TIMEOUT lines, through the API:
// it imports (unsupported lines listed by number), behaves as documented, and exports back equivalent.
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { parseOptionsFile } from '@licentia/core';
import { forEachEngine } from '../../db/test/test-databases.ts';
import { checkout, floating, floatingLicense, licensePath, waitFor } from './floating-helpers.ts';
import { call, newTenant, type Tenant, useTestApp } from './harness.ts';

const OPTIONS_FILE = `# Engineering floating options
GROUP engineers alice bob carol
GROUP contractors mallory
RESERVE 1 CAD USER dave
MAX 1 CAD GROUP contractors
INCLUDE CAD GROUP engineers
INCLUDE CAD USER dave
INCLUDE CAD GROUP contractors
EXCLUDE CAD USER carol
TIMEOUT CAD 3600
NOLOG IN
TIMEOUT CAM 1
`;

forEachEngine('floating options (FlexNet file)', (engine) => {
  const getApp = useTestApp(engine);
  let tenant: Tenant;
  before(async () => {
    tenant = await newTenant(getApp());
  });

  it('imports the file, listing each unsupported line with its number', async () => {
    const t = getApp();
    const f = await floatingLicense(t, tenant, 3);
    const res = await call(t, 'POST', `${licensePath(f)}/options/import`, {
      token: tenant.tokens.orgAdmin,
      body: { text: OPTIONS_FILE },
    });
    assert.equal(res.status, 200, res.body);
    assert.deepEqual(
      res.json.skipped.map((s: { line: number; text: string }) => [s.line, s.text]),
      [[11, 'NOLOG IN']],
    );
    assert.deepEqual(res.json.options.groups, {
      engineers: ['alice', 'bob', 'carol'],
      contractors: ['mallory'],
    });
    assert.equal(res.json.options.features.CAD.timeoutSeconds, 3600);
    const stored = await call(t, 'GET', `${licensePath(f)}/options`, { token: tenant.tokens.orgRead });
    assert.deepEqual(stored.json, res.json.options);
  });

  it('behaves as documented: EXCLUDE, then RESERVE, then MAX, then INCLUDE', async () => {
    const t = getApp();
    const f = await floatingLicense(t, tenant, 3);
    await call(t, 'POST', `${licensePath(f)}/options/import`, {
      token: tenant.tokens.admin,
      body: { text: OPTIONS_FILE },
    });
    const as = (user: string, host = `ws-${user}`) => checkout(t, f, { user, host });
    assert.equal((await as('carol')).json.code, 'EXCLUDED', 'an engineer, but excluded by name');
    assert.equal((await as('eve')).json.code, 'NOT_INCLUDED', 'in no INCLUDE list');
    assert.equal((await as('mallory')).json.granted, true);
    assert.equal((await as('mallory', 'second-host')).json.code, 'MAX_REACHED', 'MAX 1 for contractors');
    assert.equal((await as('alice')).json.granted, true);
    assert.equal((await as('bob')).json.code, 'RESERVED_FOR_OTHERS', "the last free seat is dave's");
    assert.equal((await as('dave')).json.granted, true, 'a reservation is honoured');
  });

  it('reclaims a lease whose client reports idleness beyond TIMEOUT, and keeps an active one', async () => {
    const t = getApp();
    const f = await floatingLicense(t, tenant, 2);
    await call(t, 'POST', `${licensePath(f)}/options/import`, {
      token: tenant.tokens.admin,
      body: { text: OPTIONS_FILE },
    });
    const idle = (await checkout(t, f, { feature: 'CAM', user: 'idle' })).json.lease;
    const busy = (await checkout(t, f, { feature: 'CAM', user: 'busy' })).json.lease;
    let idleAnswer = '';
    await waitFor(async () => {
      const a = await floating(t, f, 'heartbeat', { leaseId: busy.id });
      assert.equal(a.json.renewed, true, 'an active client keeps its seat past TIMEOUT');
      const b = await floating(t, f, 'heartbeat', { leaseId: idle.id, idle: true });
      idleAnswer = b.json.code ?? '';
      return b.json.renewed === false;
    });
    assert.equal(idleAnswer, 'LEASE_EXPIRED');
  });

  it('exports back an equivalent options file', async () => {
    const t = getApp();
    const f = await floatingLicense(t, tenant, 3);
    await call(t, 'POST', `${licensePath(f)}/options/import`, {
      token: tenant.tokens.admin,
      body: { text: OPTIONS_FILE },
    });
    const exported = await call(t, 'GET', `${licensePath(f)}/options/export`, {
      token: tenant.tokens.orgRead,
    });
    assert.equal(exported.status, 200);
    assert.match(String(exported.headers['content-type']), /^text\/plain/);
    assert.deepEqual(parseOptionsFile(exported.body).options, parseOptionsFile(OPTIONS_FILE).options);
    assert.deepEqual(parseOptionsFile(exported.body).unsupported, []);
    const g = await floatingLicense(t, tenant, 3);
    const reimported = await call(t, 'POST', `${licensePath(g)}/options/import`, {
      token: tenant.tokens.admin,
      body: { text: exported.body },
    });
    const original = await call(t, 'GET', `${licensePath(f)}/options`, { token: tenant.tokens.admin });
    assert.deepEqual(reimported.json.options, original.json);
  });

  it('refuses a JSON document with an invalid INTERNET pattern or a reserved name', async () => {
    const t = getApp();
    const f = await floatingLicense(t, tenant, 3);
    const put = (body: unknown) =>
      call(t, 'PUT', `${licensePath(f)}/options`, { token: tenant.tokens.admin, body });
    const bad = await put({ features: { CAD: { include: [{ kind: 'INTERNET', name: '10.0.0.0/99' }] } } });
    assert.equal(bad.status, 400);
    assert.equal(bad.json.code, 'INVALID_FIELD');
    const proto = await call(t, 'PUT', `${licensePath(f)}/options`, {
      token: tenant.tokens.admin,
      body: JSON.parse('{"groups":{"__proto__":["x"]}}'),
    });
    assert.equal(proto.status, 400);
    assert.equal((await put({ features: { CAD: { seats: 2 } } })).status, 200);
  });
});
