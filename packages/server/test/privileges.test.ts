// Privilege levels inside a customer organization, over HTTP on both engines: who holds what
// (unbound tokens by role, person-bound tokens by the person's grants capped by the role), the
// supervisor rules (warning below two, never remove the last) and refusals that name supervisors.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachEngine } from '../../db/test/test-databases.ts';
import { call, newTenant, type Tenant, type TestApp, useTestApp } from './harness.ts';
import { addPerson, orgPath, privilegedPerson, privilegesPath, setPrivileges } from './privilege-fixtures.ts';
import { assertProblem } from './security-suite.ts';

const fileRequest = (t: TestApp, x: Tenant, token: string) =>
  call(t, 'POST', `${orgPath(x)}/change-requests`, {
    token,
    body: { kind: 'OTHER', payload: { text: 'Please add the AI add-on' } },
  });
const listRequests = (t: TestApp, x: Tenant, token: string) =>
  call(t, 'GET', `${orgPath(x)}/change-requests`, { token });
const myPrivileges = async (t: TestApp, x: Tenant, token: string) =>
  (await call(t, 'GET', `${orgPath(x)}/my-privileges`, { token })).json.privileges;

forEachEngine('organization privileges', (engine) => {
  const getApp = useTestApp(engine);

  it('gives unbound tokens their role’s privileges and vendors theirs by permission', async () => {
    const t = getApp();
    const x = await newTenant(t);
    assert.deepEqual(await myPrivileges(t, x, x.tokens.orgAdmin), ['SUPERVISOR', 'LICENSING', 'REPORTING']);
    assert.deepEqual(await myPrivileges(t, x, x.tokens.orgRead), ['REPORTING']);
    assert.deepEqual(await myPrivileges(t, x, x.tokens.admin), ['SUPERVISOR', 'LICENSING', 'REPORTING']);
    assert.deepEqual(await myPrivileges(t, x, x.tokens.readOnly), ['REPORTING']);
    assert.equal((await fileRequest(t, x, x.tokens.orgAdmin)).status, 201);
    assertProblem(await fileRequest(t, x, x.tokens.orgRead), 403, 'PRIVILEGE_REQUIRED');
    assert.equal((await listRequests(t, x, x.tokens.orgRead)).status, 200);
  });

  it('warns while fewer than two supervisors exist, on grants and in the supervisors list', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const supervisors = () => call(t, 'GET', `${orgPath(x)}/supervisors`, { token: x.tokens.orgRead });
    assert.match((await supervisors()).json.warning, /no supervisor/);
    const ann = await addPerson(t, x, 'Ann Lee');
    const first = await setPrivileges(t, x, ann.id, ['SUPERVISOR']);
    assert.match(first.json.warning, /only one supervisor/);
    assert.equal((await supervisors()).json.count, 1);
    const bo = await addPerson(t, x, 'Bo Chan');
    const second = await call(t, 'PUT', `${privilegesPath(x, bo.id)}/SUPERVISOR`, {
      token: x.tokens.orgAdmin,
    });
    assert.equal(second.status, 200, second.body);
    assert.deepEqual([second.json.privileges, second.json.warning], [['SUPERVISOR'], null]);
    const list = (await supervisors()).json;
    assert.deepEqual(
      [list.count, list.warning, list.data.map((s: { name: string }) => s.name)],
      [2, null, ['Ann Lee', 'Bo Chan']],
    );
  });

  it('refuses to remove the last supervisor, and allows it once another exists', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const ann = await privilegedPerson(t, x, 'Ann Lee', ['SUPERVISOR', 'LICENSING']);
    for (const attempt of [
      call(t, 'DELETE', `${privilegesPath(x, ann.id)}/SUPERVISOR`, { token: ann.token }),
      call(t, 'PUT', privilegesPath(x, ann.id), {
        token: x.tokens.orgAdmin,
        body: { privileges: ['LICENSING'] },
      }),
      call(t, 'PUT', privilegesPath(x, ann.id), { token: x.tokens.admin, body: { privileges: [] } }),
    ]) {
      const refused = await attempt;
      assertProblem(refused, 409, 'LAST_SUPERVISOR');
      assert.match(refused.json.detail, /last supervisor/);
    }
    const kept = await call(t, 'GET', privilegesPath(x, ann.id), { token: x.tokens.orgRead });
    assert.deepEqual(kept.json.privileges, ['SUPERVISOR', 'LICENSING']);
    const bo = await addPerson(t, x, 'Bo Chan');
    await setPrivileges(t, x, bo.id, ['SUPERVISOR']);
    const removed = await call(t, 'DELETE', `${privilegesPath(x, ann.id)}/SUPERVISOR`, { token: ann.token });
    assert.equal(removed.status, 200, removed.body);
    assert.deepEqual(removed.json.privileges, ['LICENSING']);
    assert.match(removed.json.warning, /only one supervisor/);
  });

  it('refuses a person without the privilege with a problem naming the supervisors to ask', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const ann = await privilegedPerson(t, x, 'Ann Lee', ['SUPERVISOR']);
    const bo = await privilegedPerson(t, x, 'Bo Chan', ['SUPERVISOR']);
    const cy = await privilegedPerson(t, x, 'Cy Diaz', ['REPORTING']);
    const refused = await fileRequest(t, x, cy.token);
    assertProblem(refused, 403, 'PRIVILEGE_REQUIRED');
    assert.equal(
      refused.json.detail,
      `This action needs the LICENSING privilege in your organization. Ask a supervisor: Ann Lee <${ann.email}>, Bo Chan <${bo.email}>`,
    );
    assert.deepEqual(refused.json.supervisors, [
      { id: ann.id, name: 'Ann Lee', email: ann.email },
      { id: bo.id, name: 'Bo Chan', email: bo.email },
    ]);
    assert.deepEqual(refused.json.required, ['LICENSING']);
    const grant = await call(t, 'PUT', `${privilegesPath(x, cy.id)}/LICENSING`, { token: cy.token });
    assertProblem(grant, 403, 'PRIVILEGE_REQUIRED');
    assert.match(grant.json.detail, /needs the SUPERVISOR privilege/);
  });

  it('says so when the organization has no supervisor to ask', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const cy = await privilegedPerson(t, x, 'Cy Diaz', ['REPORTING']);
    const refused = await fileRequest(t, x, cy.token);
    assertProblem(refused, 403, 'PRIVILEGE_REQUIRED');
    assert.deepEqual(refused.json.supervisors, []);
    assert.match(refused.json.detail, /no supervisor yet: ask your account manager/);
  });

  it('lets each privilege do its own part only: SUPERVISOR manages, LICENSING files, REPORTING reads', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const sup = await privilegedPerson(t, x, 'Sue Pervisor', ['SUPERVISOR']);
    const lic = await privilegedPerson(t, x, 'Lee Censing', ['LICENSING']);
    const rep = await privilegedPerson(t, x, 'Rey Porting', ['REPORTING']);
    const none = await privilegedPerson(t, x, 'No Body', []);
    // SUPERVISOR: grants, but files and reads no requests.
    assert.equal(
      (await call(t, 'PUT', `${privilegesPath(x, none.id)}/REPORTING`, { token: sup.token })).status,
      200,
    );
    assertProblem(await fileRequest(t, x, sup.token), 403, 'PRIVILEGE_REQUIRED');
    assertProblem(await listRequests(t, x, sup.token), 403, 'PRIVILEGE_REQUIRED');
    // LICENSING: files and follows its requests, grants nothing.
    assert.equal((await fileRequest(t, x, lic.token)).status, 201);
    assert.equal((await listRequests(t, x, lic.token)).status, 200);
    assertProblem(
      await call(t, 'PUT', `${privilegesPath(x, lic.id)}/SUPERVISOR`, { token: lic.token }),
      403,
      'PRIVILEGE_REQUIRED',
    );
    // REPORTING: reads only.
    assert.equal((await listRequests(t, x, rep.token)).status, 200);
    assertProblem(await fileRequest(t, x, rep.token), 403, 'PRIVILEGE_REQUIRED');
    // Several privileges add up.
    await setPrivileges(t, x, rep.id, ['REPORTING', 'LICENSING']);
    assert.equal((await fileRequest(t, x, rep.token)).status, 201);
    assert.deepEqual(await myPrivileges(t, x, rep.token), ['LICENSING', 'REPORTING']);
  });

  it('caps a person-bound org-read token at REPORTING whatever the person holds', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const ann = await privilegedPerson(t, x, 'Ann Lee', ['SUPERVISOR', 'LICENSING', 'REPORTING'], 'org-read');
    assert.deepEqual(await myPrivileges(t, x, ann.token), ['REPORTING']);
    assertProblem(await fileRequest(t, x, ann.token), 403, 'PRIVILEGE_REQUIRED');
  });

  it('reads privileges at request time: a revoked grant or a disabled person stops working at once', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const lic = await privilegedPerson(t, x, 'Lee Censing', ['LICENSING']);
    assert.equal((await fileRequest(t, x, lic.token)).status, 201);
    await setPrivileges(t, x, lic.id, []);
    assertProblem(await fileRequest(t, x, lic.token), 403, 'PRIVILEGE_REQUIRED');
    await setPrivileges(t, x, lic.id, ['LICENSING']);
    const setStatus = (status: 'ACTIVE' | 'DISABLED') =>
      call(t, 'PATCH', `${orgPath(x)}/people/${lic.id}`, { token: x.tokens.orgAdmin, body: { status } });
    assert.equal((await setStatus('DISABLED')).status, 200);
    // Every request of the disabled person's token is refused, self-service included.
    assertProblem(await fileRequest(t, x, lic.token), 403, 'PERSON_DISABLED');
    assertProblem(await call(t, 'GET', '/v1/me/licenses', { token: lic.token }), 403, 'PERSON_DISABLED');
    assertProblem(
      await call(t, 'GET', `${orgPath(x)}/environments`, { token: lic.token }),
      403,
      'PERSON_DISABLED',
    );
    assert.equal((await setStatus('ACTIVE')).status, 200);
    assert.equal((await fileRequest(t, x, lic.token)).status, 201);
  });

  it('does not count a disabled supervisor, nor name them', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const ann = await addPerson(t, x, 'Ann Lee', { status: 'DISABLED' });
    const granted = await setPrivileges(t, x, ann.id, ['SUPERVISOR']);
    assert.match(granted.json.warning, /no supervisor/);
    const list = await call(t, 'GET', `${orgPath(x)}/supervisors`, { token: x.tokens.orgAdmin });
    assert.deepEqual(list.json.data, []);
  });

  it('binds tokens only to people of the token’s organization, and bound tokens mint only for themselves', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const other = await newTenant(t);
    const stranger = await addPerson(t, other, 'Stan Ger');
    const mint = (token: string, extra: Record<string, unknown>) =>
      call(t, 'POST', '/v1/tokens', {
        token,
        body: {
          kind: 'organization',
          name: 'n',
          roles: ['org-read'],
          organizationId: x.organizationId,
          ...extra,
        },
      });
    assertProblem(
      await mint(x.tokens.admin, { accountId: x.accountId, personId: stranger.id }),
      404,
      'NOT_FOUND',
    );
    const lic = await privilegedPerson(t, x, 'Lee Censing', ['LICENSING']);
    const own = await mint(lic.token, {});
    assert.equal(own.status, 201, own.body);
    assert.equal(own.json.token.personId, lic.id);
    const bo = await addPerson(t, x, 'Bo Chan');
    assertProblem(await mint(lic.token, { personId: bo.id }), 403, 'FORBIDDEN');
    const accountToken = await call(t, 'POST', '/v1/tokens', {
      token: x.tokens.admin,
      body: { kind: 'account', name: 'n', roles: ['read-only'], accountId: x.accountId, personId: bo.id },
    });
    assertProblem(accountToken, 400, 'INVALID_FIELD');
  });

  it('deletes a person’s tokens with the person, so they never become unbound', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const lic = await privilegedPerson(t, x, 'Lee Censing', ['LICENSING']);
    await t.database.db.deleteFrom('people').where('id', '=', lic.id).execute();
    t.ctx.principals.clear();
    assertProblem(await fileRequest(t, x, lic.token), 401, 'UNAUTHENTICATED');
  });

  it('lets vendors read and manage privileges by permission, and hides other tenants', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const other = await newTenant(t);
    const ann = await addPerson(t, x, 'Ann Lee');
    const put = (token: string) =>
      call(t, 'PUT', privilegesPath(x, ann.id), { token, body: { privileges: ['SUPERVISOR'] } });
    assertProblem(await put(x.tokens.readOnly), 403, 'FORBIDDEN');
    assertProblem(await put(other.tokens.admin), 404, 'NOT_FOUND');
    assert.equal((await put(x.tokens.developer)).status, 200);
    const holders = await call(t, 'GET', `${orgPath(x)}/privileges`, { token: x.tokens.readOnly });
    assert.deepEqual(
      holders.json.data.map((p: { personId: string; privileges: string[] }) => [p.personId, p.privileges]),
      [[ann.id, ['SUPERVISOR']]],
    );
    // A person of a sibling organization is a missing one.
    const sibling = await call(t, 'POST', `/v1/accounts/${x.accountId}/organizations`, {
      token: x.tokens.admin,
      body: { name: 'Sibling' },
    });
    const cousin = await addPerson(t, x, 'Cou Sin', { organizationId: sibling.json.id });
    assertProblem(
      await call(t, 'GET', privilegesPath(x, cousin.id), { token: x.tokens.orgAdmin }),
      404,
      'NOT_FOUND',
    );
  });

  it('serializes concurrent removals: two supervisors removing each other leave one', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const ann = await privilegedPerson(t, x, 'Ann Lee', ['SUPERVISOR']);
    const bo = await privilegedPerson(t, x, 'Bo Chan', ['SUPERVISOR']);
    const [a, b] = await Promise.all([
      call(t, 'DELETE', `${privilegesPath(x, bo.id)}/SUPERVISOR`, { token: ann.token }),
      call(t, 'DELETE', `${privilegesPath(x, ann.id)}/SUPERVISOR`, { token: bo.token }),
    ]);
    const statuses = [a.status, b.status].sort();
    // The second either finds its caller no longer a supervisor (403) or the target the last one (409).
    assert.equal(statuses[0], 200, `${a.body} ${b.body}`);
    assert.ok([403, 409].includes(statuses[1]!), `${a.body} ${b.body}`);
    const list = await call(t, 'GET', `${orgPath(x)}/supervisors`, { token: x.tokens.orgAdmin });
    assert.equal(list.json.count, 1);
  });

  it('records each privilege change as an audit event', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const ann = await addPerson(t, x, 'Ann Lee');
    await setPrivileges(t, x, ann.id, ['SUPERVISOR', 'REPORTING']);
    await setPrivileges(t, x, ann.id, ['SUPERVISOR', 'REPORTING']); // no change, no event
    await call(t, 'DELETE', `${privilegesPath(x, ann.id)}/REPORTING`, { token: x.tokens.orgAdmin });
    const events = await call(t, 'GET', `/v1/audit/events?accountId=${x.accountId}&targetId=${ann.id}`, {
      token: x.tokens.admin,
    });
    assert.deepEqual(
      events.json.data.map((e: { action: string; changes: unknown }) => [e.action, e.changes]),
      [
        [
          'person.privileges_changed',
          { organizationId: x.organizationId, granted: ['SUPERVISOR', 'REPORTING'], removed: [] },
        ],
        [
          'person.privileges_changed',
          { organizationId: x.organizationId, granted: [], removed: ['REPORTING'] },
        ],
      ],
    );
  });
});
