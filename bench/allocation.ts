// allocation: full recompute of effective licenses for 100,000 people (5 assignments each through 50
// nested groups) and the p99 of an incremental recompute after one group change, in the core
// (AllocationIndex). In-run baseline: the per-person path (resolve every person reached, decide each
// person's set, memoized only within one recompute), i.e. what the index's assignment classes and the
// long-lived decision memo save. Times are wall clock, so on a shared 2-core machine they include
// waiting for the CPU: the load average is printed with them. Then the storage
// level (bench/lib/allocation-storage.ts): the server's recompute on PostgreSQL (100,000 people) or
// PGlite (20,000); BENCH_STORAGE_PEOPLE sets the size, 0 skips it.
import { loadavg } from 'node:os';
import {
  AllocationIndex,
  type AssignmentGraph,
  decideEffectiveLicenses,
  decisionKey,
  type EffectiveLicenseDecision,
  indexPersonGroups,
  type LicenseProductRef,
  recomputeAffected,
  resolveAssignments,
} from '../packages/core/src/allocation/index.ts';
import {
  benchCatalog,
  benchChanges,
  benchGraph,
  type GroupToggle,
  percentile,
  secondsSince,
} from './lib/allocation-graph.ts';
import { measureStorage } from './lib/allocation-storage.ts';
import { round, table } from './lib/load.ts';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 100_000);
const CHANGES = 500;
// Changes applied before measuring, so the figures are of warmed-up (JIT-compiled) code.
const WARMUP = 20;
const BASELINE_CHANGES = 40;

const catalog = benchCatalog();
const byId = new Map(catalog.map((p) => [p.id, p]));
const licenseIds = catalog.map((p) => p.id);

/** Baseline decide: per person, memoized only within one call. */
function decideEach(licensesByPerson: Map<string, readonly string[]>): Map<string, EffectiveLicenseDecision> {
  const memo = new Map<string, EffectiveLicenseDecision>();
  const out = new Map<string, EffectiveLicenseDecision>();
  for (const [personId, ids] of licensesByPerson) {
    const key = ids.join(',');
    let decision = memo.get(key);
    if (!decision) {
      decision = decideEffectiveLicenses(ids.map((id) => byId.get(id)!));
      memo.set(key, decision);
    }
    out.set(personId, decision);
  }
  return out;
}

function toggled(graph: AssignmentGraph, change: GroupToggle): AssignmentGraph {
  const groups = graph.groups.map((g) => {
    if (g.id !== change.groupId) return g;
    const has = g.licenseIds.includes(change.licenseId);
    return {
      ...g,
      licenseIds: has
        ? g.licenseIds.filter((l) => l !== change.licenseId)
        : [...g.licenseIds, change.licenseId],
    };
  });
  return { ...graph, groups };
}

function baselineRun(graph: AssignmentGraph, changes: GroupToggle[]) {
  let t = process.hrtime.bigint();
  const resolved = resolveAssignments(graph);
  if (!resolved.ok) throw new Error(resolved.error.message);
  const full = new Map<string, EffectiveLicenseDecision>();
  for (const [personId, ids] of resolved.value)
    full.set(personId, decideEffectiveLicenses(ids.map((id) => byId.get(id)!)));
  const fullS = secondsSince(t);
  const personGroups = indexPersonGroups(graph);
  const times: number[] = [];
  let current = graph;
  for (const change of changes) {
    current = toggled(current, change);
    t = process.hrtime.bigint();
    const recomputed = recomputeAffected(current, personGroups, change.groupId);
    if (!recomputed.ok) throw new Error(recomputed.error.message);
    decideEach(recomputed.value);
    times.push(secondsSince(t) * 1000);
  }
  return { fullS, full, times: times.sort((a, b) => a - b) };
}

function indexRun(graph: AssignmentGraph, changes: GroupToggle[], products: LicenseProductRef[]) {
  let t = process.hrtime.bigint();
  const built = AllocationIndex.build(graph, products);
  if (!built.ok) throw new Error(built.error.message);
  const fullS = secondsSince(t);
  const index = built.value;
  const licensesOf = new Map(graph.groups.map((g) => [g.id, new Set(g.licenseIds)]));
  const times: number[] = [];
  const reached: number[] = [];
  let current = graph;
  changes.forEach((change, i) => {
    current = toggled(current, change);
    const own = licensesOf.get(change.groupId)!;
    if (own.has(change.licenseId)) own.delete(change.licenseId);
    else own.add(change.licenseId);
    t = process.hrtime.bigint();
    const outcome = index.setGroupLicenses(change.groupId, [...own]);
    const wallMs = secondsSince(t) * 1000;
    if (i < WARMUP) return;
    times.push(wallMs);
    reached.push(outcome.reached);
  });
  const asc = (xs: number[]) => xs.sort((a, b) => a - b);
  return { fullS, index, final: current, times: asc(times), reached };
}

export async function run(): Promise<void> {
  const graph = benchGraph(PEOPLE, licenseIds);
  const groupIds = graph.groups.map((g) => g.id);
  const changes = benchChanges(WARMUP + CHANGES, groupIds, licenseIds);

  const baseline = baselineRun(graph, changes.slice(WARMUP, WARMUP + BASELINE_CHANGES));
  const ours = indexRun(graph, changes, catalog);

  // Correctness: the index after every change equals a fresh build of the final graph, and the
  // initial build equals the baseline's per-person decisions.
  const fresh = AllocationIndex.build(ours.final, catalog);
  if (!fresh.ok) throw new Error(fresh.error.message);
  for (const [personId, decision] of fresh.value.decisions()) {
    if (decisionKey(decision) !== decisionKey(ours.index.decisionOf(personId)))
      throw new Error(`incremental result differs from a full recompute for ${personId}`);
  }
  const initial = AllocationIndex.build(graph, catalog);
  if (!initial.ok) throw new Error(initial.error.message);
  for (const [personId, decision] of baseline.full) {
    if (decisionKey(decision) !== decisionKey(initial.value.decisionOf(personId)))
      throw new Error(`index disagrees with the per-person baseline for ${personId}`);
  }

  const stats = ours.index.stats();
  console.log(
    `\nallocation (core): ${PEOPLE} people, 5 assignments each, ${groupIds.length} groups, ${catalog.length} products; ` +
      `${stats.classes} assignment classes, ${stats.decisions} distinct decisions`,
  );
  table([
    {
      step: 'baseline full recompute (resolve + decide each person)',
      seconds: round(baseline.fullS, 3),
      ratio: 1,
    },
    {
      step: 'AllocationIndex.build (full recompute)',
      seconds: round(ours.fullS, 3),
      ratio: round(ours.fullS / baseline.fullS),
    },
  ]);
  const p = (xs: number[], q: number) => round(percentile(xs, q), 3);
  table([
    {
      incremental: `baseline, ${BASELINE_CHANGES} group changes`,
      'p50 ms': p(baseline.times, 50),
      'p99 ms': p(baseline.times, 99),
    },
    {
      incremental: `index, ${CHANGES} group changes`,
      'p50 ms': p(ours.times, 50),
      'p99 ms': p(ours.times, 99),
    },
  ]);
  console.log(
    `load average while measuring: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} (2 cores)`,
  );
  console.log(
    `people reached per change: max ${Math.max(...ours.reached)}, median ${percentile(
      [...ours.reached].sort((a, b) => a - b),
      50,
    )}`,
  );

  const storage = await measureStorage();
  console.log(
    JSON.stringify({
      bench: 'allocation',
      people: PEOPLE,
      full_recompute_s: round(ours.fullS, 3),
      incremental_p99_ms: round(percentile(ours.times, 99), 3),
      incremental_p50_ms: round(percentile(ours.times, 50), 3),
      load_average_1m: round(loadavg()[0] ?? 0, 1),
      incremental_level: 'core (AllocationIndex, in memory)',
      baseline_full_recompute_s: round(baseline.fullS, 3),
      baseline_incremental_p99_ms: round(percentile(baseline.times, 99), 2),
      ...storage,
      ratio: round(ours.fullS / baseline.fullS, 3),
    }),
  );
}
