// `licentia status` and `licentia floating options import|export` against a served test app, through
// the real executable: the lmstat-like report, JSON output, and an options file round trip.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, it } from 'node:test';
import { parseOptionsFile } from '@licentia/core';
import { forEachEngine } from '../../db/test/test-databases.ts';
import { checkout, floatingLicense } from '../../server/test/floating-helpers.ts';
import { newTenant, type Tenant } from '../../server/test/harness.ts';
import { useServedTestApp } from './cli-harness.ts';

const OPTIONS = 'GROUP eng alice bob\nRESERVE 1 CAD USER alice\nMAX 2 CAD GROUP eng\nEXCLUDE CAD USER eve\n';

forEachEngine('licentia floating commands', (engine) => {
  const served = useServedTestApp(engine);
  let tenant: Tenant;
  before(async () => {
    tenant = await newTenant(served().t);
  });

  it('prints an lmstat-like report of who holds seats', async () => {
    const s = served();
    const f = await floatingLicense(s.t, tenant, 3);
    await checkout(s.t, f, { user: 'alice', host: 'ws1' });
    const r = await s.cli(tenant.tokens.orgRead, 'status', '--license', f.licenseId, '--feature', 'CAD');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Users of CAD: {2}\(Total of 3 licenses issued; {2}Total of 1 license in use\)/);
    assert.match(r.stdout, /^ {4}alice ws1 ws1 \(v1\.0\)/m);
    const json = await s.cli(tenant.tokens.admin, 'status', '--license', f.licenseId, '--json');
    assert.equal(json.code, 0, json.stderr);
    assert.equal(json.json().find((p: { feature: string }) => p.feature === 'CAD').inUse, 1);
  });

  it('imports an options file and exports it back equivalent', async () => {
    const s = served();
    const f = await floatingLicense(s.t, tenant, 3);
    const dir = mkdtempSync(join(tmpdir(), 'licentia-options-'));
    writeFileSync(join(dir, 'in.opt'), `${OPTIONS}NOLOG IN\n`);
    const imported = await s.cli(
      tenant.tokens.admin,
      'floating',
      'options',
      'import',
      f.licenseId,
      join(dir, 'in.opt'),
    );
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stdout, /Imported options for 1 feature\(s\): CAD/);
    assert.match(imported.stdout, /skipped line 5: NOLOG IN/);
    const exported = await s.cli(tenant.tokens.orgRead, 'floating', 'options', 'export', f.licenseId);
    assert.equal(exported.code, 0, exported.stderr);
    assert.deepEqual(parseOptionsFile(exported.stdout).options, parseOptionsFile(OPTIONS).options);
    const usage = await s.cli(tenant.tokens.admin, 'floating', 'options', 'export');
    assert.equal(usage.code, 2);
  });
});
