// `licentia product|release|feature|policy …` against a served test app: each lifecycle through the
// real executable, flags mapped to the API's terms, --account defaulting, refusals as exit codes.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachEngine, uniqueName } from '../../db/test/test-databases.ts';
import { newTenant } from '../../server/test/harness.ts';
import { runCli, useServedTestApp } from './cli-harness.ts';

forEachEngine('licentia catalog commands', (engine) => {
  const served = useServedTestApp(engine);

  it('creates, lists, gets, updates and deletes a product of the named account', async () => {
    const s = served();
    const tenant = await newTenant(s.t);
    const acct = ['--account', tenant.accountId];
    const code = uniqueName('studio')
      .toLowerCase()
      .replace(/[^a-z0-9-]/g, '-');
    const created = await s.cli(
      s.t.operatorToken,
      'product',
      'create',
      '--code',
      code,
      '--name',
      'Studio',
      ...acct,
      '--json',
    );
    assert.equal(created.code, 0, created.stderr);
    const product = created.json();
    assert.equal(product.accountId, tenant.accountId);
    assert.equal(product.kind, 'BASE');

    const table = await s.cli(tenant.tokens.readOnly, 'product', 'list');
    assert.match(table.stdout, /^ID\s+CODE\s+NAME\s+KIND\s+GEN\s+RANK$/m);
    assert.match(table.stdout, new RegExp(`^${product.id}\\s+${code}\\s+Studio\\s+BASE\\s`, 'm'));

    const updated = await s.cli(
      tenant.tokens.admin,
      'product',
      'update',
      product.id,
      '--name',
      'Studio 2',
      '--rank',
      '3',
    );
    assert.equal(updated.code, 0, updated.stderr);
    assert.match(updated.stdout, /^name\s+Studio 2$/m);
    const got = (await s.cli(tenant.tokens.admin, 'product', 'get', product.id, '--json')).json();
    assert.equal(got.rank, 3);

    const deleted = await s.cli(tenant.tokens.admin, 'product', 'delete', product.id, '--json');
    assert.deepEqual(deleted.json(), { id: product.id, deleted: true });
    const gone = await s.cli(tenant.tokens.admin, 'product', 'get', product.id);
    assert.equal(gone.code, 1);
    assert.match(gone.stderr, /\(NOT_FOUND\)/);
  });

  it('adds, lists and deletes releases and features of a product, with typed feature values', async () => {
    const s = served();
    const tenant = await newTenant(s.t);
    const admin = (...args: string[]) => s.cli(tenant.tokens.admin, ...args);
    const product = (await admin('product', 'create', '--code', 'cad', '--name', 'CAD', '--json')).json();
    const p = ['--product', product.id];

    const release = await admin(
      'release',
      'add',
      '2.4.0',
      ...p,
      '--released-at',
      '2025-03-01T00:00:00Z',
      '--json',
    );
    assert.equal(release.code, 0, release.stderr);
    assert.equal(release.json().version, '2.4.0');
    assert.match(
      (await admin('release', 'list', ...p)).stdout,
      /^rel_\S+\s+2\.4\.0\s+2025-03-01T00:00:00\.000Z$/m,
    );

    const limit = await admin(
      'feature',
      'add',
      ...p,
      '--code',
      'MAX_PROJECTS',
      '--name',
      'Projects',
      '--value',
      '50',
      '--json',
    );
    assert.equal(limit.code, 0, limit.stderr);
    assert.equal(limit.json().value, 50);
    const flag = (
      await admin('feature', 'add', ...p, '--code', 'SYNC', '--name', 'Sync', '--value', 'false', '--json')
    ).json();
    assert.equal(flag.value, false);
    const features = (await admin('feature', 'list', ...p, '--json')).json();
    assert.deepEqual(features.data.map((f: { code: string }) => f.code).sort(), ['MAX_PROJECTS', 'SYNC']);

    assert.equal((await admin('feature', 'delete', flag.id, ...p)).code, 0);
    assert.equal((await admin('release', 'delete', release.json().id, ...p)).code, 0);
    assert.equal((await admin('release', 'list', ...p)).stdout.trim(), '(none)');
    assert.equal((await admin('feature', 'list', ...p, '--json')).json().data.length, 1);
  });

  it('creates a policy from flags for every main term and lists, gets and deletes it', async () => {
    const s = served();
    const tenant = await newTenant(s.t);
    const admin = (...args: string[]) => s.cli(tenant.tokens.admin, ...args);
    const product = (await admin('product', 'create', '--code', 'cad', '--name', 'CAD', '--json')).json();
    const created = await admin(
      'policy',
      'create',
      '--product',
      product.id,
      '--name',
      'Pro',
      '--model',
      'SUBSCRIPTION',
      '--duration',
      'P1Y',
      '--maintenance',
      'P1Y',
      '--grace',
      'P14D',
      '--max-machines',
      '10',
      '--max-users',
      '25',
      '--overage',
      '1.25X',
      '--heartbeat',
      '600',
      '--countries',
      'SE,NO',
      '--version-range',
      '>=1 <3',
      '--entitlement',
      'EXPORT_PDF',
      '--entitlement',
      'MAX_PROJECTS=50',
      '--price-cents',
      '29900',
      '--billing-period',
      'P1Y',
      '--json',
    );
    assert.equal(created.code, 0, created.stderr);
    const policy = created.json();
    assert.deepEqual(
      {
        durationIso: policy.durationIso,
        maintenanceDurationIso: policy.maintenanceDurationIso,
        gracePeriodIso: policy.gracePeriodIso,
        maxMachines: policy.maxMachines,
        maxUsers: policy.maxUsers,
        overage: policy.overage,
        heartbeatIntervalSeconds: policy.heartbeatIntervalSeconds,
        allowedCountries: policy.allowedCountries,
        priceCents: policy.priceCents,
        billingPeriodIso: policy.billingPeriodIso,
      },
      {
        durationIso: 'P1Y',
        maintenanceDurationIso: 'P1Y',
        gracePeriodIso: 'P14D',
        maxMachines: 10,
        maxUsers: 25,
        overage: '1.25X',
        heartbeatIntervalSeconds: 600,
        allowedCountries: ['SE', 'NO'],
        priceCents: 29900,
        billingPeriodIso: 'P1Y',
      },
    );
    assert.ok(policy.versionRange);
    assert.deepEqual(
      [...policy.entitlements].sort((a: { code: string }, b: { code: string }) =>
        a.code.localeCompare(b.code),
      ),
      [{ code: 'EXPORT_PDF' }, { code: 'MAX_PROJECTS', value: 50 }],
    );

    const listed = await admin('policy', 'list', '--product', product.id, '--model', 'SUBSCRIPTION');
    assert.match(listed.stdout, new RegExp(`^${policy.id}\\s+Pro\\s+SUBSCRIPTION\\s`, 'm'));
    assert.match((await admin('policy', 'get', policy.id)).stdout, /^overage\s+1\.25X$/m);
    assert.equal((await admin('policy', 'delete', policy.id)).code, 0);
    assert.equal((await admin('policy', 'get', policy.id)).code, 1);
  });

  it('reports invalid terms as exit 1 naming the problem, and a bad model as a usage error (exit 2)', async () => {
    const s = served();
    const tenant = await newTenant(s.t);
    const admin = (...args: string[]) => s.cli(tenant.tokens.admin, ...args);
    const product = (await admin('product', 'create', '--code', 'cad', '--name', 'CAD', '--json')).json();
    const bad = await admin(
      'policy',
      'create',
      '--product',
      product.id,
      '--name',
      'X',
      '--model',
      'TRIAL',
      '--duration',
      'one year',
    );
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /^error: .+\(\w+\)$/m);
    const usage = await admin(
      'policy',
      'create',
      '--product',
      product.id,
      '--name',
      'X',
      '--model',
      'FOREVER',
    );
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /Allowed choices are PERPETUAL/);
  });

  it('refuses catalog writes to a read-only token (FORBIDDEN, exit 1) and hides other tenants (NOT_FOUND)', async () => {
    const s = served();
    const [mine, theirs] = [await newTenant(s.t), await newTenant(s.t)];
    const r = await s.cli(mine.tokens.readOnly, 'product', 'create', '--code', 'nope', '--name', 'Nope');
    assert.equal(r.code, 1);
    assert.match(r.stderr, /\(FORBIDDEN\)/);
    const other = await s.cli(mine.tokens.admin, 'product', 'list', '--account', theirs.accountId);
    assert.equal(other.code, 1);
    assert.match(other.stderr, /\(NOT_FOUND\)/);
  });
});

it('prints help with exit 0 for every catalog and licensing group', async () => {
  for (const group of [
    'product',
    'release',
    'feature',
    'policy',
    'license',
    'machine',
    'approval',
    'verify',
  ]) {
    const r = await runCli([group, '--help']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`^Usage: licentia ${group} `, 'm'));
  }
  const r = await runCli(['policy', 'create', '--help']);
  for (const flag of [
    '--duration',
    '--maintenance',
    '--grace',
    '--max-machines',
    '--overage',
    '--heartbeat',
    '--countries',
    '--version-range',
    '--entitlement',
    '--price-cents',
    '--billing-period',
  ])
    assert.match(r.stdout, new RegExp(flag));
});
