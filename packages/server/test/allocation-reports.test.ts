// The allocation outcomes people see: the login check (allowed, effective, released, reasons, and
// refusals recorded), and the consumption report per product and environment with its CSV export,
// agreeing with the user-license counts of the license overview (issue 5).
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachEngine } from '../../db/test/test-databases.ts';
import { allocPath, assign, importLine, person } from './allocation-fixtures.ts';
import { addMember, createEnvironment, createGroup, setPlan } from './customer-org-fixtures.ts';
import { call, newTenant, type Tenant, type TestApp, useTestApp } from './harness.ts';
import { addPerson, orgPath } from './privilege-fixtures.ts';

const loginCheck = (t: TestApp, x: Tenant, personId: string, token = x.tokens.orgRead) =>
  call(t, 'POST', `${orgPath(x)}/people/${personId}/login-check`, { token });

/** ann: AUTHOR (USER group); cy: VIEWER (LIGHT group); dee: SIM alone; eve: AUTHOR but disabled. */
async function reportingOrganization(t: TestApp, x: Tenant) {
  await importLine(t, x);
  const production = await createEnvironment(t, x, 'PRODUCTION');
  const users = await createGroup(t, x, production, 'USER');
  const lights = await createGroup(t, x, production, 'LIGHT');
  const [ann, cy, dee] = [await person(t, x, 'Ann'), await person(t, x, 'Cy'), await person(t, x, 'Dee')];
  const eve = (await addPerson(t, x, 'Eve', { status: 'DISABLED' })).id;
  await assign(t, x, 'AUTHOR', { personId: ann });
  await assign(t, x, 'VIEWER', { personId: cy });
  await assign(t, x, 'SIM', { personId: dee });
  await assign(t, x, 'AUTHOR', { personId: eve });
  await addMember(t, x, users, ann);
  await addMember(t, x, lights, cy);
  await addMember(t, x, users, eve);
  return { production, users, lights, ann, cy, dee, eve };
}

forEachEngine('allocation reports', (engine) => {
  const getApp = useTestApp(engine);

  it('allows a login with an effective base and explains each release in favour of the winner', async () => {
    const t = getApp();
    const x = await newTenant(t);
    await importLine(t, x);
    const ann = await person(t, x, 'Ann');
    await assign(t, x, 'VIEWER', { personId: ann });
    await assign(t, x, 'AUTHOR', { personId: ann });
    await assign(t, x, 'SIM', { personId: ann });
    const r = await loginCheck(t, x, ann);
    assert.equal(r.status, 200, r.body);
    assert.equal(r.json.allowed, true);
    assert.deepEqual(
      r.json.effective.map((e: { code: string }) => e.code),
      ['AUTHOR', 'SIM'],
    );
    assert.deepEqual(
      r.json.released.map((e: { code: string; rule: string; inFavourOf: string }) => [
        e.code,
        e.rule,
        e.inFavourOf,
      ]),
      [['VIEWER', 'OVERLAPPING_BASE', 'AUTHOR']],
    );
    assert.deepEqual(r.json.reasons, [
      'VIEWER released in favour of AUTHOR (OVERLAPPING_BASE): overlapping base licenses; the higher-ranked one is effective',
    ]);
  });

  it('refuses an add-on without its base, a person with nothing, and a disabled person, recording each refusal', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const o = await reportingOrganization(t, x);
    const nobody = await person(t, x, 'Nobody');
    const addOnOnly = await loginCheck(t, x, o.dee);
    assert.equal(addOnOnly.json.allowed, false);
    assert.deepEqual(addOnOnly.json.effective, []);
    assert.equal(addOnOnly.json.reasons[0], 'login refused: no effective base license');
    assert.match(addOnOnly.json.reasons[1], /SIM released \(ADD_ON_WITHOUT_BASE\).*requires one of: AUTHOR/);
    assert.equal((await loginCheck(t, x, nobody)).json.allowed, false);
    const disabled = await loginCheck(t, x, o.eve);
    assert.equal(disabled.json.allowed, false);
    assert.equal(disabled.json.reasons[0], 'login refused: the person is disabled');
    assert.equal((await loginCheck(t, x, o.ann)).json.allowed, true);

    const refusals = await call(t, 'GET', `${allocPath(x)}/login-refusals`, { token: x.tokens.orgRead });
    assert.deepEqual(
      refusals.json.data.map((r: { personId: string }) => r.personId).sort(),
      [o.dee, nobody, o.eve].sort(),
    );
    const mine = await call(t, 'GET', `${allocPath(x)}/login-refusals?personId=${o.dee}`, {
      token: x.tokens.orgRead,
    });
    assert.deepEqual(mine.json.data[0].reasons, addOnOnly.json.reasons);
  });

  it('reports consumption per product and environment with releases, agreeing with the Users tab', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const o = await reportingOrganization(t, x);
    const r = await call(t, 'GET', `${allocPath(x)}/consumption`, { token: x.tokens.orgRead });
    assert.equal(r.status, 200, r.body);
    const byCode = Object.fromEntries(
      r.json.products.map((p: { code: string; consumed: number; released: number }) => [
        p.code,
        [p.consumed, p.released],
      ]),
    );
    assert.deepEqual(byCode, { AUTHOR: [1, 0], PARTNER: [0, 0], SIM: [0, 1], VIEWER: [1, 0] });
    const production = r.json.environments.find((e: { id: string }) => e.id === o.production);
    assert.deepEqual(production.products, [
      { code: 'AUTHOR', consumed: 1 },
      { code: 'VIEWER', consumed: 1 },
    ]);
    assert.deepEqual(
      r.json.releases.map((e: { code: string; rule: string }) => [e.code, e.rule]),
      [['SIM', 'ADD_ON_WITHOUT_BASE']],
    );
    assert.equal(r.json.loginRefused, 1);
    const types = Object.fromEntries(
      r.json.userLicenses.types.map((u: { type: string; consumed: number; counted: number }) => [
        u.type,
        [u.consumed, u.counted],
      ]),
    );
    assert.deepEqual(types, { USER: [1, 1], LIGHT: [1, 1], MEMBER: [0, 0] });
    assert.equal(r.json.userLicenses.agrees, true);
    const overview = await call(t, 'GET', `${orgPath(x)}/license-overview`, { token: x.tokens.orgRead });
    const used = Object.fromEntries(
      overview.json.users.types.map((u: { type: string; used: number }) => [u.type, u.used]),
    );
    assert.deepEqual(
      [used.USER, used.LIGHT],
      [types.USER[0], types.LIGHT[0]],
      'the same numbers as the Users tab',
    );
  });

  it('names the people whose user license differs between effective licenses and permission groups', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const o = await reportingOrganization(t, x);
    const bob = await person(t, x, 'Bob');
    await assign(t, x, 'AUTHOR', { personId: bob });
    await addMember(t, x, o.lights, bob);
    const r = await call(t, 'GET', `${allocPath(x)}/consumption`, { token: x.tokens.orgRead });
    assert.equal(r.json.userLicenses.agrees, false);
    assert.deepEqual(r.json.userLicenses.differences, [
      { personId: bob, allocation: 'USER', permissionGroups: 'LIGHT' },
    ]);
  });

  it('exports the report as CSV on plans with report export, and refuses it on STANDARD', async () => {
    const t = getApp();
    const x = await newTenant(t);
    await reportingOrganization(t, x);
    const refused = await call(t, 'GET', `${allocPath(x)}/consumption.csv`, { token: x.tokens.orgRead });
    assert.equal(refused.status, 403);
    assert.equal(refused.json.code, 'NOT_INCLUDED_IN_PLAN');
    await setPlan(t, x, 'PROFESSIONAL');
    for (const url of [`${allocPath(x)}/consumption.csv`, `${allocPath(x)}/consumption?format=csv`]) {
      const r = await call(t, 'GET', url, { token: x.tokens.orgRead });
      assert.equal(r.status, 200, r.body);
      assert.match(String(r.headers['content-type']), /^text\/csv/);
      const lines = r.body.split('\r\n');
      assert.equal(
        lines[0],
        'section,environment,product_code,product_name,kind,quantity,consumed,released,rule,in_favour_of',
      );
      assert.ok(lines.includes('ORGANIZATION,,AUTHOR,PDM Author,BASE,10,1,0,,'), r.body);
      assert.ok(lines.includes('RELEASED,,SIM,Simulation,ADD_ON,,,1,ADD_ON_WITHOUT_BASE,'), r.body);
    }
  });
});
