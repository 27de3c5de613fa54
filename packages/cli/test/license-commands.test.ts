// `licentia license|machine|approval …` against a served test app: issuing, reading key and token,
// license files, the lifecycle, machines and the two-person transfer — through the real executable.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { forEachEngine } from '../../db/test/test-databases.ts';
import { call, newTenant, type Tenant } from '../../server/test/harness.ts';
import { seedPolicy, seedProduct } from '../../server/test/licensing-fixtures.ts';
import { type ServedApp, useServedTestApp } from './cli-harness.ts';

const FINGERPRINT = 'ab'.repeat(32);

/** A tenant with a subscription policy and a license issued through `licentia license issue`. */
async function issued(s: ServedApp, tenant: Tenant, model: 'SUBSCRIPTION' | 'TRIAL' = 'SUBSCRIPTION') {
  const product = await seedProduct(s.t, tenant.accountId);
  const terms =
    model === 'TRIAL'
      ? { durationIso: 'P30D' }
      : { durationIso: 'P1Y', priceCents: 36_500, billingPeriodIso: 'P1Y' };
  const policy = await seedPolicy(s.t, tenant.accountId, product.id, {
    name: model,
    model,
    maxMachines: 2,
    ...terms,
  });
  const r = await s.cli(
    tenant.tokens.admin,
    'license',
    'issue',
    '--policy',
    policy.id,
    '--org',
    tenant.organizationId,
    '--name',
    'Initech CAD',
    '--json',
  );
  assert.equal(r.code, 0, r.stderr);
  return {
    productId: product.id,
    policyId: policy.id,
    ...(r.json() as { license: { id: string }; key: string; token: string }),
  };
}

forEachEngine('licentia license commands', (engine) => {
  const served = useServedTestApp(engine);

  it('issues a license and prints its key and signed token; get shows the summary', async () => {
    const s = served();
    const tenant = await newTenant(s.t);
    const { license, key, token } = await issued(s, tenant);
    assert.match(key, /^[0-9A-Z]{5}(-[0-9A-Z]{5})+$/);
    assert.equal(token.split('.').length, 3);
    const got = await s.cli(tenant.tokens.readOnly, 'license', 'get', license.id);
    assert.equal(got.code, 0, got.stderr);
    assert.match(got.stdout, /^name\s+Initech CAD$/m);
    assert.match(got.stdout, /^state\s+ACTIVE$/m);
    assert.equal((await s.cli(tenant.tokens.admin, 'license', 'key', license.id)).stdout.trim(), key);
    const fresh = await s.cli(tenant.tokens.admin, 'license', 'token', license.id, '--json');
    assert.match(fresh.json().kid, /^key_/);
  });

  it('lists licenses as a table, and with --json each with its key and a freshly signed token', async () => {
    const s = served();
    const tenant = await newTenant(s.t);
    const { license, key } = await issued(s, tenant);
    const table = await s.cli(tenant.tokens.admin, 'license', 'list');
    assert.match(table.stdout, /^ID\s+NAME\s+MODEL\s+STATE\s+EXPIRES\s+KEY$/m);
    assert.match(table.stdout, new RegExp(`^${license.id}\\s+Initech CAD\\s+SUBSCRIPTION\\s+ACTIVE\\s`, 'm'));
    const listed = await s.cli(tenant.tokens.admin, 'license', 'list', '--json');
    assert.equal(listed.code, 0, listed.stderr);
    const [row] = listed.json().data;
    assert.equal(row.id, license.id);
    assert.equal(row.key, key);
    assert.equal(row.token.split('.').length, 3);
  });

  it('writes an armoured license file bound to a fingerprint with --out', async () => {
    const s = served();
    const tenant = await newTenant(s.t);
    const { license } = await issued(s, tenant);
    const out = join(mkdtempSync(join(tmpdir(), 'licentia-file-')), 'cad.lic');
    const r = await s.cli(
      tenant.tokens.admin,
      'license',
      'file',
      license.id,
      '--fingerprint',
      FINGERPRINT,
      '--out',
      out,
    );
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Wrote .+cad\.lic \(expires /m);
    assert.match(
      readFileSync(out, 'utf8'),
      /^-----BEGIN LICENTIA LICENSE FILE-----\n[\s\S]+\n-----END LICENTIA LICENSE FILE-----\n$/,
    );
  });

  it('suspends, reinstates, renews, amends with a preview, and revokes; an invalid step is exit 1', async () => {
    const s = served();
    const tenant = await newTenant(s.t);
    const { license } = await issued(s, tenant);
    const admin = (...args: string[]) => s.cli(tenant.tokens.admin, ...args);
    const state = async (...args: string[]) =>
      (await admin('license', ...args, license.id, '--json')).json().state;
    assert.equal(await state('suspend', '--reason', 'unpaid'), 'SUSPENDED');
    assert.equal(await state('reinstate'), 'ACTIVE');
    const renewed = await admin('license', 'renew', license.id, '--json');
    assert.equal(renewed.code, 0, renewed.stderr);
    assert.equal(renewed.json().amendment.kind, 'RENEWAL');
    const preview = await admin('license', 'amend', license.id, '--seats', '4', '--preview');
    assert.equal(preview.code, 0, preview.stderr);
    assert.match(preview.stdout, /^amendment\s+SEAT_CHANGE$/m);
    assert.match(preview.stdout, /^net\s+\d+$/m);
    assert.equal(await state('revoke'), 'REVOKED');
    const again = await admin('license', 'reinstate', license.id);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /\(CONFLICT\)/);
  });

  it('converts a trial into a paid license of the same product', async () => {
    const s = served();
    const tenant = await newTenant(s.t);
    const trial = await issued(s, tenant, 'TRIAL');
    const paid = await seedPolicy(s.t, tenant.accountId, trial.productId, {
      name: 'Paid',
      model: 'SUBSCRIPTION',
      durationIso: 'P1Y',
    });
    const r = await s.cli(
      tenant.tokens.admin,
      'license',
      'convert',
      trial.license.id,
      '--policy',
      paid.id,
      '--json',
    );
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.json().license.model, 'SUBSCRIPTION');
    assert.equal(r.json().amendment.kind, 'TRIAL_CONVERSION');
  });

  it('transfers a license only once a second token approves the request', async () => {
    const s = served();
    const tenant = await newTenant(s.t);
    const { license } = await issued(s, tenant);
    const target = await call(s.t, 'POST', `/v1/accounts/${tenant.accountId}/organizations`, {
      token: tenant.tokens.admin,
      body: { name: 'Initrode' },
    });
    const asked = await s.cli(
      tenant.tokens.developer,
      'license',
      'transfer',
      license.id,
      '--to-org',
      target.json.id,
      '--json',
    );
    assert.equal(asked.code, 0, asked.stderr);
    const request = asked.json();
    assert.equal(request.status, 'PENDING');
    const pending = await s.cli(tenant.tokens.admin, 'approval', 'list', '--status', 'PENDING');
    assert.match(pending.stdout, new RegExp(`^${request.id}\\s+LICENSE_TRANSFER\\s+PENDING\\s`, 'm'));
    const approved = await s.cli(
      tenant.tokens.admin,
      'approval',
      'approve',
      request.id,
      '--reason',
      'merger',
      '--json',
    );
    assert.equal(approved.code, 0, approved.stderr);
    assert.equal(approved.json().status, 'APPROVED');
    const moved = await s.cli(tenant.tokens.admin, 'license', 'get', license.id, '--json');
    assert.equal(moved.json().organizationId, target.json.id);
  });

  it('lists the machines of a license and deactivates one, freeing its seat', async () => {
    const s = served();
    const tenant = await newTenant(s.t);
    const { license, key } = await issued(s, tenant);
    const activated = await call(s.t, 'POST', '/v1/licenses/activate', {
      body: { key, fingerprint: FINGERPRINT, hostname: 'ws-1', platform: 'linux' },
    });
    assert.equal(activated.status, 201, activated.body);
    const lic = ['--license', license.id];
    const listed = await s.cli(tenant.tokens.readOnly, 'machine', 'list', ...lic);
    assert.match(listed.stdout, /^mach_\S+\s+ws-1\s+linux\s+abababababab…\s+\S+\s+active$/m);
    const machineId = (await s.cli(tenant.tokens.readOnly, 'machine', 'list', ...lic, '--json')).json()
      .data[0].id;
    const off = await s.cli(tenant.tokens.admin, 'machine', 'deactivate', machineId, ...lic);
    assert.equal(off.code, 0, off.stderr);
    assert.match(off.stdout, /^Deactivated machine mach_\S+ \(ws-1\)$/m);
    assert.equal((await s.cli(tenant.tokens.admin, 'machine', 'list', ...lic)).stdout.trim(), '(none)');
    const all = await s.cli(tenant.tokens.admin, 'machine', 'list', ...lic, '--all', '--json');
    assert.ok(all.json().data[0].deactivatedAt);
  });

  it("refuses to issue with a read-only token and hides another tenant's license", async () => {
    const s = served();
    const [mine, theirs] = [await newTenant(s.t), await newTenant(s.t)];
    const { license } = await issued(s, theirs);
    const r = await s.cli(mine.tokens.admin, 'license', 'key', license.id, '--account', theirs.accountId);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /\(NOT_FOUND\)/);
    const product = await seedProduct(s.t, mine.accountId);
    const policy = await seedPolicy(s.t, mine.accountId, product.id, { name: 'P', model: 'PERPETUAL' });
    const denied = await s.cli(
      mine.tokens.readOnly,
      'license',
      'issue',
      '--policy',
      policy.id,
      '--org',
      mine.organizationId,
    );
    assert.equal(denied.code, 1);
    assert.match(denied.stderr, /\(FORBIDDEN\)/);
  });
});
