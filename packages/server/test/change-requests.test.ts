// Change requests over HTTP on both engines: the customer files, the vendor works its queue; case
// numbers are sequential per vendor account (no gaps, no duplicates, even in parallel); every step
// is an audit event and a notification for the other side.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachEngine } from '../../db/test/test-databases.ts';
import { call, newTenant, type Tenant, type TestApp, useTestApp } from './harness.ts';
import { orgPath, privilegedPerson } from './privilege-fixtures.ts';
import { seedYearlyLicense } from './security-routes/licenses.ts';
import { assertProblem } from './security-suite.ts';

const queue = (x: Tenant) => `/v1/accounts/${x.accountId}/change-requests`;
const other = (text = 'Please call me') => ({ kind: 'OTHER', payload: { text } });

async function file(t: TestApp, x: Tenant, body: object = other(), token = x.tokens.orgAdmin) {
  const r = await call(t, 'POST', `${orgPath(x)}/change-requests`, { token, body });
  assert.equal(r.status, 201, r.body);
  return r.json;
}

async function actions(t: TestApp, x: Tenant, targetId: string): Promise<string[]> {
  const r = await call(t, 'GET', `/v1/audit/events?accountId=${x.accountId}&targetId=${targetId}`, {
    token: x.tokens.admin,
  });
  return r.json.data.map((e: { action: string }) => e.action);
}

forEachEngine('change requests', (engine) => {
  const getApp = useTestApp(engine);

  it('walks a request OPEN → IN_PROGRESS → RESOLVED with comments, an audit event and a notification per step', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const lee = await privilegedPerson(t, x, 'Lee Censing', ['LICENSING']);
    const f = await seedYearlyLicense(t, x);
    const created = await file(
      t,
      x,
      { kind: 'ADD_SEATS', payload: { licenseId: f.licenseId, quantity: 5 } },
      lee.token,
    );
    assert.equal(created.caseNumber, 'CASE-000001');
    assert.deepEqual(
      [created.status, created.nextStatuses, created.subject, created.createdBy.personId],
      ['OPEN', ['IN_PROGRESS', 'REJECTED'], `Add 5 seat(s) to license ${f.licenseId}`, lee.id],
    );
    const inQueue = await call(t, 'GET', `${queue(x)}?status=OPEN`, { token: x.tokens.readOnly });
    assert.deepEqual(
      inQueue.json.data.map((r: { id: string }) => r.id),
      [created.id],
    );

    const url = `${queue(x)}/${created.id}`;
    const taken = await call(t, 'PUT', `${url}/status`, {
      token: x.tokens.developer,
      body: { status: 'IN_PROGRESS', comment: 'Looking into it' },
    });
    assert.equal(taken.status, 200, taken.body);
    assert.equal(taken.json.status, 'IN_PROGRESS');
    const asked = await call(t, 'POST', `${orgPath(x)}/change-requests/${created.id}/comments`, {
      token: lee.token,
      body: { body: 'Thanks — before the 1st if possible' },
    });
    assert.equal(asked.status, 201, asked.body);
    assert.equal(asked.json.side, 'ORGANIZATION');
    const resolved = await call(t, 'PUT', `${url}/status`, {
      token: x.tokens.admin,
      body: { status: 'RESOLVED' },
    });
    assert.deepEqual([resolved.json.status, resolved.json.nextStatuses], ['RESOLVED', []]);

    const seen = await call(t, 'GET', `${orgPath(x)}/change-requests/${created.id}`, {
      token: x.tokens.orgRead,
    });
    assert.deepEqual(
      seen.json.comments.map((c: { side: string; body: string }) => [c.side, c.body]),
      [
        ['VENDOR', 'Looking into it'],
        ['ORGANIZATION', 'Thanks — before the 1st if possible'],
      ],
    );
    assert.deepEqual(await actions(t, x, created.id), [
      'change_request.created',
      'change_request.status_changed',
      'change_request.commented',
      'change_request.commented',
      'change_request.status_changed',
    ]);

    const vendorInbox = await call(t, 'GET', `/v1/accounts/${x.accountId}/notifications`, {
      token: x.tokens.admin,
    });
    assert.deepEqual(
      vendorInbox.json.data.map((n: { kind: string }) => n.kind),
      ['change_request.commented', 'change_request.created'],
    );
    assert.match(vendorInbox.json.data[1].message, /^CASE-000001 new request from customer-/);
    const orgInbox = await call(t, 'GET', `${orgPath(x)}/notifications`, { token: lee.token });
    assert.deepEqual(
      orgInbox.json.data.map((n: { message: string }) => n.message),
      [
        'CASE-000001 is now RESOLVED (was IN_PROGRESS)',
        'CASE-000001 new comment from your vendor: Looking into it',
        'CASE-000001 is now IN_PROGRESS (was OPEN)',
      ],
    );
    assert.equal(orgInbox.json.unread, 3);
    const first = orgInbox.json.data[0];
    const read = await call(t, 'POST', `${orgPath(x)}/notifications/${first.id}/read`, { token: lee.token });
    assert.equal(read.status, 200, read.body);
    assert.ok(read.json.readAt);
    const unread = await call(t, 'GET', `${orgPath(x)}/notifications?unread=true`, { token: lee.token });
    assert.deepEqual([unread.json.data.length, unread.json.unread], [2, 2]);
    // A vendor notification is not in the organization's inbox, and the other way round.
    const crossed = await call(t, 'POST', `${orgPath(x)}/notifications/${vendorInbox.json.data[0].id}/read`, {
      token: lee.token,
    });
    assertProblem(crossed, 404, 'NOT_FOUND');
    const vendorRead = await call(t, 'POST', `/v1/accounts/${x.accountId}/notifications/${first.id}/read`, {
      token: x.tokens.admin,
    });
    assertProblem(vendorRead, 404, 'NOT_FOUND');
  });

  it('numbers cases sequentially per vendor account, two accounts interleaved', async () => {
    const t = getApp();
    const a = await newTenant(t);
    const b = await newTenant(t);
    const order: [Tenant, string][] = [
      [a, 'CASE-000001'],
      [b, 'CASE-000001'],
      [a, 'CASE-000002'],
      [a, 'CASE-000003'],
      [b, 'CASE-000002'],
      [a, 'CASE-000004'],
    ];
    for (const [tenant, expected] of order) assert.equal((await file(t, tenant)).caseNumber, expected);
    // A second organization of the same account continues the account's sequence.
    const sibling = await call(t, 'POST', `/v1/accounts/${b.accountId}/organizations`, {
      token: b.tokens.admin,
      body: { name: 'Second customer' },
    });
    const viaVendor = await call(
      t,
      'POST',
      `/v1/accounts/${b.accountId}/organizations/${sibling.json.id}/change-requests`,
      { token: b.tokens.admin, body: other() },
    );
    assert.equal(viaVendor.json.caseNumber, 'CASE-000003');
  });

  it('hands out distinct numbers without gaps to parallel requests, and a failed request uses none', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => file(t, x, other(`req ${i}`))));
    const numbers = results.map((r) => r.number as number).sort((p, q) => p - q);
    assert.deepEqual(
      numbers,
      Array.from({ length: 12 }, (_, i) => i + 1),
    );
    // A request refused inside the transaction (unknown license) leaves no gap.
    const bad = await call(t, 'POST', `${orgPath(x)}/change-requests`, {
      token: x.tokens.orgAdmin,
      body: { kind: 'ADD_SEATS', payload: { licenseId: t.ctx.newId('license'), quantity: 1 } },
    });
    assertProblem(bad, 400, 'INVALID_FIELD');
    assert.equal((await file(t, x)).number, 13);
  });

  it('refuses steps the status flow does not allow (409)', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const r = await file(t, x);
    const set = (status: string) =>
      call(t, 'PUT', `${queue(x)}/${r.id}/status`, { token: x.tokens.admin, body: { status } });
    assertProblem(await set('RESOLVED'), 409, 'CONFLICT');
    assert.equal((await set('REJECTED')).status, 200);
    const again = await set('IN_PROGRESS');
    assertProblem(again, 409, 'CONFLICT');
    assert.match(again.json.detail, /already REJECTED/);
    assert.deepEqual(await actions(t, x, r.id), ['change_request.created', 'change_request.status_changed']);
  });

  it('checks what a request names: the organization’s own licenses, production environments and products', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const y = await newTenant(t);
    const theirs = await seedYearlyLicense(t, y);
    const mine = await seedYearlyLicense(t, x);
    const post = (body: object) =>
      call(t, 'POST', `${orgPath(x)}/change-requests`, { token: x.tokens.orgAdmin, body });
    const seats = await post({ kind: 'ADD_SEATS', payload: { licenseId: theirs.licenseId, quantity: 2 } });
    assertProblem(seats, 400, 'INVALID_FIELD');
    assert.equal(seats.json.field, 'body.payload.licenseId');
    const rename = await post({
      kind: 'RENAME_PRODUCT_DISPLAY_NAME',
      payload: { productId: theirs.productId, displayName: 'Goals' },
    });
    assert.equal(rename.json.field, 'body.payload.productId');
    const renamed = await post({
      kind: 'RENAME_PRODUCT_DISPLAY_NAME',
      payload: { productId: mine.productId, displayName: 'Goals' },
    });
    assert.equal(renamed.status, 201, renamed.body);
    const move = await post({
      kind: 'MOVE_LICENSE_ENVIRONMENT',
      payload: { licenseId: mine.licenseId, environmentId: t.ctx.newId('environment') },
    });
    assert.equal(move.json.field, 'body.payload.environmentId');
    const typo = await post({ kind: 'ADD_INTEGRATION', payload: { code: 'sap', quantity: 1, qty: 2 } });
    assert.equal(typo.json.field, 'body.payload.qty');
    assert.equal(
      (await post({ kind: 'ADD_INTEGRATION', payload: { code: 'sap', quantity: 1 } })).status,
      201,
    );
  });

  it('keeps requests inside their organization and account', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const y = await newTenant(t);
    const r = await file(t, x);
    const sibling = await call(t, 'POST', `/v1/accounts/${x.accountId}/organizations`, {
      token: x.tokens.admin,
      body: { name: 'Sibling' },
    });
    const viaSibling = `/v1/accounts/${x.accountId}/organizations/${sibling.json.id}/change-requests/${r.id}`;
    assertProblem(await call(t, 'GET', viaSibling, { token: x.tokens.admin }), 404, 'NOT_FOUND');
    assertProblem(await call(t, 'GET', `${queue(x)}/${r.id}`, { token: y.tokens.admin }), 404, 'NOT_FOUND');
    assertProblem(await call(t, 'GET', queue(x), { token: x.tokens.orgAdmin }), 404, 'NOT_FOUND');
    const ownList = await call(t, 'GET', `${orgPath(y)}/change-requests`, { token: y.tokens.orgAdmin });
    assert.deepEqual(ownList.json.data, []);
  });
});
