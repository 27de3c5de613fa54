// http-baseline: a bare Fastify JSON route vs Licentia's /healthz vs an authenticated GET
// (token lookup + one row), 50 connections each, measured in the same run.
import { buildApp } from '@licentia/server';
import Fastify from 'fastify';
import { bootstrap } from '../packages/server/src/bootstrap/bootstrap.ts';
import { openBenchDatabase } from './lib/bench-database.ts';
import { load, round, table } from './lib/load.ts';

export async function run(): Promise<void> {
  const bare = Fastify();
  bare.get('/bare', async () => ({ ok: true }));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}/bare`;

  const bench = await openBenchDatabase();
  const { app, ctx } = await buildApp({ database: bench.database });
  const { operatorToken } = await bootstrap(ctx, {
    bootstrapToken: null,
    demo: true,
    issueOperatorToken: true,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const accounts = await (
    await fetch(`${base}/v1/accounts`, { headers: { authorization: `Bearer ${operatorToken}` } })
  ).json();
  const accountId = accounts.data[0].id as string;

  const baseline = await load(bareUrl);
  const health = await load(`${base}/healthz`);
  const authed = await load(`${base}/v1/accounts/${accountId}`, {
    headers: { authorization: `Bearer ${operatorToken}` },
  });
  if (authed.non2xx > 0) throw new Error(`authenticated GET answered ${authed.non2xx} non-2xx responses`);

  console.log(`\nhttp-baseline on ${bench.url ? 'PostgreSQL' : 'PGlite'}, 50 connections`);
  table([
    {
      route: 'bare Fastify JSON route (baseline)',
      'req/s': round(baseline.rps, 0),
      'p99 ms': baseline.p99Ms,
      ratio: 1,
    },
    {
      route: 'GET /healthz',
      'req/s': round(health.rps, 0),
      'p99 ms': health.p99Ms,
      ratio: round(health.rps / baseline.rps),
    },
    {
      route: 'GET /v1/accounts/{id} (authenticated)',
      'req/s': round(authed.rps, 0),
      'p99 ms': authed.p99Ms,
      ratio: round(authed.rps / baseline.rps),
    },
  ]);
  console.log(
    JSON.stringify({
      bench: 'http-baseline',
      engine: bench.url ? 'postgres' : 'pglite',
      rps: round(authed.rps, 0),
      p99_ms: authed.p99Ms,
      healthz_rps: round(health.rps, 0),
      baseline_rps: round(baseline.rps, 0),
      ratio: round(authed.rps / baseline.rps, 3),
    }),
  );
  await app.close();
  await bare.close();
  await bench.dispose();
}
