// Licenses through the API: issue, read, search, keys, lifecycle transitions, renewal, trial
// conversion, offline files, tenant isolation and organization tokens seeing only their own.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { it } from 'node:test';
import {
  dearmorLicenseFile,
  decodeJws,
  isValidLicenseKey,
  MACHINE_CLAIM,
  normalizeLicenseKey,
} from '@licentia/core';
import { forEachEngine } from '../../db/test/test-databases.ts';
import { call, newTenant, type Tenant, type TestApp, useTestApp } from './harness.ts';
import { seedPolicy } from './licensing-fixtures.ts';
import { seedPolicies, seedYearlyLicense } from './security-routes/licenses.ts';
import { assertProblem } from './security-suite.ts';

const FP = 'b'.repeat(64);
const base = (x: Tenant) => `/v1/accounts/${x.accountId}/licenses`;

async function actions(t: TestApp, x: Tenant, targetId: string): Promise<string[]> {
  const r = await call(t, 'GET', `/v1/audit/events?accountId=${x.accountId}&targetId=${targetId}&limit=200`, {
    token: x.tokens.admin,
  });
  return r.json.data.map((e: { action: string }) => e.action);
}

async function issue(t: TestApp, x: Tenant, body: Record<string, unknown> = {}) {
  const f = await seedPolicies(t, x);
  const r = await call(t, 'POST', base(x), {
    token: x.tokens.developer,
    body: { policyId: f.policyId, organizationId: x.organizationId, ...body },
  });
  assert.equal(r.status, 201, r.body);
  return { ...f, issued: r.json, id: r.json.license.id as string };
}

forEachEngine('licenses', (engine) => {
  const getApp = useTestApp(engine);

  it('issues a license with a checked human key, stored only hashed and sealed, and a signed token', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const { issued, policyId, productId, id } = await issue(t, x, { name: 'ACME seat pack' });
    assert.ok(isValidLicenseKey(issued.key));
    assert.equal(issued.license.keyHint, `…${issued.key.slice(-4)}`);
    assert.deepEqual(
      [issued.license.policyId, issued.license.productId, issued.license.model, issued.license.state],
      [policyId, productId, 'SUBSCRIPTION', 'ACTIVE'],
    );
    const year = new Date(issued.license.startsAt);
    year.setUTCFullYear(year.getUTCFullYear() + 1);
    assert.equal(issued.license.expiresAt, year.toISOString(), 'the term comes from the policy duration');
    const row = await t.database.db
      .selectFrom('licenses')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(row.key_hash, createHash('sha256').update(normalizeLicenseKey(issued.key)!).digest('hex'));
    assert.ok(!JSON.stringify(row).includes(issued.key), 'the key is never stored in clear');
    const decoded = decodeJws(issued.token)!;
    assert.deepEqual([decoded.header.typ, decoded.payload.sub], ['license+jwt', id]);
    assert.deepEqual(await actions(t, x, id), ['license.issued']);
  });

  it('refuses a policy or organization of another account with the same 404 as a missing one', async () => {
    const t = getApp();
    const [x, y] = [await newTenant(t), await newTenant(t)];
    const foreign = await seedYearlyLicense(t, y);
    const mine = await seedYearlyLicense(t, x);
    const send = (body: object) => call(t, 'POST', base(x), { token: x.tokens.admin, body });
    assertProblem(
      await send({ policyId: foreign.policyId, organizationId: x.organizationId }),
      404,
      'NOT_FOUND',
    );
    assertProblem(
      await send({ policyId: mine.policyId, organizationId: y.organizationId }),
      404,
      'NOT_FOUND',
    );
  });

  it('validates overrides with the core and names the bad field', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const f = await seedYearlyLicense(t, x);
    const r = await call(t, 'POST', base(x), {
      token: x.tokens.admin,
      body: {
        policyId: f.policyId,
        organizationId: x.organizationId,
        overrides: { allowedCountries: ['XX'] },
      },
    });
    assertProblem(r, 400, 'INVALID_FIELD');
    assert.equal(r.json.field, 'body.overrides.allowedCountries');
  });

  it('derives NOT_YET_VALID for a license that starts later', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const { issued } = await issue(t, x, { startsAt: new Date(Date.now() + 86_400_000).toISOString() });
    assert.equal(issued.license.state, 'NOT_YET_VALID');
  });

  it('lists with filters and searches name, id and key hint', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const a = await issue(t, x, { name: 'Render farm 50%' });
    const b = await issue(t, x, { name: 'Office' });
    const list = async (query: string) =>
      (await call(t, 'GET', `${base(x)}?${query}`, { token: x.tokens.readOnly })).json.data.map(
        (l: { id: string }) => l.id,
      );
    assert.deepEqual(await list('q=farm%2050%25'), [a.id]);
    assert.deepEqual(await list(`q=${encodeURIComponent(b.issued.license.keyHint)}`), [b.id]);
    assert.deepEqual(await list(`q=${b.id.slice(-10)}`), [b.id]);
    assert.deepEqual(await list(`productId=${a.productId}`), [a.id]);
    assert.deepEqual(await list(`policyId=${b.policyId}&status=ACTIVE&model=SUBSCRIPTION`), [b.id]);
    assert.deepEqual(await list('status=REVOKED'), []);
  });

  it('shows an organization token only its own licenses, and another tenant none', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const mine = await issue(t, x);
    const org2 = await call(t, 'POST', `/v1/accounts/${x.accountId}/organizations`, {
      token: x.tokens.admin,
      body: { name: 'Second customer' },
    });
    const theirs = await call(t, 'POST', base(x), {
      token: x.tokens.admin,
      body: { policyId: mine.policyId, organizationId: org2.json.id },
    });
    const listed = await call(t, 'GET', base(x), { token: x.tokens.orgRead });
    assert.deepEqual(
      listed.json.data.map((l: { id: string }) => l.id),
      [mine.id],
    );
    const filtered = await call(t, 'GET', `${base(x)}?organizationId=${org2.json.id}`, {
      token: x.tokens.orgRead,
    });
    assert.deepEqual(filtered.json.data, []);
    assert.equal((await call(t, 'GET', `${base(x)}/${mine.id}`, { token: x.tokens.orgRead })).status, 200);
    const hidden = await call(t, 'GET', `${base(x)}/${theirs.json.license.id}`, { token: x.tokens.orgRead });
    assertProblem(hidden, 404, 'NOT_FOUND');
    const stranger = await newTenant(t);
    assertProblem(
      await call(t, 'GET', `${base(x)}/${mine.id}`, { token: stranger.tokens.admin }),
      404,
      'NOT_FOUND',
    );
  });

  it('reveals the key to vendor writers and the customer org-admin only, auditing each reveal', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const { issued, id } = await issue(t, x);
    const key = (token: string) => call(t, 'GET', `${base(x)}/${id}/key`, { token });
    assert.equal((await key(x.tokens.developer)).json.key, issued.key);
    assert.equal((await key(x.tokens.orgAdmin)).json.key, issued.key);
    assertProblem(await key(x.tokens.readOnly), 403, 'FORBIDDEN');
    assertProblem(await key(x.tokens.orgRead), 403, 'FORBIDDEN');
    assert.deepEqual(await actions(t, x, id), [
      'license.issued',
      'license.key-revealed',
      'license.key-revealed',
    ]);
  });

  it('suspends, reinstates and revokes by the state machine; invalid steps are 409 with the reason', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const { id } = await issue(t, x);
    const step = (action: string) =>
      call(t, 'POST', `${base(x)}/${id}/${action}`, { token: x.tokens.admin, body: { reason: 'audit' } });
    const revision = async () =>
      (
        await t.database.db
          .selectFrom('licenses')
          .select('revision')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).revision;
    assert.equal(await revision(), 1);
    assert.deepEqual([(await step('suspend')).json.state, await revision()], ['SUSPENDED', 2]);
    const again = await step('suspend');
    assertProblem(again, 409, 'CONFLICT');
    assert.equal(again.json.detail, 'cannot suspend a SUSPENDED license');
    assert.equal((await step('reinstate')).json.state, 'ACTIVE');
    assert.equal((await step('revoke')).json.status, 'REVOKED');
    assertProblem(await step('reinstate'), 409, 'CONFLICT');
    assert.deepEqual(await actions(t, x, id), [
      'license.issued',
      'license.suspended',
      'license.reinstated',
      'license.revoked',
    ]);
  });

  it('renews a subscription from its expiry and records a RENEWAL amendment; a perpetual license is 409', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const { issued, id, productId } = await issue(t, x);
    const r = await call(t, 'POST', `${base(x)}/${id}/renew`, { token: x.tokens.admin });
    assert.equal(r.status, 200, r.body);
    const next = new Date(issued.license.expiresAt);
    next.setUTCFullYear(next.getUTCFullYear() + 1);
    assert.equal(r.json.license.expiresAt, next.toISOString());
    assert.deepEqual(
      [r.json.amendment.kind, r.json.amendment.termStart, r.json.amendment.chargeCents],
      ['RENEWAL', issued.license.expiresAt, 5 * 36_500],
    );
    const perpetual = await seedPolicy(t, x.accountId, productId, { name: 'Forever', model: 'PERPETUAL' });
    const p = await call(t, 'POST', base(x), {
      token: x.tokens.admin,
      body: { policyId: perpetual.id, organizationId: x.organizationId },
    });
    assertProblem(
      await call(t, 'POST', `${base(x)}/${p.json.license.id}/renew`, { token: x.tokens.admin }),
      409,
      'CONFLICT',
    );
  });

  it('converts a trial to a paid policy keeping its key and machines', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const f = await seedYearlyLicense(t, x, 'TRIAL');
    const before = await call(t, 'GET', `${base(x)}/${f.licenseId}/key`, { token: x.tokens.admin });
    await t.database.db
      .insertInto('machines')
      .values({
        id: t.ctx.newId('machine'),
        account_id: x.accountId,
        license_id: f.licenseId,
        fingerprint: FP,
        hostname: 'ws-1',
        platform: 'linux',
        components: '{}',
        activated_at: new Date(),
        last_seen_at: null,
      })
      .execute();
    const r = await call(t, 'POST', `${base(x)}/${f.licenseId}/convert`, {
      token: x.tokens.admin,
      body: { policyId: f.policyId },
    });
    assert.equal(r.status, 200, r.body);
    assert.deepEqual(
      [r.json.license.model, r.json.license.policyId, r.json.amendment.kind],
      ['SUBSCRIPTION', f.policyId, 'TRIAL_CONVERSION'],
    );
    const after = await call(t, 'GET', `${base(x)}/${f.licenseId}/key`, { token: x.tokens.admin });
    assert.equal(after.json.key, before.json.key);
    const live = await t.database.db
      .selectFrom('machines')
      .select('fingerprint')
      .where('license_id', '=', f.licenseId)
      .where('deactivated_at', 'is', null)
      .execute();
    assert.deepEqual(live, [{ fingerprint: FP }]);
    const twice = await call(t, 'POST', `${base(x)}/${f.licenseId}/convert`, {
      token: x.tokens.admin,
      body: { policyId: f.policyId },
    });
    assertProblem(twice, 409, 'CONFLICT');
  });

  it('issues an armoured offline file bound to the fingerprint, never past the license, refused when revoked', async () => {
    const t = getApp();
    const x = await newTenant(t);
    const { issued, id } = await issue(t, x, { boundFingerprints: [FP] });
    const file = (body: object, token = x.tokens.orgAdmin) =>
      call(t, 'POST', `${base(x)}/${id}/license-file`, { token, body });
    const r = await file({ fingerprint: FP, ttlSeconds: 3600 });
    assert.equal(r.status, 200, r.body);
    assert.match(r.json.file, /^-----BEGIN LICENTIA LICENSE FILE-----\n/);
    const decoded = decodeJws(dearmorLicenseFile(r.json.file)!)!;
    assert.equal(decoded.header.typ, 'machine-file+jwt');
    assert.deepEqual(decoded.payload[MACHINE_CLAIM], { fingerprint: FP });
    assert.equal(decoded.payload.exp, (decoded.payload.iat as number) + 3600);
    const long = await file({ fingerprint: FP, ttlSeconds: 366 * 86_400 });
    assert.equal(long.json.expiresAt, issued.license.expiresAt.replace(/\.\d{3}Z$/, '.000Z'));
    assertProblem(await file({ fingerprint: 'c'.repeat(64) }), 409, 'CONFLICT');
    assertProblem(await file({ fingerprint: FP }, x.tokens.orgRead), 403, 'FORBIDDEN');
    await call(t, 'POST', `${base(x)}/${id}/revoke`, { token: x.tokens.admin });
    assertProblem(await file({ fingerprint: FP }), 409, 'CONFLICT');
    assert.ok((await actions(t, x, id)).includes('license.file-issued'));
  });
});
