// The storage-level allocation figures: the benchmark's organization written to a real database
// (PostgreSQL when one answers, else PGlite with fewer people), then the server's own recompute
// (packages/server/src/allocation) timed for a full recompute and for single group changes, each in
// one transaction that reads the reached people's rows and writes the changed decisions.
import { ID_PREFIXES, type IdKind } from '@licentia/core';
import { allocationRepository, type Database } from '@licentia/db';
import { sql } from 'kysely';
import { typeid } from 'typeid-js';
import { recomputeAllocation } from '../../packages/server/src/allocation/recompute-allocation.ts';
import {
  benchCatalog,
  DEPARTMENTS,
  LICENSE_GROUPS,
  percentile,
  secondsSince,
  stream,
} from './allocation-graph.ts';
import { openBenchDatabase } from './bench-database.ts';
import { round, table } from './load.ts';

const CHANGES = 30;
const ctx = { clock: () => new Date(), newId: (kind: IdKind) => typeid(ID_PREFIXES[kind]).toString() };

/** Accounts, organization, people, groups, memberships and assignments, mostly in set-based SQL. */
async function seed(database: Database, people: number) {
  const db = database.db;
  const accountId = ctx.newId('account');
  const organizationId = ctx.newId('organization');
  const s = { accountId, organizationId };
  await db.insertInto('accounts').values({ id: accountId, name: 'allocation bench' }).execute();
  await db
    .insertInto('organizations')
    .values({ id: organizationId, account_id: accountId, name: 'bench org' })
    .execute();
  const catalog = benchCatalog();
  const codes = catalog.map((p) => p.id);
  await allocationRepository.replaceProducts(
    db,
    s,
    'IMPORT',
    catalog.map((p) => ({
      code: p.id,
      name: p.id,
      kind: p.kind,
      capabilities: [...p.capabilities],
      rank: p.rank,
      generation: p.generation,
      audience: p.audience,
      requiresCodes: [...p.requiresProductIds],
      quantity: null,
      userLicenseType: 'USER',
    })),
    () => ctx.newId('allocationProduct'),
    new Date(),
  );
  await sql`INSERT INTO people (id, account_id, organization_id, username, email, name)
    SELECT 'per_' || i, ${accountId}, ${organizationId}, 'u' || i, 'u' || i || '@example.com', 'User ' || i
    FROM generate_series(0, ${people - 1}) AS i`.execute(db);
  const next = stream(42);
  const pick = () => codes[Math.floor(next() * codes.length)]!;
  const group = (id: string, kind: 'GROUP' | 'LICENSE_GROUP') => ({
    id,
    account_id: accountId,
    organization_id: organizationId,
    kind,
    name: id,
  });
  await db
    .insertInto('allocation_groups')
    .values([
      ...Array.from({ length: DEPARTMENTS }, (_, d) => group(`grp_dept_${d}_${organizationId}`, 'GROUP')),
      ...Array.from({ length: LICENSE_GROUPS }, (_, l) =>
        group(`grp_lic_${l}_${organizationId}`, 'LICENSE_GROUP'),
      ),
    ])
    .execute();
  const groupIds = [
    ...Array.from({ length: DEPARTMENTS }, (_, d) => `grp_dept_${d}_${organizationId}`),
    ...Array.from({ length: LICENSE_GROUPS }, (_, l) => `grp_lic_${l}_${organizationId}`),
  ];
  const nesting = [];
  for (let d = 0; d < DEPARTMENTS; d++)
    // As in benchGraph: license group l contains department d when d % 10 = l or (d + 3) % 10 = l.
    for (const l of new Set([d % 10, (d + 3) % 10]))
      nesting.push({ ...s, parent_group_id: groupIds[DEPARTMENTS + l]!, child_group_id: groupIds[d]! });
  await db
    .insertInto('allocation_group_nesting')
    .values(
      nesting.map(({ accountId: a, organizationId: o, ...n }) => ({
        account_id: a,
        organization_id: o,
        ...n,
      })),
    )
    .execute();
  await db
    .insertInto('allocation_assignments')
    .values(
      groupIds.map((g) => ({
        id: ctx.newId('allocationAssignment'),
        account_id: accountId,
        organization_id: organizationId,
        product_code: pick(),
        group_id: g,
      })),
    )
    .execute();
  await sql`INSERT INTO allocation_group_people (account_id, organization_id, group_id, person_id)
    SELECT ${accountId}, ${organizationId}, 'grp_dept_' || (i % ${DEPARTMENTS}) || '_' || ${organizationId}, 'per_' || i
    FROM generate_series(0, ${people - 1}) AS i`.execute(db);
  // Two direct assignments per person, spread over the catalog by two different strides.
  await sql`INSERT INTO allocation_assignments (id, account_id, organization_id, product_code, person_id)
    SELECT 'alasg_' || i || '_' || k, ${accountId}, ${organizationId},
      (ARRAY[${sql.join(codes)}])[1 + ((i * (7 + k * 4) + k) % ${codes.length})], 'per_' || i
    FROM generate_series(0, ${people - 1}) AS i, generate_series(0, 1) AS k`.execute(db);
  return { s, groupIds, codes };
}

export async function measureStorage(): Promise<Record<string, unknown>> {
  const wanted = Number(process.env.BENCH_STORAGE_PEOPLE ?? -1);
  if (wanted === 0) return {};
  const bench = await openBenchDatabase(4);
  const people = wanted > 0 ? wanted : bench.url ? 100_000 : 20_000;
  try {
    const seeded = await seed(bench.database, people);
    const db = bench.database.db;
    let t = process.hrtime.bigint();
    const full = await db
      .transaction()
      .execute((trx) => recomputeAllocation(trx, ctx, seeded.s, { all: true }, 'FULL'));
    const fullS = secondsSince(t);
    const next = stream(11);
    const times: number[] = [];
    const reached: number[] = [];
    for (let i = 0; i < CHANGES; i++) {
      const groupId = seeded.groupIds[Math.floor(next() * seeded.groupIds.length)]!;
      const code = seeded.codes[Math.floor(next() * seeded.codes.length)]!;
      t = process.hrtime.bigint();
      const outcome = await db.transaction().execute(async (trx) => {
        await allocationRepository.lock(trx, seeded.s);
        const removed = await trx
          .deleteFrom('allocation_assignments')
          .where('group_id', '=', groupId)
          .where('product_code', '=', code)
          .executeTakeFirst();
        if (removed.numDeletedRows === 0n) {
          await trx
            .insertInto('allocation_assignments')
            .values({
              id: ctx.newId('allocationAssignment'),
              account_id: seeded.s.accountId,
              organization_id: seeded.s.organizationId,
              product_code: code,
              group_id: groupId,
            })
            .execute();
        }
        return recomputeAllocation(trx, ctx, seeded.s, { groupIds: [groupId] }, 'ASSIGNMENT');
      });
      times.push(secondsSince(t) * 1000);
      reached.push(outcome.peopleReached);
    }
    const sorted = [...times].sort((a, b) => a - b);
    console.log(
      `\nallocation (storage, ${bench.url ? 'PostgreSQL' : 'PGlite'}): ${people} people, full recompute wrote ${full.peopleChanged} rows`,
    );
    table([
      { step: 'full recompute (one transaction)', value: `${round(fullS, 2)} s` },
      { step: `incremental, ${CHANGES} group changes, p50`, value: `${round(percentile(sorted, 50), 1)} ms` },
      { step: `incremental, ${CHANGES} group changes, max`, value: `${round(sorted.at(-1) ?? 0, 1)} ms` },
      { step: 'people reached per change (max)', value: Math.max(...reached) },
    ]);
    return {
      storage_engine: bench.url ? 'postgres' : 'pglite',
      storage_people: people,
      storage_full_recompute_s: round(fullS, 2),
      storage_incremental_p50_ms: round(percentile(sorted, 50), 1),
      storage_incremental_max_ms: round(sorted.at(-1) ?? 0, 1),
    };
  } finally {
    await bench.dispose();
  }
}
