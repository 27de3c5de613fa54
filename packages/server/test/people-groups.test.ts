// People and permission groups through the API on both engines: create, search, update, delete,
// environment accounts, memberships, unique names, and the last-supervisor guard on people.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachEngine } from '../../db/test/test-databases.ts';
import { addMember, createEnvironment, createGroup, createPerson, orgPath } from './customer-org-fixtures.ts';
import { call, newTenant, useTestApp } from './harness.ts';
import { privilegedPerson } from './privilege-fixtures.ts';
import { assertProblem } from './security-suite.ts';

forEachEngine('people and permission groups', (engine) => {
  const getApp = useTestApp(engine);

  it('creates a person with environment accounts and shows their groups and user-license type', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const prod = await createEnvironment(t, x, 'PRODUCTION');
    const r = await call(t, 'POST', `${orgPath(x)}/people`, {
      token: x.tokens.orgAdmin,
      body: { username: 'ann.lee', email: 'ann@example.com', name: 'Ann Lee', environmentIds: [prod] },
    });
    assert.equal(r.status, 201, r.body);
    assert.deepEqual(
      [
        r.json.status,
        r.json.userLicenseType,
        r.json.environments.map((e: { environmentId: string }) => e.environmentId),
      ],
      ['ACTIVE', null, [prod]],
    );
    await addMember(t, x, await createGroup(t, x, prod, 'LIGHT'), r.json.id);
    const detail = await call(t, 'GET', `${orgPath(x)}/people/${r.json.id}`, { token: x.tokens.orgRead });
    assert.equal(detail.json.userLicenseType, 'LIGHT');
    assert.equal(detail.json.environments[0].groups.length, 1);
  });

  it('refuses a second person with the same username in any case (409)', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const body = { username: 'Bo', email: 'bo@example.com', name: 'Bo' };
    assert.equal(
      (await call(t, 'POST', `${orgPath(x)}/people`, { token: x.tokens.admin, body })).status,
      201,
    );
    const again = await call(t, 'POST', `${orgPath(x)}/people`, {
      token: x.tokens.admin,
      body: { ...body, username: 'bo' },
    });
    assertProblem(again, 409, 'CONFLICT');
  });

  it('refuses an environment of another organization when creating a person (400)', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const other = await newTenant(t);
    const foreign = await createEnvironment(t, other, 'PRODUCTION');
    const r = await call(t, 'POST', `${orgPath(x)}/people`, {
      token: x.tokens.admin,
      body: { username: 'cy', email: 'cy@example.com', name: 'Cy', environmentIds: [foreign] },
    });
    assertProblem(r, 400, 'INVALID_FIELD');
  });

  it('finds people by search text, status and environment', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const prod = await createEnvironment(t, x, 'PRODUCTION');
    const dee = await createPerson(t, x, 'Dee Searchable');
    await createPerson(t, x, 'Eve');
    await call(t, 'PUT', `${orgPath(x)}/people/${dee}/environments/${prod}`, { token: x.tokens.admin });
    const ids = async (query: string) =>
      (await call(t, 'GET', `${orgPath(x)}/people?${query}`, { token: x.tokens.admin })).json.data.map(
        (p: { id: string }) => p.id,
      );
    assert.deepEqual(await ids('q=searchable'), [dee]);
    assert.deepEqual(await ids(`environmentId=${prod}`), [dee]);
    assert.equal((await ids('status=ACTIVE')).length, 2);
    assert.deepEqual(await ids('status=DISABLED'), []);
  });

  it('refuses to disable or delete the last active supervisor (409 LAST_SUPERVISOR)', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const sue = await privilegedPerson(t, x, 'Sue', ['SUPERVISOR']);
    assertProblem(
      await call(t, 'PATCH', `${orgPath(x)}/people/${sue.id}`, {
        token: x.tokens.admin,
        body: { status: 'DISABLED' },
      }),
      409,
      'LAST_SUPERVISOR',
    );
    assertProblem(
      await call(t, 'DELETE', `${orgPath(x)}/people/${sue.id}`, { token: x.tokens.admin }),
      409,
      'LAST_SUPERVISOR',
    );
    await privilegedPerson(t, x, 'Sam', ['SUPERVISOR']);
    assert.equal(
      (await call(t, 'DELETE', `${orgPath(x)}/people/${sue.id}`, { token: x.tokens.admin })).status,
      204,
    );
  });

  it('deletes a person with their accounts, memberships and seats', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const prod = await createEnvironment(t, x, 'PRODUCTION');
    const group = await createGroup(t, x, prod, 'USER');
    const p = await createPerson(t, x, 'Gone');
    await addMember(t, x, group, p);
    assert.equal(
      (await call(t, 'DELETE', `${orgPath(x)}/people/${p}`, { token: x.tokens.admin })).status,
      204,
    );
    assertProblem(
      await call(t, 'GET', `${orgPath(x)}/people/${p}`, { token: x.tokens.admin }),
      404,
      'NOT_FOUND',
    );
    const g = await call(t, 'GET', `${orgPath(x)}/permission-groups/${group}`, { token: x.tokens.admin });
    assert.equal(g.json.memberCount, 0);
  });

  it('adds a member, giving them an account in the group’s environment, and removes them', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const prod = await createEnvironment(t, x, 'PRODUCTION');
    const group = await createGroup(t, x, prod, 'USER');
    const p = await createPerson(t, x, 'Member');
    await addMember(t, x, group, p);
    await addMember(t, x, group, p);
    const members = await call(t, 'GET', `${orgPath(x)}/permission-groups/${group}/members`, {
      token: x.tokens.orgRead,
    });
    assert.deepEqual(
      members.json.data.map((m: { id: string }) => m.id),
      [p],
    );
    const person = await call(t, 'GET', `${orgPath(x)}/people/${p}`, { token: x.tokens.admin });
    assert.deepEqual(
      person.json.environments.map((e: { environmentId: string }) => e.environmentId),
      [prod],
    );
    const url = `${orgPath(x)}/permission-groups/${group}/members/${p}`;
    assert.equal((await call(t, 'DELETE', url, { token: x.tokens.admin })).status, 204);
    assertProblem(await call(t, 'DELETE', url, { token: x.tokens.admin }), 404, 'NOT_FOUND');
  });

  it('refuses two groups of the same name in one environment but allows it in another', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const prod = await createEnvironment(t, x, 'PRODUCTION');
    const test = await createEnvironment(t, x, 'TEST', prod);
    const make = (environmentId: string, name: string) =>
      call(t, 'POST', `${orgPath(x)}/permission-groups`, {
        token: x.tokens.admin,
        body: { environmentId, name, userLicenseType: 'USER' },
      });
    assert.equal((await make(prod, 'Editors')).status, 201);
    assertProblem(await make(prod, 'editors'), 409, 'CONFLICT');
    assert.equal((await make(test, 'Editors')).status, 201);
  });

  it('lists groups of one environment and deletes a group, keeping the members’ accounts', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const prod = await createEnvironment(t, x, 'PRODUCTION');
    const prod2 = await createEnvironment(t, x, 'PRODUCTION');
    const group = await createGroup(t, x, prod, 'LIGHT');
    await createGroup(t, x, prod2, 'LIGHT');
    const p = await createPerson(t, x, 'Keeper');
    await addMember(t, x, group, p);
    const list = await call(t, 'GET', `${orgPath(x)}/permission-groups?environmentId=${prod}`, {
      token: x.tokens.admin,
    });
    assert.deepEqual(
      list.json.data.map((g: { id: string }) => g.id),
      [group],
    );
    assert.equal(
      (await call(t, 'DELETE', `${orgPath(x)}/permission-groups/${group}`, { token: x.tokens.admin })).status,
      204,
    );
    const person = await call(t, 'GET', `${orgPath(x)}/people/${p}`, { token: x.tokens.admin });
    assert.deepEqual([person.json.environments.length, person.json.userLicenseType], [1, null]);
  });
});
