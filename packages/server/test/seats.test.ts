// Named-user seats through the API on both engines: assign, unassign, transfer, the capacity from
// the license's user limit (policy maxUsers, overridable), concurrency, utilization and self-service.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachEngine } from '../../db/test/test-databases.ts';
import { addMember, createEnvironment, createGroup, createPerson, orgPath } from './customer-org-fixtures.ts';
import { call, newTenant, type Tenant, type TestApp, useTestApp } from './harness.ts';
import { personToken, privilegedPerson } from './privilege-fixtures.ts';
import { assertProblem } from './security-suite.ts';
import { licenseFixture } from './validation-helpers.ts';

async function namedUserLicense(t: TestApp, x: Tenant, maxUsers: number | null, overrides = {}) {
  return licenseFixture(t, x, { model: 'SUBSCRIPTION', durationIso: 'P1Y', maxUsers }, { overrides });
}
const seats = (x: Tenant, licenseId: string) => `${orgPath(x)}/licenses/${licenseId}/seats`;
const assign = (t: TestApp, x: Tenant, licenseId: string, personId: string, token = x.tokens.admin) =>
  call(t, 'POST', seats(x, licenseId), { token, body: { personId } });

forEachEngine('seats', (engine) => {
  const getApp = useTestApp(engine);

  it('assigns seats up to the user limit and refuses the next with SEATS_EXHAUSTED', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const f = await namedUserLicense(t, x, 2);
    const [a, b, c] = [
      await createPerson(t, x, 'A'),
      await createPerson(t, x, 'B'),
      await createPerson(t, x, 'C'),
    ];
    assert.equal((await assign(t, x, f.licenseId, a)).status, 201);
    assert.equal((await assign(t, x, f.licenseId, b)).status, 201);
    const refused = await assign(t, x, f.licenseId, c);
    assertProblem(refused, 409, 'SEATS_EXHAUSTED');
    assert.equal(refused.json.capacity, 2);
    const list = await call(t, 'GET', seats(x, f.licenseId), { token: x.tokens.orgRead });
    assert.equal(list.status, 200);
    assert.deepEqual(
      {
        capacity: list.json.license.capacity,
        assigned: list.json.license.assigned,
        available: list.json.license.available,
      },
      { capacity: 2, assigned: 2, available: 0 },
    );
    assert.deepEqual(list.json.data.map((s: { personId: string }) => s.personId).sort(), [a, b].sort());
  });

  it('hands out exactly the free seats under 20 concurrent assignments', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const f = await namedUserLicense(t, x, 5);
    const people = [];
    for (let i = 0; i < 20; i++) people.push(await createPerson(t, x, `P${i}`));
    const results = await Promise.all(people.map((p) => assign(t, x, f.licenseId, p)));
    assert.equal(results.filter((r) => r.status === 201).length, 5);
    assert.equal(results.filter((r) => r.status === 409 && r.json.code === 'SEATS_EXHAUSTED').length, 15);
  });

  it('takes the capacity from the license override when it has one', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const f = await namedUserLicense(t, x, 1, { maxUsers: 3 });
    const list = await call(t, 'GET', seats(x, f.licenseId), { token: x.tokens.admin });
    assert.equal(list.json.license.capacity, 3);
  });

  it('refuses seats on a license without a user limit, and a second seat for one person', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const unlimited = await namedUserLicense(t, x, null);
    const p = await createPerson(t, x, 'Pat');
    assertProblem(await assign(t, x, unlimited.licenseId, p), 409, 'CONFLICT');
    const f = await namedUserLicense(t, x, 3);
    assert.equal((await assign(t, x, f.licenseId, p)).status, 201);
    assertProblem(await assign(t, x, f.licenseId, p), 409, 'CONFLICT');
  });

  it('refuses a seat for a disabled person and for a person of another organization (404)', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const other = await newTenant(t);
    const f = await namedUserLicense(t, x, 3);
    const p = await createPerson(t, x, 'Dis');
    await call(t, 'PATCH', `${orgPath(x)}/people/${p}`, {
      token: x.tokens.admin,
      body: { status: 'DISABLED' },
    });
    assertProblem(await assign(t, x, f.licenseId, p), 409, 'CONFLICT');
    assertProblem(
      await assign(t, x, f.licenseId, await createPerson(t, other, 'Stranger')),
      404,
      'NOT_FOUND',
    );
  });

  it('unassigns a seat, freeing it for someone else', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const f = await namedUserLicense(t, x, 1);
    const [a, b] = [await createPerson(t, x, 'A'), await createPerson(t, x, 'B')];
    await assign(t, x, f.licenseId, a);
    const r = await call(t, 'DELETE', `${seats(x, f.licenseId)}/${a}`, { token: x.tokens.admin });
    assert.equal(r.status, 204);
    assert.equal((await assign(t, x, f.licenseId, b)).status, 201);
    assertProblem(
      await call(t, 'DELETE', `${seats(x, f.licenseId)}/${a}`, { token: x.tokens.admin }),
      404,
      'NOT_FOUND',
    );
  });

  it('transfers a seat on a full license without freeing it in between', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const f = await namedUserLicense(t, x, 1);
    const [a, b] = [await createPerson(t, x, 'A'), await createPerson(t, x, 'B')];
    await assign(t, x, f.licenseId, a);
    const r = await call(t, 'POST', `${seats(x, f.licenseId)}/transfer`, {
      token: x.tokens.admin,
      body: { fromPersonId: a, toPersonId: b },
    });
    assert.equal(r.status, 200, r.body);
    assert.equal(r.json.personId, b);
    const list = await call(t, 'GET', seats(x, f.licenseId), { token: x.tokens.admin });
    assert.deepEqual(
      list.json.data.map((s: { personId: string }) => s.personId),
      [b],
    );
    const again = await call(t, 'POST', `${seats(x, f.licenseId)}/transfer`, {
      token: x.tokens.admin,
      body: { fromPersonId: a, toPersonId: b },
    });
    assertProblem(again, 404, 'NOT_FOUND');
  });

  it('reports utilization per license and per environment', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const prod = await createEnvironment(t, x, 'PRODUCTION');
    const f1 = await namedUserLicense(t, x, 4);
    const f2 = await namedUserLicense(t, x, 2);
    await namedUserLicense(t, x, null);
    for (const f of [f1, f2]) {
      await call(t, 'PUT', `${orgPath(x)}/licenses/${f.licenseId}/environment`, {
        token: x.tokens.admin,
        body: { environmentId: prod },
      });
    }
    await assign(t, x, f1.licenseId, await createPerson(t, x, 'A'));
    await assign(t, x, f2.licenseId, await createPerson(t, x, 'B'));
    await assign(t, x, f2.licenseId, await createPerson(t, x, 'C'));
    const r = await call(t, 'GET', `${orgPath(x)}/seat-utilization`, { token: x.tokens.orgRead });
    assert.equal(r.status, 200, r.body);
    assert.equal(r.json.licenses.length, 2);
    assert.deepEqual(
      r.json.environments.map((e: Record<string, unknown>) => [
        e.environmentId,
        e.licenseCount,
        e.capacity,
        e.assigned,
      ]),
      [[prod, 2, 6, 3]],
    );
    assert.deepEqual(r.json.total, { capacity: 6, assigned: 3, available: 3, ratio: 0.5 });
  });

  it('lets a person see their own licenses with a personal token, and nobody else’s', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const prod = await createEnvironment(t, x, 'PRODUCTION');
    const f = await namedUserLicense(t, x, 3);
    await call(t, 'PUT', `${orgPath(x)}/licenses/${f.licenseId}/environment`, {
      token: x.tokens.admin,
      body: { environmentId: prod },
    });
    const me = await createPerson(t, x, 'Me');
    const someone = await createPerson(t, x, 'Someone');
    await addMember(t, x, await createGroup(t, x, prod, 'LIGHT'), me);
    await assign(t, x, f.licenseId, me);
    const token = await personToken(t, x, me, 'org-read');
    const mine = await call(t, 'GET', '/v1/me/licenses', { token });
    assert.equal(mine.status, 200, mine.body);
    assert.equal(mine.json.person.id, me);
    assert.equal(mine.json.userLicenseType, 'LIGHT');
    assert.deepEqual(
      mine.json.seats.map((s: { licenseId: string }) => s.licenseId),
      [f.licenseId],
    );
    assert.deepEqual(
      mine.json.environments[0].products.map((p: { productId: string }) => p.productId),
      [f.productId],
    );
    const own = await call(t, 'GET', `${orgPath(x)}/people/${me}/licenses`, { token });
    assert.equal(own.status, 200);
    assertProblem(
      await call(t, 'GET', `${orgPath(x)}/people/${someone}/licenses`, { token }),
      403,
      'PRIVILEGE_REQUIRED',
    );
    assertProblem(await call(t, 'GET', '/v1/me/licenses', { token: x.tokens.orgAdmin }), 403, 'FORBIDDEN');
  });

  it('needs LICENSING to assign seats: a REPORTING-only person is refused', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const f = await namedUserLicense(t, x, 3);
    const p = await createPerson(t, x, 'Target');
    const reporter = await privilegedPerson(t, x, 'Rita', ['REPORTING']);
    const licenser = await privilegedPerson(t, x, 'Lars', ['LICENSING']);
    assertProblem(await assign(t, x, f.licenseId, p, reporter.token), 403, 'PRIVILEGE_REQUIRED');
    assert.equal((await assign(t, x, f.licenseId, p, licenser.token)).status, 201);
  });
});
