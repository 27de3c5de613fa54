// Usage imports through the streaming service on both engines: every sample of ../shared/samples/flexnet
// imports with the counts a plain line match finds, a second import stores nothing, and denials are
// kept raw and deduplicated per (user, feature, day).
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { usageQueryRepository } from '@licentia/db';
import { forEachEngine } from '../../db/test/test-databases.ts';
import { newTenant, type Tenant, useTestApp } from './harness.ts';
import { debugLogOracle, importBytes, newServer, readSample, SAMPLES } from './usage-helpers.ts';

const samples = readdirSync(SAMPLES).sort();
const debugLogs = samples.filter((f) => f.endsWith('.log'));
const lmstatOutputs = samples.filter((f) => f.includes('lmstat'));
// Only these lines of the samples may be skipped instead of counted (see core flexnet-samples.test.ts).
const ALLOWED_SKIPS = /^(corrupted time|usage line without a time prefix|no date anchor)/;

// An lmstat holder line: "    user host display (vX) (server/port handle), start Day M/D H:MM".
const HOLDER = /^\s+(.+?) \(v[^)]*\) \([^/\s]+\/\d+\s+\d+\)(, start | queued for )/;
// The sample's two hand-made names with spaces (mjtrangoni lmstat_app1): the oracle names them literally.
const SPACED_USERS: Record<string, string> = {
  'John Doe John_D': 'John Doe',
  'Jane Doe Jr. jane': 'Jane Doe Jr.',
};

function lmstatOracle(text: string) {
  const users = new Set<string>();
  let out = 0;
  for (const line of text.split(/\r?\n/)) {
    const m = HOLDER.exec(line);
    if (!m) continue;
    if (m[2] === ', start ') out++;
    const tokens = m[1]!.trim().split(/\s+/);
    const spaced = Object.keys(SPACED_USERS).find((k) => m[1]!.trim().startsWith(k));
    users.add((spaced ? SPACED_USERS[spaced]! : tokens[0]!).toLowerCase());
  }
  return { out, users: users.size };
}

forEachEngine('usage import', (engine) => {
  const getApp = useTestApp(engine);
  let tenant: Tenant;
  before(async () => {
    tenant = await newTenant(getApp());
  });

  it('finds the debug logs and lmstat outputs of the sample folder', () => {
    assert.equal(debugLogs.length, 3);
    assert.equal(lmstatOutputs.length, 5);
  });

  for (const name of debugLogs) {
    it(`${name}: stores every usage line with the per-kind counts and users of a plain line match`, async () => {
      const t = getApp();
      const server = await newServer(t, tenant);
      const bytes = readSample(name);
      const report = await importBytes(t, tenant, server, 'flexnet-debug', bytes);
      for (const s of report.skipped) assert.match(s.reason, ALLOWED_SKIPS, `line ${s.line}`);
      const skipped = new Set(report.skipped.map((s) => s.line));
      const text = bytes
        .toString('utf8')
        .split(/\r\n|\n|\r/)
        .map((line, i) => (skipped.has(i + 1) ? '' : line))
        .join('\n');
      const oracle = debugLogOracle(text);
      for (const kind of ['OUT', 'IN', 'DENIED', 'UNSUPPORTED'])
        assert.equal(report.events[kind as 'OUT'], oracle.counts[kind], kind);
      assert.equal(report.users, oracle.users.size);
      const parsed = Object.values(report.events).reduce((a, b) => a + b, 0);
      assert.ok(report.new > 0 && report.new <= parsed, `new ${report.new} of ${parsed}`);
      const stored = await t.database.db
        .selectFrom('usage_events')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('license_server_id', '=', server.id)
        .executeTakeFirstOrThrow();
      assert.equal(Number(stored.n), report.new);

      const again = await importBytes(t, tenant, server, 'flexnet-debug', bytes);
      assert.equal(again.new, 0);
      assert.deepEqual(again.events, report.events);
    });
  }

  for (const name of lmstatOutputs) {
    it(`${name}: imports every holder as an OUT, and a second snapshot adds nothing`, async () => {
      const t = getApp();
      const server = await newServer(t, tenant);
      const bytes = readSample(name);
      const report = await importBytes(t, tenant, server, 'lmstat', bytes);
      const oracle = lmstatOracle(bytes.toString('utf8'));
      assert.equal(report.events.OUT, oracle.out);
      if (oracle.out > 0) assert.equal(report.users, oracle.users);
      assert.equal((await importBytes(t, tenant, server, 'lmstat', bytes)).new, 0);
    });
  }

  it('stores each event once when two imports of one file run at once (no deadlock, exact counters)', async () => {
    const t = getApp();
    const own = await newTenant(t);
    const server = await newServer(t, own);
    const bytes = readSample('talestk__log_parser__genetech.log');
    const [a, b] = await Promise.all([
      importBytes(t, own, server, 'flexnet-debug', bytes, { batchSize: 100 }),
      importBytes(t, own, server, 'flexnet-debug', bytes, { batchSize: 70 }),
    ]);
    const db = t.database.db;
    const stored = await db
      .selectFrom('usage_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organization_id', '=', own.organizationId)
      .executeTakeFirstOrThrow();
    assert.equal(a.new + b.new, Number(stored.n));
    const alone = await newTenant(t);
    const single = await importBytes(t, alone, await newServer(t, alone), 'flexnet-debug', bytes);
    assert.equal(Number(stored.n), single.new);
    const users = await db
      .selectFrom('usage_user_days')
      .select((eb) => eb.fn.sum<number>('users').as('n'))
      .where('organization_id', '=', own.organizationId)
      .executeTakeFirstOrThrow();
    assert.equal(Number(users.n), a.users);
    const denials = await usageQueryRepository.listDenials(
      db,
      own.accountId,
      own.organizationId,
      {},
      { limit: 1 },
    );
    assert.equal(denials.raw, single.events.DENIED);
  });

  it('records each snapshot as a poll: ONLINE (naming a triad member down), OFFLINE, or ERROR for lmstat -i', async () => {
    const t = getApp();
    const triad = await newServer(t, tenant);
    const partly = await importBytes(
      t,
      tenant,
      triad,
      'lmstat',
      readSample('mjtrangoni__flexlm_exporter__lmstat_server_down.txt'),
    );
    assert.equal(partly.snapshot?.status, 'UP');
    const down = await newServer(t, tenant);
    const unreachable =
      'lmutil - Copyright\nError getting status: Cannot connect to license server system. (-15,10)\n';
    assert.equal((await importBytes(t, tenant, down, 'lmstat', unreachable)).snapshot?.status, 'DOWN');
    const listing = await newServer(t, tenant);
    await importBytes(
      t,
      tenant,
      listing,
      'lmstat',
      readSample('mjtrangoni__flexlm_exporter__lmstat_i_app1.txt'),
    );
    const status = async (id: string) =>
      t.database.db
        .selectFrom('license_servers')
        .select(['status', 'status_detail as detail', 'version'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
    const triadStatus = await status(triad.id);
    assert.deepEqual([triadStatus.status, triadStatus.version], ['ONLINE', '11.13.0']);
    assert.match(triadStatus.detail!, /^host3: Cannot connect to license server system/);
    assert.equal((await status(down.id)).status, 'OFFLINE');
    assert.equal((await status(listing.id)).status, 'ERROR');
  });

  it('survives files that are not usage at all: license files and a foreign CSV store nothing', async () => {
    const t = getApp();
    const server = await newServer(t, tenant);
    for (const name of samples.filter((f) => f.endsWith('.lic'))) {
      const r = await importBytes(t, tenant, server, 'flexnet-debug', readSample(name));
      assert.equal(r.new, 0, name);
    }
    const csv = samples.find((f) => f.endsWith('.csv'))!;
    const r = await importBytes(t, tenant, server, 'csv', readSample(csv));
    assert.equal(r.new, 0);
    assert.equal(r.skippedTotal, r.lines);
    assert.match(r.skipped[0]!.reason, /^header must be time,kind,feature,user,host,count,server,version/);
  });

  describe('denials', () => {
    const log = [
      '9:00:00 (lmgrd) TIMESTAMP 3/4/2024',
      '9:00:01 (acme) DENIED: "cad" JDoe@pc1  (Licensed number of users already reached. (-4,342))',
      '9:00:02 (acme) DENIED: "cad" jdoe@pc1  (Licensed number of users already reached. (-4,342))',
      '9:00:03 (acme) DENIED: "cad" jdoe@pc1  (Licensed number of users already reached. (-4,342))',
      '9:00:04 (acme) DENIED: "cam" jdoe@pc1  (Licensed number of users already reached. (-4,342))',
      '9:00:05 (acme) DENIED: "cad" ann@pc2  (Licensed number of users already reached. (-4,342))',
      '9:00:00 (lmgrd) TIMESTAMP 3/5/2024',
      '9:00:06 (acme) DENIED: "cad" jdoe@pc1  (Licensed number of users already reached. (-4,342))',
    ].join('\n');

    it('keeps every raw denial and counts one per user, feature and UTC day (a retry loop counts once)', async () => {
      const t = getApp();
      const own = await newTenant(t);
      const server = await newServer(t, own, 'lic1', 'UTC');
      // Batches of 2: six events in three transactions, counters moved by each.
      const report = await importBytes(t, own, server, 'flexnet-debug', log, { batchSize: 2 });
      assert.equal(report.events.DENIED, 6);
      assert.equal(report.new, 6);
      const page = await usageQueryRepository.listDenials(
        t.database.db,
        own.accountId,
        own.organizationId,
        {},
        { limit: 10 },
      );
      assert.equal(page.raw, 6);
      assert.equal(page.distinct, 4);
      assert.deepEqual(
        page.data.map((d) => [d.day, d.feature, d.usernameKey, d.denials]),
        [
          ['2024-03-05', 'cad', 'jdoe', 1],
          ['2024-03-04', 'cad', 'ann', 1],
          ['2024-03-04', 'cad', 'jdoe', 3],
          ['2024-03-04', 'cam', 'jdoe', 1],
        ],
      );
      await importBytes(t, own, server, 'flexnet-debug', log);
      const again = await usageQueryRepository.listDenials(
        t.database.db,
        own.accountId,
        own.organizationId,
        {},
        { limit: 10 },
      );
      assert.deepEqual([again.raw, again.distinct], [6, 4]);
    });

    it('pages the denial view with a cursor and filters by day and feature', async () => {
      const t = getApp();
      const own = await newTenant(t);
      await importBytes(t, own, await newServer(t, own, 'lic1', 'UTC'), 'flexnet-debug', log);
      const db = t.database.db;
      const first = await usageQueryRepository.listDenials(
        db,
        own.accountId,
        own.organizationId,
        {},
        { limit: 3 },
      );
      const second = await usageQueryRepository.listDenials(
        db,
        own.accountId,
        own.organizationId,
        {},
        { limit: 3, after: first.nextCursor! },
      );
      assert.deepEqual([first.data.length, second.data.length, second.nextCursor], [3, 1, null]);
      const day = await usageQueryRepository.listDenials(
        db,
        own.accountId,
        own.organizationId,
        { fromDay: '2024-03-04', toDay: '2024-03-04', feature: 'cad' },
        { limit: 10 },
      );
      assert.deepEqual([day.distinct, day.raw], [2, 4]);
    });
  });

  it('reads CSV rows, reports every bad record with its line, and keys rows by their server', async () => {
    const t = getApp();
    const own = await newTenant(t);
    const server = await newServer(t, own, 'lic1', 'UTC');
    const csv = [
      'time,kind,feature,user,host,count,server,version',
      '2024-05-01T09:30:00Z,OUT,cad,jdoe,pc1,,,',
      '2024-05-01T09:31:00+02:00,IN,cad,jdoe,pc1,1,lic1,',
      'yesterday,OUT,cad,jdoe,pc1,,,',
      '2024-05-01T09:32:00Z,BORROW,cad,jdoe,pc1,,,',
      '2024-05-01T09:33:00Z,OUT,"cad, pro",ann,pc2,2,other-server,2.0',
    ].join('\r\n');
    const report = await importBytes(t, own, server, 'csv', csv);
    assert.deepEqual(
      [report.events.OUT, report.events.IN, report.new, report.users, report.features],
      [2, 1, 3, 2, 2],
    );
    assert.deepEqual(report.skipped, [
      { line: 4, reason: 'invalid time "yesterday"' },
      { line: 5, reason: 'unknown kind "BORROW"' },
    ]);
    assert.equal(report.first, '2024-05-01T07:31:00.000Z');
    assert.equal((await importBytes(t, own, server, 'csv', csv)).new, 0);
  });
});
