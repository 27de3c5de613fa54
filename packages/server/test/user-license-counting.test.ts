// User-license counting through the API (issue 5 item 2, seed 000), on both engines: every rule is
// set up with environments, people and permission groups made through the routes and read back
// from the Users tab of the license overview.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachEngine } from '../../db/test/test-databases.ts';
import {
  addMember,
  buyUserLicenses,
  createEnvironment,
  createGroup,
  createPerson,
  orgPath,
  setPlan,
  usersTab,
} from './customer-org-fixtures.ts';
import { call, newTenant, type Tenant, type TestApp, useTestApp } from './harness.ts';

/** A tenant on PROFESSIONAL with production, test and training environments and a group per type in each. */
async function world(t: TestApp) {
  const x = await newTenant(t);
  await setPlan(t, x, 'PROFESSIONAL');
  const prod = await createEnvironment(t, x, 'PRODUCTION');
  const test = await createEnvironment(t, x, 'TEST', prod);
  const train = await createEnvironment(t, x, 'TRAINING', prod);
  const groups: Record<string, Record<'USER' | 'LIGHT' | 'MEMBER', string>> = {};
  for (const [name, env] of Object.entries({ prod, test, train })) {
    groups[name] = {
      USER: await createGroup(t, x, env, 'USER'),
      LIGHT: await createGroup(t, x, env, 'LIGHT'),
      MEMBER: await createGroup(t, x, env, 'MEMBER'),
    };
  }
  return { x, envs: { prod, test, train }, groups };
}

const used = (rows: unknown[][]) => Object.fromEntries(rows.map((r) => [r[0], r[2]]));

forEachEngine('user-license counting', (engine) => {
  const getApp = useTestApp(engine);

  it('counts a person with USER in one environment and LIGHT in another once, as USER', async () => {
    const t = getApp();
    const { x, groups } = await world(t);
    const ann = await createPerson(t, x, 'Ann');
    await addMember(t, x, groups.prod!.USER, ann);
    await addMember(t, x, groups.test!.LIGHT, ann);
    assert.deepEqual(used((await usersTab(t, x)).rows), { USER: 1, LIGHT: 0, MEMBER: 0 });
  });

  it('counts a person who exists only in a test copy', async () => {
    const t = getApp();
    const { x, groups } = await world(t);
    await addMember(t, x, groups.test!.LIGHT, await createPerson(t, x, 'Dee'));
    assert.deepEqual(used((await usersTab(t, x)).rows), { USER: 0, LIGHT: 1, MEMBER: 0 });
  });

  it('counts a person who exists only in a training copy', async () => {
    const t = getApp();
    const { x, groups } = await world(t);
    await addMember(t, x, groups.train!.USER, await createPerson(t, x, 'Eve'));
    assert.deepEqual(used((await usersTab(t, x)).rows), { USER: 1, LIGHT: 0, MEMBER: 0 });
  });

  it('counts a person reaching every environment once, of the highest type held anywhere', async () => {
    const t = getApp();
    const { x, groups } = await world(t);
    const bo = await createPerson(t, x, 'Bo');
    await addMember(t, x, groups.prod!.MEMBER, bo);
    await addMember(t, x, groups.test!.LIGHT, bo);
    await addMember(t, x, groups.train!.MEMBER, bo);
    assert.deepEqual(used((await usersTab(t, x)).rows), { USER: 0, LIGHT: 1, MEMBER: 0 });
  });

  it('lets MEMBER consume nothing paid, and never flags it', async () => {
    const t = getApp();
    const { x, groups } = await world(t);
    await addMember(t, x, groups.prod!.MEMBER, await createPerson(t, x, 'Fay'));
    await addMember(t, x, groups.test!.MEMBER, await createPerson(t, x, 'Gus'));
    const tab = await usersTab(t, x);
    assert.deepEqual(tab.rows, [
      ['USER', 0, 0, false],
      ['LIGHT', 0, 0, false],
      ['MEMBER', 0, 2, false],
    ]);
    assert.equal(tab.message, null);
  });

  it('stops counting a disabled person', async () => {
    const t = getApp();
    const { x, groups } = await world(t);
    const hal = await createPerson(t, x, 'Hal');
    await addMember(t, x, groups.prod!.USER, hal);
    await call(t, 'PATCH', `${orgPath(x)}/people/${hal}`, {
      token: x.tokens.admin,
      body: { status: 'DISABLED' },
    });
    assert.deepEqual(used((await usersTab(t, x)).rows), { USER: 0, LIGHT: 0, MEMBER: 0 });
  });

  it('stops counting a person whose account in the environment is removed', async () => {
    const t = getApp();
    const { x, envs, groups } = await world(t);
    const ida = await createPerson(t, x, 'Ida');
    await addMember(t, x, groups.test!.USER, ida);
    const r = await call(t, 'DELETE', `${orgPath(x)}/people/${ida}/environments/${envs.test}`, {
      token: x.tokens.admin,
    });
    assert.equal(r.status, 204);
    assert.deepEqual(used((await usersTab(t, x)).rows), { USER: 0, LIGHT: 0, MEMBER: 0 });
  });

  it('re-counts at once when a group is mapped to another type', async () => {
    const t = getApp();
    const { x, groups } = await world(t);
    await addMember(t, x, groups.prod!.LIGHT, await createPerson(t, x, 'Jo'));
    const r = await call(t, 'PATCH', `${orgPath(x)}/permission-groups/${groups.prod!.LIGHT}`, {
      token: x.tokens.admin,
      body: { userLicenseType: 'USER' },
    });
    assert.equal(r.status, 200);
    assert.deepEqual(used((await usersTab(t, x)).rows), { USER: 1, LIGHT: 0, MEMBER: 0 });
  });

  it('flags USER and LIGHT used beyond purchased with the account-manager message', async () => {
    const t = getApp();
    const { x, groups } = await world(t);
    await buyUserLicenses(t, x, 'USER', 1);
    await buyUserLicenses(t, x, 'LIGHT', 5);
    await addMember(t, x, groups.prod!.USER, await createPerson(t, x, 'Kim'));
    await addMember(t, x, groups.test!.USER, await createPerson(t, x, 'Lou'));
    await addMember(t, x, groups.prod!.LIGHT, await createPerson(t, x, 'Max'));
    const tab = await usersTab(t, x);
    assert.deepEqual(tab.rows, [
      ['USER', 1, 2, true],
      ['LIGHT', 5, 1, false],
      ['MEMBER', 0, 0, false],
    ]);
    assert.equal(tab.message, 'contact your account manager for a license adjustment');
  });

  it('adds up several purchases of one type and judges each paid type on its own', async () => {
    const t = getApp();
    const { x, groups } = await world(t);
    await buyUserLicenses(t, x, 'USER', 1);
    await buyUserLicenses(t, x, 'USER', 1);
    await addMember(t, x, groups.prod!.USER, await createPerson(t, x, 'Ned'));
    await addMember(t, x, groups.prod!.USER, await createPerson(t, x, 'Oz'));
    await addMember(t, x, groups.prod!.LIGHT, await createPerson(t, x, 'Pia'));
    const tab = await usersTab(t, x);
    assert.deepEqual(tab.rows, [
      ['USER', 2, 2, false],
      ['LIGHT', 0, 1, true],
      ['MEMBER', 0, 0, false],
    ]);
  });

  it('keeps tenants apart: another organization of the same vendor counts only its own people', async () => {
    const t = getApp();
    const { x, groups } = await world(t);
    await addMember(t, x, groups.prod!.USER, await createPerson(t, x, 'Quinn'));
    const org = await call(t, 'POST', `/v1/accounts/${x.accountId}/organizations`, {
      token: x.tokens.admin,
      body: { name: 'sibling' },
    });
    const sibling: Tenant = { ...x, organizationId: org.json.id };
    assert.deepEqual(used((await usersTab(t, sibling)).rows), { USER: 0, LIGHT: 0, MEMBER: 0 });
  });
});
