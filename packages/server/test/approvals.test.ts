// The two-person rule: license transfers and machine transfers apply only when a different token with
// approval:decide approves; rejections record the reason; every step is an audit event.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { approvalRepository } from '@licentia/db';
import { forEachEngine } from '../../db/test/test-databases.ts';
import { call, newTenant, type Tenant, type TestApp, useTestApp } from './harness.ts';
import { seedYearlyLicense } from './security-routes/licenses.ts';
import { assertProblem } from './security-suite.ts';

const OLD_FP = '1'.repeat(64);
const NEW_FP = '2'.repeat(64);

async function secondAdmin(t: TestApp, x: Tenant): Promise<string> {
  const r = await call(t, 'POST', '/v1/tokens', {
    token: t.operatorToken,
    body: { kind: 'account', name: 'second admin', roles: ['admin'], accountId: x.accountId },
  });
  return r.json.secret;
}

async function actions(t: TestApp, x: Tenant, targetId: string): Promise<string[]> {
  const r = await call(t, 'GET', `/v1/audit/events?accountId=${x.accountId}&targetId=${targetId}`, {
    token: x.tokens.admin,
  });
  return r.json.data.map((e: { action: string }) => e.action);
}

forEachEngine('approvals', (engine) => {
  const getApp = useTestApp(engine);

  async function transferSetup() {
    const t = getApp();
    const x = await newTenant(t);
    const f = await seedYearlyLicense(t, x);
    const org = await call(t, 'POST', `/v1/accounts/${x.accountId}/organizations`, {
      token: x.tokens.admin,
      body: { name: 'Buyer' },
    });
    const requested = await call(
      t,
      'POST',
      `/v1/accounts/${x.accountId}/licenses/${f.licenseId}/transfer-requests`,
      {
        token: x.tokens.admin,
        body: { toOrganizationId: org.json.id, reason: 'acquisition' },
      },
    );
    assert.equal(requested.status, 201, requested.body);
    const url = `/v1/accounts/${x.accountId}/approval-requests/${requested.json.id}`;
    return { t, x, f, to: org.json.id as string, request: requested.json, url };
  }

  it('moves a license to the new customer only when a different token approves', async () => {
    const { t, x, f, to, request, url } = await transferSetup();
    assert.deepEqual(
      [request.kind, request.status, request.reason],
      ['LICENSE_TRANSFER', 'PENDING', 'acquisition'],
    );
    const own = await call(t, 'POST', `${url}/approve`, { token: x.tokens.admin });
    assertProblem(own, 403, 'FORBIDDEN');
    assertProblem(await call(t, 'POST', `${url}/approve`, { token: x.tokens.developer }), 403, 'FORBIDDEN');
    const license = `/v1/accounts/${x.accountId}/licenses/${f.licenseId}`;
    assert.equal(
      (await call(t, 'GET', license, { token: x.tokens.admin })).json.organizationId,
      x.organizationId,
    );
    const approved = await call(t, 'POST', `${url}/approve`, {
      token: await secondAdmin(t, x),
      body: { reason: 'contract seen' },
    });
    assert.equal(approved.status, 200, approved.body);
    assert.deepEqual(
      [approved.json.status, approved.json.reason, approved.json.decisionReason],
      ['APPROVED', 'acquisition', 'contract seen'],
    );
    assert.notEqual(approved.json.decidedBy, approved.json.requestedBy);
    assert.equal((await call(t, 'GET', license, { token: x.tokens.admin })).json.organizationId, to);
    assertProblem(await call(t, 'GET', license, { token: x.tokens.orgAdmin }), 404, 'NOT_FOUND');
    assertProblem(
      await call(t, 'POST', `${url}/reject`, { token: await secondAdmin(t, x) }),
      409,
      'CONFLICT',
    );
    assert.deepEqual(await actions(t, x, request.id), ['approval.requested', 'approval.approved']);
    assert.deepEqual(await actions(t, x, f.licenseId), ['license.transferred']);
  });

  it('records the reason of a rejection and changes nothing', async () => {
    const { t, x, f, url, request } = await transferSetup();
    const rejected = await call(t, 'POST', `${url}/reject`, {
      token: await secondAdmin(t, x),
      body: { reason: 'no contract' },
    });
    assert.deepEqual([rejected.json.status, rejected.json.decisionReason], ['REJECTED', 'no contract']);
    const license = await call(t, 'GET', `/v1/accounts/${x.accountId}/licenses/${f.licenseId}`, {
      token: x.tokens.admin,
    });
    assert.equal(license.json.organizationId, x.organizationId);
    assert.deepEqual(await actions(t, x, request.id), ['approval.requested', 'approval.rejected']);
    const pending = await call(t, 'GET', `/v1/accounts/${x.accountId}/approval-requests?status=PENDING`, {
      token: x.tokens.admin,
    });
    assert.deepEqual(pending.json.data, []);
  });

  it('lists an organization token only the requests about its own licenses', async () => {
    const { t, x, request } = await transferSetup();
    const mine = await call(t, 'GET', `/v1/accounts/${x.accountId}/approval-requests`, {
      token: x.tokens.orgRead,
    });
    assert.deepEqual(
      mine.json.data.map((r: { id: string }) => r.id),
      [request.id],
    );
    const other = await newTenant(t);
    assertProblem(
      await call(t, 'GET', `/v1/accounts/${x.accountId}/approval-requests`, { token: other.tokens.admin }),
      404,
      'NOT_FOUND',
    );
  });

  it('applies an approved machine transfer: the old machine is deactivated, the new fingerprint activated', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const f = await seedYearlyLicense(t, x);
    const machineId = t.ctx.newId('machine');
    await t.database.db
      .insertInto('machines')
      .values({
        id: machineId,
        account_id: x.accountId,
        license_id: f.licenseId,
        fingerprint: OLD_FP,
        hostname: 'cad-07',
        platform: 'windows',
        components: '{}',
        activated_at: new Date(),
        last_seen_at: null,
      })
      .execute();
    const request = await approvalRepository.insert(
      t.database.db,
      x.accountId,
      {
        id: t.ctx.newId('approvalRequest'),
        licenseId: f.licenseId,
        kind: 'MACHINE_TRANSFER',
        payload: { machineId, fromFingerprint: OLD_FP, toFingerprint: NEW_FP },
        requestedBy: t.ctx.newId('token'), // filed by another (the licensed app's) token
        reason: 'motherboard replaced',
      },
      new Date(),
    );
    const r = await call(t, 'POST', `/v1/accounts/${x.accountId}/approval-requests/${request.id}/approve`, {
      token: x.tokens.admin,
    });
    assert.equal(r.status, 200, r.body);
    const machines = await t.database.db
      .selectFrom('machines')
      .select(['fingerprint', 'hostname', 'deactivated_at'])
      .where('license_id', '=', f.licenseId)
      .orderBy('id')
      .execute();
    assert.deepEqual(
      machines.map((m) => [m.fingerprint, m.hostname, m.deactivated_at !== null]),
      [
        [OLD_FP, 'cad-07', true],
        [NEW_FP, 'cad-07', false],
      ],
    );
    const revision = await t.database.db
      .selectFrom('licenses')
      .select('revision')
      .where('id', '=', f.licenseId)
      .executeTakeFirstOrThrow();
    assert.equal(revision.revision, 2, 'the license revision is bumped so cached snapshots reload');
  });
});
