// `licentia change-request …` against a served test app: a customer files and follows a request, the
// vendor works it from its queue, and refusals (privilege, tenancy, status flow, bad flags) come out
// as the other commands print them, with their exit codes.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachEngine } from '../../db/test/test-databases.ts';
import { call, newTenant, type Tenant } from '../../server/test/harness.ts';
import { seedYearlyLicense } from '../../server/test/security-routes/licenses.ts';
import { type ServedApp, useServedTestApp } from './cli-harness.ts';

/** Files an OTHER request through the CLI as the organization's admin token; returns its JSON answer. */
async function fileOther(s: ServedApp, x: Tenant, text = 'Please call me') {
  const r = await s.cli(
    x.tokens.orgAdmin,
    'change-request',
    'file',
    '--kind',
    'OTHER',
    '--text',
    text,
    '--json',
  );
  assert.equal(r.code, 0, r.stderr);
  return r.json();
}

forEachEngine('licentia change-request', (engine) => {
  const served = useServedTestApp(engine);

  it('files a request and prints its case number; the customer lists it and shows it by id or case', async () => {
    const s = served();
    const x = await newTenant(s.t);
    const org = ['--org', x.organizationId];
    const filed = await s.cli(
      x.tokens.orgAdmin,
      'change-request',
      'file',
      ...org,
      '--kind',
      'OTHER',
      '--text',
      'Please call me',
      '--subject',
      'A call',
    );
    assert.equal(filed.code, 0, filed.stderr);
    assert.match(filed.stdout, /^case\s+CASE-000001$/m);
    assert.match(filed.stdout, /^status\s+OPEN$/m);
    assert.match(filed.stdout, /^next\s+IN_PROGRESS,REJECTED$/m);

    const f = await seedYearlyLicense(s.t, x);
    const seats = await s.cli(
      x.tokens.orgAdmin,
      'change-request',
      'file',
      ...org,
      '--kind',
      'ADD_SEATS',
      '--license',
      f.licenseId,
      '--quantity',
      '5',
      '--json',
    );
    assert.equal(seats.code, 0, seats.stderr);
    const added = seats.json();
    assert.deepEqual(
      [added.caseNumber, added.kind, added.payload, added.subject, added.comments],
      [
        'CASE-000002',
        'ADD_SEATS',
        { licenseId: f.licenseId, quantity: 5 },
        `Add 5 seat(s) to license ${f.licenseId}`,
        [],
      ],
    );

    const table = await s.cli(x.tokens.orgRead, 'change-request', 'list', ...org);
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stdout, /^CASE\s+ID\s+STATUS\s+KIND\s+CREATED\s+SUBJECT$/m);
    assert.match(table.stdout, /^CASE-000001\s+creq_\w+\s+OPEN\s+OTHER\s+\S+\s+A call$/m);
    assert.match(table.stdout, /^CASE-000002\s+creq_\w+\s+OPEN\s+ADD_SEATS\s/m);
    const paged = (await s.cli(x.tokens.orgRead, 'change-request', 'list', '--limit', '1', '--json')).json();
    assert.deepEqual([paged.data.length, paged.data[0].caseNumber], [1, 'CASE-000001']);
    const next = await s.cli(
      x.tokens.orgRead,
      'change-request',
      'list',
      '--cursor',
      paged.nextCursor,
      '--json',
    );
    assert.deepEqual(
      next.json().data.map((r: { caseNumber: string }) => r.caseNumber),
      ['CASE-000002'],
    );

    const byCase = await s.cli(x.tokens.orgRead, 'change-request', 'show', ...org, 'CASE-000002');
    assert.equal(byCase.code, 0, byCase.stderr);
    assert.match(byCase.stdout, new RegExp(`^id\\s+${added.id}$`, 'm'));
    assert.match(byCase.stdout, /^Comments\n\(none\)$/m);
    const byId = await s.cli(x.tokens.orgRead, 'change-request', 'show', added.id, '--json');
    assert.deepEqual([byId.json().caseNumber, byId.json().comments], ['CASE-000002', []]);
  });

  it('lets the vendor see the request in its queue, comment and move it; the customer then sees both', async () => {
    const s = served();
    const x = await newTenant(s.t);
    const filed = await fileOther(s, x);
    const queue = await s.cli(x.tokens.readOnly, 'change-request', 'queue', '--status', 'OPEN');
    assert.equal(queue.code, 0, queue.stderr);
    assert.match(queue.stdout, /^CASE\s+ID\s+STATUS\s+ORGANIZATION\s+KIND\s+CREATED\s+SUBJECT$/m);
    assert.match(
      queue.stdout,
      new RegExp(`^CASE-000001\\s+${filed.id}\\s+OPEN\\s+${x.organizationId}\\s+OTHER\\s`, 'm'),
    );
    const byOrg = await s.cli(x.tokens.admin, 'change-request', 'queue', '--org', x.organizationId, '--json');
    assert.deepEqual(
      byOrg.json().data.map((r: { id: string }) => r.id),
      [filed.id],
    );

    const said = await s.cli(
      x.tokens.admin,
      'change-request',
      'comment',
      filed.id,
      '--text',
      'We will call you',
    );
    assert.equal(said.code, 0, said.stderr);
    assert.match(said.stdout, /^side\s+VENDOR$/m);
    const moved = await s.cli(
      x.tokens.developer,
      'change-request',
      'status',
      'CASE-000001',
      'IN_PROGRESS',
      '--note',
      'Calling today',
      '--json',
    );
    assert.equal(moved.code, 0, moved.stderr);
    assert.deepEqual(
      [moved.json().status, moved.json().nextStatuses],
      ['IN_PROGRESS', ['RESOLVED', 'REJECTED']],
    );

    const seen = await s.cli(x.tokens.orgRead, 'change-request', 'show', 'CASE-000001');
    assert.equal(seen.code, 0, seen.stderr);
    assert.match(seen.stdout, /^status\s+IN_PROGRESS$/m);
    assert.match(seen.stdout, /^CREATED\s+SIDE\s+AUTHOR\s+TEXT$/m);
    assert.match(seen.stdout, /\sVENDOR\s+account-token\s+We will call you$/m);
    assert.match(seen.stdout, /\sVENDOR\s+account-token\s+Calling today$/m);
    const answered = await s.cli(
      x.tokens.orgAdmin,
      'change-request',
      'comment',
      'CASE-000001',
      '--text',
      'Thanks',
      '--json',
    );
    assert.equal(answered.code, 0, answered.stderr);
    assert.deepEqual([answered.json().side, answered.json().body], ['ORGANIZATION', 'Thanks']);
    const inProgress = await s.cli(
      x.tokens.orgRead,
      'change-request',
      'list',
      '--status',
      'IN_PROGRESS',
      '--json',
    );
    assert.deepEqual(
      inProgress.json().data.map((r: { id: string }) => r.id),
      [filed.id],
    );

    const resolved = await s.cli(x.tokens.admin, 'change-request', 'status', filed.id, 'RESOLVED');
    assert.equal(resolved.code, 0, resolved.stderr);
    assert.match(resolved.stdout, /^status\s+RESOLVED$/m);
    const vendorView = (await s.cli(x.tokens.readOnly, 'change-request', 'show', filed.id, '--json')).json();
    assert.deepEqual(
      vendorView.comments.map((c: { side: string; body: string }) => [c.side, c.body]),
      [
        ['VENDOR', 'We will call you'],
        ['VENDOR', 'Calling today'],
        ['ORGANIZATION', 'Thanks'],
      ],
    );
  });

  it('refuses a read-only token: PRIVILEGE_REQUIRED to file for the customer, FORBIDDEN to move for the vendor, exit 1', async () => {
    const s = served();
    const x = await newTenant(s.t);
    const refused = await s.cli(x.tokens.orgRead, 'change-request', 'file', '--kind', 'OTHER', '--text', 'x');
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /^error: .*LICENSING.* \(PRIVILEGE_REQUIRED\)$/m);
    assert.equal(refused.stdout, '');
    const filed = await fileOther(s, x);
    const readOnly = await s.cli(x.tokens.readOnly, 'change-request', 'status', filed.id, 'IN_PROGRESS');
    assert.equal(readOnly.code, 1);
    assert.match(readOnly.stderr, /^error: .+ \(FORBIDDEN\)$/m);
    assert.equal(readOnly.stdout, '');
    const quiet = await s.cli(x.tokens.orgRead, 'change-request', 'comment', filed.id, '--text', 'x');
    assert.equal(quiet.code, 1);
    assert.match(quiet.stderr, /\(PRIVILEGE_REQUIRED\)$/m);
  });

  it("hides another organization's requests: NOT_FOUND with exit 1, by id, by case and for the queue", async () => {
    const s = served();
    const [x, y] = [await newTenant(s.t), await newTenant(s.t)];
    const filed = await fileOther(s, x);
    const sibling = await call(s.t, 'POST', `/v1/accounts/${x.accountId}/organizations`, {
      token: x.tokens.admin,
      body: { name: 'Sibling' },
    });
    const attempts = [
      [y.tokens.orgAdmin, 'show', '--org', x.organizationId, '--account', x.accountId, filed.id],
      [y.tokens.orgAdmin, 'show', 'CASE-000001'],
      [y.tokens.admin, 'comment', filed.id, '--account', x.accountId, '--text', 'x'],
      [x.tokens.orgAdmin, 'file', '--org', sibling.json.id, '--kind', 'OTHER', '--text', 'x'],
      [x.tokens.orgAdmin, 'queue'],
    ];
    for (const [token, ...args] of attempts) {
      const r = await s.cli(token!, 'change-request', ...args);
      assert.equal(r.code, 1, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, /^error: .+ \(NOT_FOUND\)$/m, args.join(' '));
      assert.equal(r.stdout, '');
    }
  });

  it('refuses a step the status flow does not allow with CONFLICT and exit 1', async () => {
    const s = served();
    const x = await newTenant(s.t);
    const filed = await fileOther(s, x);
    const r = await s.cli(x.tokens.admin, 'change-request', 'status', filed.id, 'RESOLVED');
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^error: .+ \(CONFLICT\)$/m);
  });

  it('exits 2 before any request on an unknown status or kind, a missing payload flag or one the kind does not take', async () => {
    const s = served();
    const x = await newTenant(s.t);
    const cases: [string[], RegExp][] = [
      [['status', 'creq_x', 'DONE'], /Allowed choices are OPEN, IN_PROGRESS, RESOLVED, REJECTED/],
      [['file', '--kind', 'MORE'], /Allowed choices are ADD_SEATS/],
      [['file', '--kind', 'ADD_SEATS', '--license', 'lic_x'], /--kind ADD_SEATS needs --quantity/],
      [['file', '--kind', 'OTHER', '--text', 'x', '--quantity', '2'], /--quantity not taken by --kind OTHER/],
      [['comment', 'creq_x'], /--text <text>/],
    ];
    for (const [args, message] of cases) {
      const r = await s.cli(x.tokens.orgAdmin, 'change-request', ...args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message);
    }
    const listed = await call(s.t, 'GET', `/v1/accounts/${x.accountId}/change-requests`, {
      token: x.tokens.admin,
    });
    assert.deepEqual(listed.json.data, []);
  });
});
