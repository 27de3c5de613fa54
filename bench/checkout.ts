// checkout: floating check-out + check-in pairs per second and p99 at 50 connections on PostgreSQL,
// against the raw cost of the same seat accounting in SQL measured in the same run — a conditional
// UPDATE on the same pool row (`in_use + 1 … WHERE in_use < seats`, then `- 1`) from 50 connections.
// The two sides alternate in rounds (BENCH_ROUNDS, default 3; BENCH_SECONDS is split among them), so
// load from other processes on a shared machine weighs on both alike.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { buildApp } from '@licentia/server';
import pg from 'pg';
import { seedLicense, seedPolicy, seedProduct } from '../packages/server/test/licensing-fixtures.ts';
import { openBenchDatabase } from './lib/bench-database.ts';
import { benchTenant } from './lib/bench-tenant.ts';
import { benchSeconds, round, table } from './lib/load.ts';
import type { PairLoadConfig, PairLoadResult } from './lib/pair-load.ts';

const CONNECTIONS = 50;
// More seats than connections: every check-out is granted, so both sides measure the granted path.
const SEATS = 1_000;
const PAIR_LOAD = fileURLToPath(new URL('./lib/pair-load.ts', import.meta.url));

function pairLoadChild(config: PairLoadConfig): Promise<PairLoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', PAIR_LOAD, JSON.stringify(config)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split('\n').at(-1)!))
        : reject(new Error(`pair load exited ${code}`)),
    );
  });
}

/** The baseline: 50 connections each running `+1 if free` then `-1` on one pool row, autocommit. */
async function rawConditionalUpdates(
  clients: pg.Client[],
  poolId: string,
  seconds: number,
): Promise<PairLoadResult> {
  const take = {
    name: 'bench-take',
    text: 'UPDATE floating_pools SET in_use = in_use + 1 WHERE id = $1 AND in_use < seats',
    values: [poolId],
  };
  const give = {
    name: 'bench-give',
    text: 'UPDATE floating_pools SET in_use = in_use - 1 WHERE id = $1 AND in_use > 0',
    values: [poolId],
  };
  const latencies: number[] = [];
  let notGranted = 0;
  const measureFrom = performance.now() + 1000;
  const end = measureFrom + seconds * 1000;
  await Promise.all(
    clients.map(async (client) => {
      for (let t0 = performance.now(); t0 < end; t0 = performance.now()) {
        const taken = await client.query(take);
        if (taken.rowCount !== 1) {
          notGranted++;
          continue;
        }
        await client.query(give);
        if (t0 >= measureFrom) latencies.push(performance.now() - t0);
      }
    }),
  );
  return summary(latencies, seconds, 0, notGranted);
}

function summary(latencies: number[], seconds: number, errors: number, notGranted: number): PairLoadResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  const p = (q: number) =>
    round(sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * q) / 100))] ?? 0, 1);
  return {
    pairs: sorted.length,
    pairsPerSecond: sorted.length / seconds,
    p50Ms: p(50),
    p99Ms: p(99),
    errors,
    notGranted,
    latenciesMs: sorted,
  };
}

/** Several runs of one side as one: pairs over the total measured time, percentiles over all pairs. */
function merged(runs: PairLoadResult[], seconds: number): PairLoadResult {
  const sum = (f: (r: PairLoadResult) => number) => runs.reduce((n, r) => n + f(r), 0);
  return summary(
    runs.flatMap((r) => r.latenciesMs),
    seconds,
    sum((r) => r.errors),
    sum((r) => r.notGranted),
  );
}

export async function run(): Promise<void> {
  const bench = await openBenchDatabase(10);
  if (!bench.url)
    throw new Error('the checkout benchmark needs PostgreSQL (set LICENTIA_BENCH_DATABASE_URL)');
  const { app, ctx } = await buildApp({ database: bench.database });
  const { t, accountId, organizationId } = await benchTenant({ app, ctx }, bench.database);
  const product = await seedProduct(t, accountId);
  const policy = await seedPolicy(t, accountId, product.id, {
    name: 'bench floating',
    model: 'FLOATING',
    durationIso: 'P1Y',
    maxMachines: SEATS,
  });
  const license = await seedLicense(t, {
    accountId: accountId,
    organizationId: organizationId,
    productId: product.id,
    policyId: policy.id,
  });
  const feature = product.code;

  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  // A probe pair creates the pool row (pools are created on first use) and proves the path works.
  const probe = await fetch(`${url}/v1/floating/checkout`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ key: license.key, feature, user: 'probe', host: 'probe' }),
  });
  const answer = (await probe.json()) as { granted?: boolean; lease?: { id: string } };
  if (!answer.granted || !answer.lease || !probe.headers.get('licentia-signature'))
    throw new Error(`check-out probe failed: ${JSON.stringify(answer)}`);
  await fetch(`${url}/v1/floating/checkin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ key: license.key, leaseId: answer.lease.id }),
  });
  const sql = new pg.Client({ connectionString: bench.url });
  await sql.connect();
  const { rows } = await sql.query('SELECT id FROM floating_pools WHERE license_id = $1 AND feature = $2', [
    license.id,
    feature,
  ]);
  await sql.end();
  const poolId = rows[0]?.id as string;

  const seconds = benchSeconds();
  const rounds = Math.max(1, Math.floor(Number(process.env.BENCH_ROUNDS ?? 3)) || 1);
  const clients = await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      const client = new pg.Client({ connectionString: bench.url! });
      await client.connect();
      return client;
    }),
  );
  const baselineRuns: PairLoadResult[] = [];
  const ourRuns: PairLoadResult[] = [];
  let serverCpuMs = 0;
  for (let r = 0; r < rounds; r++) {
    baselineRuns.push(await rawConditionalUpdates(clients, poolId, seconds / rounds));
    const cpu0 = process.cpuUsage();
    ourRuns.push(
      await pairLoadChild({
        url,
        connections: CONNECTIONS,
        seconds: seconds / rounds,
        warmupSeconds: 1,
        checkout: { key: license.key, feature },
        checkin: { key: license.key },
      }),
    );
    const cpu = process.cpuUsage(cpu0);
    serverCpuMs += (cpu.user + cpu.system) / 1000;
  }
  await Promise.all(clients.map((c) => c.end()));
  const baseline = merged(baselineRuns, seconds);
  const ours = merged(ourRuns, seconds);
  if (ours.errors > 0 || ours.notGranted > 0)
    throw new Error(`check-out/in failed: ${ours.errors} errors, ${ours.notGranted} not granted`);

  const ratio = ours.pairsPerSecond / baseline.pairsPerSecond;
  console.log(
    `\ncheckout on PostgreSQL, ${CONNECTIONS} connections, one pool of ${SEATS} seats, ${seconds} s each ` +
      `in ${rounds} alternating rounds`,
  );
  table([
    {
      what: 'raw SQL conditional UPDATE +1 / -1 on the pool row (baseline)',
      'pairs/s': round(baseline.pairsPerSecond, 0),
      'p50 ms': baseline.p50Ms,
      'p99 ms': baseline.p99Ms,
      ratio: 1,
    },
    {
      what: 'POST /v1/floating/checkout + /checkin (signed answers)',
      'pairs/s': round(ours.pairsPerSecond, 0),
      'p50 ms': ours.p50Ms,
      'p99 ms': ours.p99Ms,
      ratio: round(ratio),
    },
  ]);
  // Includes each round's 1 s warm-up: an upper bound of the server's CPU per measured pair.
  const perPair = serverCpuMs / Math.max(1, ours.pairs + ours.pairsPerSecond * rounds);
  console.log(`server process CPU: ~${round(perPair, 2)} ms per check-out + check-in pair`);
  console.log(
    JSON.stringify({
      bench: 'checkout',
      engine: 'postgres',
      pairs_per_s: round(ours.pairsPerSecond, 0),
      p99_ms: ours.p99Ms,
      baseline_per_s: round(baseline.pairsPerSecond, 0),
      ratio: round(ratio, 3),
    }),
  );
  await app.close();
  await bench.dispose();
}
