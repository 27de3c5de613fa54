// validate: online license validations per second and p99 at 50 connections (license key, with a
// fingerprint and version scope, signed answer) vs a bare Fastify JSON route in the same run.
import { buildApp } from '@licentia/server';
import Fastify from 'fastify';
import {
  seedLicense,
  seedPolicy,
  seedProduct,
  seedRelease,
} from '../packages/server/test/licensing-fixtures.ts';
import { openBenchDatabase } from './lib/bench-database.ts';
import { benchTenant } from './lib/bench-tenant.ts';
import { load, round, table } from './lib/load.ts';

const FINGERPRINT = 'f'.repeat(64);
// The per-license limit (20/s) would refuse a benchmark hammering one license: lift it, keep the code path.
const UNLIMITED = { burst: 1e12, perSecond: 1e12 };

export async function run(): Promise<void> {
  const bare = Fastify();
  bare.post('/bare', async () => ({ ok: true }));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}/bare`;

  const bench = await openBenchDatabase(10);
  const { app, ctx } = await buildApp({ database: bench.database, rateLimits: { validate: UNLIMITED } });
  const { t, accountId, organizationId } = await benchTenant({ app, ctx }, bench.database);
  const product = await seedProduct(t, accountId);
  const policy = await seedPolicy(t, accountId, product.id, {
    name: 'bench',
    model: 'SUBSCRIPTION',
    durationIso: 'P1Y',
    maxMachines: 5,
    versionRange: '>=1.0.0 <2.0.0',
    entitlements: [{ code: 'EXPORT' }, { code: 'PRINT' }],
  });
  await seedRelease(t, accountId, product.id, '1.2.0', new Date(Date.now() - 86_400_000));
  const license = await seedLicense(t, {
    accountId: accountId,
    organizationId: organizationId,
    productId: product.id,
    policyId: policy.id,
  });
  const activated = await app.inject({
    method: 'POST',
    url: '/v1/licenses/activate',
    payload: { key: license.key, fingerprint: FINGERPRINT, hostname: 'bench' },
  });
  if (activated.statusCode !== 201) throw new Error(`activation failed: ${activated.body}`);

  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}/v1/licenses/validate`;
  const body = JSON.stringify({
    key: license.key,
    scope: { fingerprint: FINGERPRINT, version: '1.2.0', nonce: 'bench-nonce' },
  });
  const probe = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const answer = await probe.json();
  if (answer.code !== 'VALID' || !probe.headers.get('licentia-signature'))
    throw new Error(`validation probe failed: ${JSON.stringify(answer)}`);

  const json = { 'content-type': 'application/json' };
  const baseline = await load(bareUrl, { method: 'POST', headers: json, body: '{"ok":true}' });
  const ours = await load(url, { method: 'POST', headers: json, body });
  if (ours.non2xx > 0 || ours.errors > 0)
    throw new Error(`validate answered ${ours.non2xx} non-2xx, ${ours.errors} errors`);

  console.log(`\nvalidate on ${bench.url ? 'PostgreSQL' : 'PGlite'}, 50 connections`);
  table([
    {
      route: 'bare Fastify POST JSON route (baseline)',
      'req/s': round(baseline.rps, 0),
      'p99 ms': baseline.p99Ms,
      ratio: 1,
    },
    {
      route: 'POST /v1/licenses/validate (key, fingerprint, version, signed)',
      'req/s': round(ours.rps, 0),
      'p99 ms': ours.p99Ms,
      ratio: round(ours.rps / baseline.rps),
    },
  ]);
  const stats = ctx.licensing?.cache.stats;
  console.log(`snapshot cache: ${stats?.hits} hits, ${stats?.misses} misses`);
  console.log(
    JSON.stringify({
      bench: 'validate',
      engine: bench.url ? 'postgres' : 'pglite',
      rps: round(ours.rps, 0),
      p99_ms: ours.p99Ms,
      baseline_rps: round(baseline.rps, 0),
      ratio: round(ours.rps / baseline.rps, 3),
    }),
  );
  await app.close();
  await bare.close();
  await bench.dispose();
}
