// `licentia import` against a served test app: a dry run writes nothing, the apply prints one JSON
// object with both answers, a bad row stops before the apply (exit 1, the line named), usage errors.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { forEachEngine } from '../../db/test/test-databases.ts';
import { call, newTenant, type Tenant } from '../../server/test/harness.ts';
import { type ServedApp, useServedTestApp } from './cli-harness.ts';

const dir = mkdtempSync(join(tmpdir(), 'licentia-import-'));
function csvFile(name: string, rows: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${['username,email,name,status,environments', ...rows].join('\n')}\n`);
  return path;
}
const people = (n: number) =>
  Array.from({ length: n }, (_, i) => `u${i},u${i}@example.com,U ${i},,Production`);

async function setup(s: ServedApp): Promise<Tenant> {
  const x = await newTenant(s.t);
  const env = await call(
    s.t,
    'POST',
    `/v1/accounts/${x.accountId}/organizations/${x.organizationId}/environments`,
    {
      token: x.tokens.admin,
      body: { name: 'Production', kind: 'PRODUCTION' },
    },
  );
  assert.equal(env.status, 201, env.body);
  return x;
}

forEachEngine('licentia import', (engine) => {
  const served = useServedTestApp(engine);

  it('--dry-run reports what would change and writes nothing; then the import applies it (--json)', async () => {
    const s = served();
    const x = await setup(s);
    const file = csvFile('ok.csv', people(50));
    const dry = await s.cli(x.tokens.orgAdmin, 'import', 'people', file, '--dry-run', '--json');
    assert.equal(dry.code, 0, dry.stderr);
    assert.deepEqual([dry.json().dryRun.create, dry.json().applied], [50, null]);
    const again = await s.cli(x.tokens.orgAdmin, 'import', 'people', file, '--json');
    assert.equal(again.code, 0, again.stderr);
    assert.deepEqual(
      [again.json().dryRun.create, again.json().applied.create, again.json().applied.dryRun],
      [50, 50, false],
    );
    const vendor = await s.cli(x.tokens.admin, 'import', 'people', file, '--org', x.organizationId);
    assert.equal(vendor.code, 0, vendor.stderr);
    assert.match(vendor.stdout, /unchanged\s+50/);
  });

  it('stops before the apply when a row is bad: exit 1, the line named, nothing written', async () => {
    const s = served();
    const x = await setup(s);
    const rows = people(30);
    rows[14] = 'u14,broken-email,U 14,,Production';
    const r = await s.cli(x.tokens.orgAdmin, 'import', 'people', csvFile('bad.csv', rows));
    assert.equal(r.code, 1);
    assert.match(r.stdout, /line 16 email: invalid email "broken-email"/);
    assert.match(r.stdout, /Nothing was imported/);
    const listed = await call(
      s.t,
      'GET',
      `/v1/accounts/${x.accountId}/organizations/${x.organizationId}/people`,
      {
        token: x.tokens.admin,
      },
    );
    assert.equal(listed.json.data.length, 0);
  });

  it('refuses an unknown kind and a missing file with exit code 2', async () => {
    const s = served();
    const x = await setup(s);
    assert.equal((await s.cli(x.tokens.orgAdmin, 'import', 'robots', csvFile('k.csv', []))).code, 2);
    assert.equal((await s.cli(x.tokens.orgAdmin, 'import', 'people', join(dir, 'missing.csv'))).code, 2);
  });
});
