// user-count: the 30-day count of distinct users over 10 million usage events of 100,000 users on
// PostgreSQL, answered from the per-day counters (sum of ≤ 30 rows), vs a plain count(DISTINCT)
// over the events of the same window in the same run. Goal: < 10 ms.
//
// Events are generated in SQL (INSERT … SELECT generate_series) over 90 days; 30 % of the users are
// active only 60–90 days ago, so the window really excludes someone. The counters are built the way
// the product maintains them: rebuildUsageCounters (what a username-rule change runs), then one more
// day of events through the import path's batch insert, which moves users between day counters.
import {
  accountRepository,
  organizationRepository,
  rebuildUsageCounters,
  usageEventRepository,
  usageQueryRepository,
} from '@licentia/db';
import { sql } from 'kysely';
import { usageDedupeKey } from '../packages/server/src/usage/usage-dedupe-key.ts';
import { openBenchDatabase } from './lib/bench-database.ts';
import { round, table } from './lib/load.ts';

const EVENTS = Number(process.env.USER_COUNT_EVENTS ?? 10_000_000);
const USERS = 100_000;
const CHUNK = 1_000_000;
const DAY_S = 86_400;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function run(): Promise<void> {
  const bench = await openBenchDatabase(4);
  if (!bench.url) console.log('(PGlite: figures are not representative; the goal is stated for PostgreSQL)');
  const db = bench.database.db;
  try {
    const account = await accountRepository.insert(db, {
      id: 'acct_01benchusercount00000000000',
      name: 'bench',
    });
    const org = await organizationRepository.insert(db, account.id, {
      id: 'org_01benchusercount000000000000',
      name: 'bench',
    });
    const now = new Date();
    const nowIso = now.toISOString();
    const started = performance.now();
    for (let from = 0; from < EVENTS; from += CHUNK) {
      const to = Math.min(EVENTS, from + CHUNK) - 1;
      // user = a spread of g over 100k; users with (user % 10) < 3 are active only 60–90 days ago.
      await sql`INSERT INTO usage_events (account_id, organization_id, source, kind, feature, username, username_key,
          host, occurred_at, count, dedupe_key)
        SELECT ${account.id}, ${org.id}, 'CSV', CASE WHEN g % 2 = 0 THEN 'OUT' ELSE 'IN' END,
          'FEATURE_' || (g % 50), 'user' || u, 'user' || u, 'pc' || u,
          ${nowIso}::timestamptz - make_interval(secs => CASE WHEN u % 10 < 3
            THEN (60 * ${DAY_S}) + (g * 7919) % (30 * ${DAY_S}) ELSE (g * 7919) % (90 * ${DAY_S}) END),
          1, md5(g::text)::uuid
        FROM (SELECT g, (g * 48271) % ${USERS} AS u FROM generate_series(${from}::bigint, ${to}::bigint) AS g) AS s`.execute(
        db,
      );
      process.stdout.write(`\rgenerated ${to + 1} events`);
    }
    console.log(` in ${round((performance.now() - started) / 1000, 1)} s`);
    await sql`ANALYZE usage_events`.execute(db);

    const rebuild = performance.now();
    await db.transaction().execute((trx) => rebuildUsageCounters(trx, account.id, org.id));
    const rebuildS = (performance.now() - rebuild) / 1000;
    // One more day of usage through the product's incremental path (10 batches of 1,000).
    const incremental = performance.now();
    for (let b = 0; b < 10; b++) {
      const rows = Array.from({ length: 1000 }, (_, i) => {
        const u = ((b * 1000 + i) * 97) % USERS;
        return {
          source: 'CSV' as const,
          kind: 'OUT',
          feature: 'FEATURE_1',
          username: `user${u}`,
          usernameKey: `user${u}`,
          host: `pc${u}`,
          occurredAt: new Date(now.getTime() - 60_000),
          count: 1,
          licenseServerId: null,
          licenseId: null,
          version: null,
          reason: null,
          dedupeKey: usageDedupeKey('CSV', `bench-${b}-${i}`),
        };
      });
      await db
        .transaction()
        .execute((trx) => usageEventRepository.insertBatch(trx, account.id, org.id, rows));
    }
    const incrementalMs = (performance.now() - incremental) / 10;

    const windowStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - 29));
    const baseline = async () => {
      const t0 = performance.now();
      const { rows } = await sql<{
        n: number;
      }>`SELECT count(DISTINCT username_key)::int AS n FROM usage_events
        WHERE organization_id = ${org.id} AND occurred_at >= ${windowStart}`.execute(db);
      return { ms: performance.now() - t0, n: Number(rows[0]!.n) };
    };
    const ours = async () => {
      const t0 = performance.now();
      const n = await usageQueryRepository.countUsers(db, org.id, now);
      return { ms: performance.now() - t0, n };
    };
    await ours();
    await baseline();
    const oursRuns = [];
    for (let i = 0; i < 200; i++) oursRuns.push(await ours());
    const baseRuns = [];
    for (let i = 0; i < 5; i++) baseRuns.push(await baseline());
    const counted = oursRuns[0]!.n;
    const expected = baseRuns[0]!.n;
    if (counted !== expected)
      throw new Error(`count mismatch: counters ${counted}, count(DISTINCT) ${expected}`);
    const countMs = median(oursRuns.map((r) => r.ms));
    const baselineMs = median(baseRuns.map((r) => r.ms));
    table([
      {
        method: 'count(DISTINCT) over events, 30 days',
        users: expected,
        median_ms: round(baselineMs, 1),
        runs: baseRuns.length,
      },
      {
        method: 'sum of 30 per-day counters',
        users: counted,
        median_ms: round(countMs, 3),
        runs: oursRuns.length,
      },
    ]);
    console.log(
      `rebuild of the counters from ${EVENTS} events: ${round(rebuildS, 1)} s; incremental batch of 1,000: ${round(incrementalMs, 1)} ms`,
    );
    console.log(
      JSON.stringify({
        bench: 'user-count',
        events: EVENTS + 10_000,
        users: USERS,
        counted,
        count_ms: round(countMs, 3),
        baseline_ms: round(baselineMs, 1),
        ratio: round(countMs / baselineMs, 5),
      }),
    );
  } finally {
    await bench.dispose();
  }
}
