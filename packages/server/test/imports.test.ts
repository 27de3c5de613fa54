// CSV imports through the API on both engines: dry runs write nothing, applies write everything or
// nothing (a bad row in the middle names its line), re-imports are unchanged, groups and assignments.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachEngine } from '../../db/test/test-databases.ts';
import { orgPath } from './customer-org-fixtures.ts';
import { call, newTenant, type Tenant, type TestApp, useTestApp } from './harness.ts';
import { addPerson, setPrivileges } from './privilege-fixtures.ts';
import { assertProblem } from './security-suite.ts';

const PEOPLE_HEADER = 'username,email,name,status,environments';

/** A people file of `n` rows; `bad` maps a row index to a replacement row. */
function peopleCsv(n: number, bad: Record<number, string> = {}): string {
  const rows = Array.from(
    { length: n },
    (_, i) => bad[i] ?? `user${i},user${i}@example.com,User ${i},,Production`,
  );
  return `${[PEOPLE_HEADER, ...rows].join('\n')}\n`;
}

async function importCsv(
  t: TestApp,
  x: Tenant,
  kind: string,
  csv: string,
  dryRun: boolean,
  token = x.tokens.admin,
) {
  return call(t, 'POST', `${orgPath(x)}/imports/${kind}?dryRun=${dryRun}`, {
    token,
    body: csv,
    headers: { 'content-type': 'text/csv; charset=utf-8' },
  });
}

async function environment(t: TestApp, x: Tenant, name: string): Promise<string> {
  const r = await call(t, 'POST', `${orgPath(x)}/environments`, {
    token: x.tokens.admin,
    body: { name, kind: 'PRODUCTION' },
  });
  assert.equal(r.status, 201, r.body);
  return r.json.id;
}

async function peopleCount(t: TestApp, x: Tenant): Promise<number> {
  const r = await t.database.db
    .selectFrom('people')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('organization_id', '=', x.organizationId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

forEachEngine('CSV imports', (engine) => {
  const getApp = useTestApp(engine);

  it('answers a dry run with counts, changes and bad rows, and writes nothing', async () => {
    const t = getApp();
    const x = await newTenant(t);
    await environment(t, x, 'Production');
    const r = await importCsv(
      t,
      x,
      'people',
      peopleCsv(5, { 3: 'user3,not-an-email,User 3,,Production' }),
      true,
    );
    assert.equal(r.status, 200, r.body);
    assert.deepEqual(
      [r.json.dryRun, r.json.rows, r.json.create, r.json.update, r.json.unchanged, r.json.errorCount],
      [true, 5, 4, 0, 0, 1],
    );
    assert.deepEqual(r.json.errors, [{ line: 5, field: 'email', reason: 'invalid email "not-an-email"' }]);
    assert.deepEqual(r.json.changes[0], { line: 2, action: 'create', key: 'user0', fields: [] });
    assert.equal(await peopleCount(t, x), 0);
  });

  it('applies a people file: people with their environment accounts and one audit event', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const prod = await environment(t, x, 'Production');
    const r = await importCsv(t, x, 'people', peopleCsv(3), false, x.tokens.orgAdmin);
    assert.equal(r.status, 200, r.body);
    assert.deepEqual([r.json.dryRun, r.json.create, r.json.errorCount], [false, 3, 0]);
    const listed = await call(t, 'GET', `${orgPath(x)}/people?environmentId=${prod}`, {
      token: x.tokens.admin,
    });
    assert.deepEqual(listed.json.data.map((p: { username: string }) => p.username).sort(), [
      'user0',
      'user1',
      'user2',
    ]);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'changes'])
      .where('target_id', '=', x.organizationId)
      .where('action', '=', 'import.people')
      .execute();
    assert.equal(audit.length, 1);
    assert.deepEqual(audit[0]!.changes, { rows: 3, create: 3, update: 0, unchanged: 0 });
  });

  it('writes nothing when one row in the middle of a 1,000-row file is bad, and names its line', async () => {
    const t = getApp();
    const x = await newTenant(t);
    await environment(t, x, 'Production');
    const csv = peopleCsv(1000, { 499: 'user499,user499@example.com,User 499,,Staging' });
    const r = await importCsv(t, x, 'people', csv, false);
    assertProblem(r, 422, 'IMPORT_INVALID');
    assert.deepEqual(r.json.errors, [
      { line: 501, field: 'environments', reason: 'unknown environment "Staging"' },
    ]);
    assert.equal(r.json.errorCount, 1);
    assert.match(r.json.detail, /line 501/);
    assert.equal(await peopleCount(t, x), 0);
  });

  it('is idempotent: importing the same file again changes nothing; an edited row is one update', async () => {
    const t = getApp();
    const x = await newTenant(t);
    await environment(t, x, 'Production');
    await environment(t, x, 'Training');
    assert.equal((await importCsv(t, x, 'people', peopleCsv(1000), false)).json.create, 1000);
    const again = await importCsv(t, x, 'people', peopleCsv(1000), false);
    assert.deepEqual([again.json.create, again.json.update, again.json.unchanged], [0, 0, 1000]);
    const edited = peopleCsv(1000, { 7: 'USER7,new7@example.com,User 7,DISABLED,Training' });
    const r = await importCsv(t, x, 'people', edited, false);
    assert.deepEqual([r.json.create, r.json.update, r.json.unchanged], [0, 1, 999]);
    assert.deepEqual(r.json.changes, [
      { line: 9, action: 'update', key: 'USER7', fields: ['username', 'email', 'status', 'environments'] },
    ]);
    const person = await call(t, 'GET', `${orgPath(x)}/people?q=new7`, { token: x.tokens.admin });
    assert.deepEqual(
      [person.json.data[0].username, person.json.data[0].status],
      ['USER7', 'DISABLED'],
      'environment accounts are added, never removed',
    );
    assert.equal(await peopleCount(t, x), 1000);
  });

  it('imports permission groups and assignments; a membership gives the environment account', async () => {
    const t = getApp();
    const x = await newTenant(t);
    await environment(t, x, 'Production');
    await environment(t, x, 'Test');
    await importCsv(t, x, 'people', `${PEOPLE_HEADER}\nann,ann@example.com,Ann,,\n`, false);
    const groups = 'environment,name,user_license_type\nProduction,Editors,USER\nTest,Readers,MEMBER\n';
    assert.equal((await importCsv(t, x, 'groups', groups, false)).json.create, 2);
    const retyped = await importCsv(t, x, 'groups', groups.replace('Readers,MEMBER', 'Readers,LIGHT'), false);
    assert.deepEqual([retyped.json.update, retyped.json.unchanged], [1, 1]);
    const assignments = 'username,environment,group\nANN,production,editors\nann,Test,Readers\n';
    const r = await importCsv(t, x, 'assignments', assignments, false);
    assert.deepEqual([r.json.create, r.json.errorCount], [2, 0]);
    const id = (await call(t, 'GET', `${orgPath(x)}/people?q=ann`, { token: x.tokens.admin })).json.data[0]
      .id;
    const detail = await call(t, 'GET', `${orgPath(x)}/people/${id}`, { token: x.tokens.admin });
    assert.equal(detail.json.userLicenseType, 'USER');
    assert.deepEqual(
      detail.json.environments
        .map((e: { name: string; groups: { name: string }[] }) => [e.name, e.groups[0]?.name])
        .sort(),
      [
        ['Production', 'Editors'],
        ['Test', 'Readers'],
      ],
    );
    assert.equal((await importCsv(t, x, 'assignments', assignments, false)).json.unchanged, 2);
  });

  it('refuses to disable the last active supervisor (422 naming the row)', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const sue = await addPerson(t, x, 'Sue');
    await setPrivileges(t, x, sue.id, ['SUPERVISOR']);
    const username = sue.email.split('@')[0];
    const r = await importCsv(
      t,
      x,
      'people',
      `${PEOPLE_HEADER}\n${username},${sue.email},Sue,DISABLED,\n`,
      false,
    );
    assertProblem(r, 422, 'IMPORT_INVALID');
    assert.equal(r.json.errors[0].line, 2);
    assert.match(r.json.errors[0].reason, /last active supervisor/);
  });

  it('reports a wrong header as a line-1 error and refuses bodies that are not text/csv (415)', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const header = await importCsv(t, x, 'groups', 'environment,name\nProduction,Editors\n', true);
    assert.deepEqual(header.json.errors, [
      { line: 1, field: 'user_license_type', reason: 'missing column "user_license_type"' },
    ]);
    const json = await call(t, 'POST', `${orgPath(x)}/imports/people`, {
      token: x.tokens.admin,
      body: { a: 1 },
    });
    assertProblem(json, 415, 'UNSUPPORTED_MEDIA_TYPE');
    const plain = await call(t, 'POST', `${orgPath(x)}/imports/people`, {
      token: x.tokens.admin,
      body: 'username,email,name\n',
      headers: { 'content-type': 'text/plain' },
    });
    assertProblem(plain, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('takes files over the global 1 MiB body limit on this route, up to 20 MiB (413 above)', async () => {
    const t = getApp();
    const x = await newTenant(t);
    await environment(t, x, 'Production');
    const big = peopleCsv(30_000);
    assert.ok(big.length > 1_048_576);
    const r = await importCsv(t, x, 'people', big, true);
    assert.equal(r.status, 200, r.body.slice(0, 300));
    assert.deepEqual([r.json.rows, r.json.create, r.json.changes.length], [30_000, 30_000, 100]);
    const huge = `${PEOPLE_HEADER}\n${'x'.repeat(21 * 1024 * 1024)}\n`;
    assertProblem(await importCsv(t, x, 'people', huge, true), 413, 'PAYLOAD_TOO_LARGE');
  });

  it('needs LICENSING: an org-read token is refused with the supervisors to ask', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const r = await importCsv(t, x, 'people', peopleCsv(1), true, x.tokens.orgRead);
    assertProblem(r, 403, 'PRIVILEGE_REQUIRED');
    assert.ok(Array.isArray(r.json.supervisors), 'the refusal lists the supervisors to ask');
  });
});
