// `licentia usage import` and `licentia collect` against a served test app: the import streams the
// file and prints the report as one JSON object, a second import stores nothing, the collector pushes
// lmstat snapshots, and a vendor token without --org is a usage error.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { forEachEngine } from '../../db/test/test-databases.ts';
import { newTenant } from '../../server/test/harness.ts';
import { useServedTestApp } from './cli-harness.ts';

const samples = fileURLToPath(new URL('../../../../shared/samples/flexnet/', import.meta.url));
const MATLAB = `${samples}joseantoniovilar__Stats_Logs_FlexLM__matlab.log`;
const LMSTAT = `${samples}mjtrangoni__flexlm_exporter__lmstat_app2.txt`;

forEachEngine('licentia usage', (engine) => {
  const served = useServedTestApp(engine);

  it('imports a debug log and prints one JSON report; a second import prints new: 0', async () => {
    const s = served();
    const tenant = await newTenant(s.t);
    const args = [
      'usage',
      'import',
      MATLAB,
      '--format',
      'flexnet-debug',
      '--server',
      'matlab',
      '--timezone',
      'Europe/Madrid',
      '--json',
    ];
    const first = await s.cli(tenant.tokens.orgAdmin, ...args);
    assert.equal(first.code, 0, first.stderr);
    const report = first.json();
    assert.deepEqual(Object.keys(report).slice(0, 7), [
      'events',
      'new',
      'users',
      'features',
      'first',
      'last',
      'skipped',
    ]);
    assert.deepEqual(
      [report.events.OUT, report.events.IN, report.events.DENIED, report.events.UNSUPPORTED, report.users],
      [1751, 1482, 0, 8, 32],
    );
    assert.ok(report.new > 0);
    assert.match(report.first, /^\d{4}-\d{2}-\d{2}T/);
    const second = await s.cli(tenant.tokens.orgAdmin, ...args);
    assert.equal(second.code, 0, second.stderr);
    assert.equal(second.json().new, 0);
    const table = await s.cli(
      tenant.tokens.orgAdmin,
      'usage',
      'import',
      MATLAB,
      '--format',
      'flexnet-debug',
      '--server',
      'matlab',
    );
    assert.match(table.stdout, /^ {2}new {6}0$/m);
  });

  it('refuses a vendor token without --org (exit 2) and an unknown format (exit 2)', async () => {
    const s = served();
    const tenant = await newTenant(s.t);
    const noOrg = await s.cli(
      tenant.tokens.admin,
      'usage',
      'import',
      MATLAB,
      '--format',
      'flexnet-debug',
      '--server',
      'x',
    );
    assert.equal(noOrg.code, 2);
    assert.match(noOrg.stderr, /--org <id> is required/);
    const badFormat = await s.cli(
      tenant.tokens.orgAdmin,
      'usage',
      'import',
      MATLAB,
      '--format',
      'xml',
      '--server',
      'x',
    );
    assert.equal(badFormat.code, 2);
    const withOrg = await s.cli(
      tenant.tokens.admin,
      'usage',
      'user-count',
      '--org',
      tenant.organizationId,
      '--json',
    );
    assert.equal(withOrg.code, 0, withOrg.stderr);
    assert.equal(withOrg.json().windowDays, 30);
  });

  it('collects lmstat snapshots from a command and pushes them (the same holders are stored once)', async () => {
    const s = served();
    const tenant = await newTenant(s.t);
    const r = await s.cli(
      tenant.tokens.orgAdmin,
      'collect',
      '--lmstat-command',
      `cat '${LMSTAT}'`,
      '--every',
      '200ms',
      '--times',
      '2',
      '--server',
      'app2',
    );
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines.length, 2);
    assert.match(lines[0]!, / app2 UP: OUT 38; 38 new$/);
    assert.match(lines[1]!, / app2 UP: OUT 38; 0 new$/);
  });
});
