// allocation-core: full recompute of effective licenses for 100,000 people (5 assignments each
// through 50 nested groups) and the p99 of 200 incremental recomputes after one group change.
// In-run baseline: the same full resolve with no shared group expansion (each person walks their
// groups' enclosing chain), i.e. what memoizing group expansion saves.
//
// Shape: 40 department groups of 2,500 people, each nested in 2 of 10 license groups (so a license
// group reaches 20,000 people); every group carries 1 license; every person also has 2 direct
// licenses. Resolved: 2 direct + 1 department + 2 license-group licenses = 5 assignments.
import {
  type AssignmentGraph,
  decideEffectiveLicenses,
  type EffectiveLicenseDecision,
  type GroupNode,
  indexPersonGroups,
  type LicenseProductRef,
  recomputeAffected,
  resolveAssignments,
} from '../packages/core/src/allocation/index.ts';
import { addOn, base } from '../packages/core/src/allocation/test-products.ts';
import { round, table } from './lib/load.ts';

const PEOPLE = 100_000;
const CHANGES = 200;

// 3 generations × (2 overlapping bases + 2 overlapping add-ons) + 2 external bases.
const catalog: LicenseProductRef[] = [1, 2, 3].flatMap((gen) => [
  base(`b${gen}_hi`, { generation: gen, rank: 2, capabilities: ['pdm'] }),
  base(`b${gen}_lo`, { generation: gen, rank: 1, capabilities: ['pdm', 'view'] }),
  addOn(`a${gen}_hi`, [`b${gen}_hi`, `b${gen}_lo`], { generation: gen, rank: 2, capabilities: ['sim'] }),
  addOn(`a${gen}_lo`, [`b${gen}_lo`], { generation: gen, rank: 1, capabilities: ['sim'] }),
]);
catalog.push(
  base('x_hi', { audience: 'EXTERNAL', rank: 3 }),
  base('x_lo', { audience: 'EXTERNAL', rank: 0 }),
);
const byId = new Map(catalog.map((p) => [p.id, p]));
const licenseIds = catalog.map((p) => p.id);

/** Deterministic pseudo-random stream (LCG) so every run builds the same graph. */
function stream(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function buildGraph(): AssignmentGraph {
  const next = stream(42);
  const pick = () => licenseIds[Math.floor(next() * licenseIds.length)]!;
  const departments: GroupNode[] = Array.from({ length: 40 }, (_, d) => ({
    id: `grp_dept_${d}`,
    kind: 'GROUP',
    memberPersonIds: [],
    memberGroupIds: [],
    licenseIds: [pick()],
  }));
  const licenseGroups: GroupNode[] = Array.from({ length: 10 }, (_, l) => ({
    id: `grp_lic_${l}`,
    kind: 'LICENSE_GROUP',
    memberPersonIds: [],
    memberGroupIds: departments.filter((_, d) => d % 10 === l || (d + 3) % 10 === l).map((g) => g.id),
    licenseIds: [pick()],
  }));
  const directLicenses = new Map<string, string[]>();
  for (let p = 0; p < PEOPLE; p++) {
    const id = `per_${p}`;
    (departments[p % 40]!.memberPersonIds as string[]).push(id);
    directLicenses.set(id, [pick(), pick()]);
  }
  return { directLicenses, groups: [...licenseGroups, ...departments] };
}

/** Decide for each person; decisions are pure, so people holding the same set share one. */
function decideAll(licensesByPerson: Map<string, readonly string[]>): Map<string, EffectiveLicenseDecision> {
  const cache = new Map<string, EffectiveLicenseDecision>();
  const out = new Map<string, EffectiveLicenseDecision>();
  for (const [personId, ids] of licensesByPerson) {
    const key = ids.join(',');
    let decision = cache.get(key);
    if (!decision) {
      decision = decideEffectiveLicenses(ids.map((id) => byId.get(id)!));
      cache.set(key, decision);
    }
    out.set(personId, decision);
  }
  return out;
}

/** Baseline: no shared expansion; every person walks up from each of their groups on their own. */
function naiveResolve(graph: AssignmentGraph): Map<string, readonly string[]> {
  const groups = new Map(graph.groups.map((g) => [g.id, g]));
  const parents = new Map<string, string[]>();
  for (const g of graph.groups)
    for (const m of g.memberGroupIds) parents.set(m, [...(parents.get(m) ?? []), g.id]);
  const out = new Map<string, readonly string[]>();
  for (const [personId, groupIds] of indexPersonGroups(graph)) {
    const licenses = new Set(graph.directLicenses.get(personId) ?? []);
    const pending = [...groupIds];
    for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
      for (const l of groups.get(id)?.licenseIds ?? []) licenses.add(l);
      pending.push(...(parents.get(id) ?? []));
    }
    out.set(personId, [...licenses].sort());
  }
  return out;
}

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

export async function run(): Promise<void> {
  const graph = buildGraph();

  let t = process.hrtime.bigint();
  const baseline = naiveResolve(graph);
  const baselineS = seconds(t);

  t = process.hrtime.bigint();
  const resolved = resolveAssignments(graph);
  if (!resolved.ok) throw new Error(resolved.error.message);
  const resolveS = seconds(t);
  t = process.hrtime.bigint();
  let refused = 0;
  for (const ids of resolved.value.values()) {
    if (!decideEffectiveLicenses(ids.map((id) => byId.get(id)!)).loginAllowed) refused++;
  }
  const decideS = seconds(t);
  t = process.hrtime.bigint();
  decideAll(resolved.value);
  const decideCachedS = seconds(t);
  const sameAsBaseline = [...baseline].every(([p, ids]) => resolved.value.get(p)?.join() === ids.join());
  if (!sameAsBaseline) throw new Error('memoized resolve disagrees with the baseline');

  // Incremental: toggle one license on one group, recompute the people it reaches.
  const personGroups = indexPersonGroups(graph);
  const next = stream(7);
  let current = graph;
  const timesMs: number[] = [];
  const affectedCounts: number[] = [];
  for (let i = 0; i < CHANGES; i++) {
    const target = current.groups[Math.floor(next() * current.groups.length)]!;
    const licenseId = licenseIds[Math.floor(next() * licenseIds.length)]!;
    const changed: GroupNode = {
      ...target,
      licenseIds: target.licenseIds.includes(licenseId)
        ? target.licenseIds.filter((l) => l !== licenseId)
        : [...target.licenseIds, licenseId],
    };
    current = { ...current, groups: current.groups.map((g) => (g.id === target.id ? changed : g)) };
    const start = process.hrtime.bigint();
    const recomputed = recomputeAffected(current, personGroups, target.id);
    if (!recomputed.ok) throw new Error(recomputed.error.message);
    decideAll(recomputed.value);
    timesMs.push(seconds(start) * 1000);
    affectedCounts.push(recomputed.value.size);
  }
  const sorted = [...timesMs].sort((a, b) => a - b);
  const fullS = resolveS + decideS;

  console.log(
    `\nallocation-core: ${PEOPLE} people, 5 assignments each, 50 groups, ${catalog.length} products`,
  );
  table([
    { step: 'baseline resolve (no shared group expansion)', seconds: round(baselineS, 3), ratio: 1 },
    {
      step: 'resolveAssignments (memoized expansion)',
      seconds: round(resolveS, 3),
      ratio: round(resolveS / baselineS),
    },
    { step: 'decideEffectiveLicenses for everyone', seconds: round(decideS, 3), ratio: '' },
    { step: 'decide, identical sets sharing a decision', seconds: round(decideCachedS, 3), ratio: '' },
    { step: 'full recompute (resolve + decide everyone)', seconds: round(fullS, 3), ratio: '' },
  ]);
  table([
    {
      incremental: `${CHANGES} group changes`,
      'p50 ms': round(percentile(sorted, 50)),
      'p99 ms': round(percentile(sorted, 99)),
      'max affected': Math.max(...affectedCounts),
      refused,
    },
  ]);
  console.log(
    JSON.stringify({
      bench: 'allocation',
      people: PEOPLE,
      full_recompute_s: round(fullS, 3),
      incremental_p99_ms: round(percentile(sorted, 99), 2),
      incremental_p50_ms: round(percentile(sorted, 50), 2),
      baseline_resolve_s: round(baselineS, 3),
      ratio: round(resolveS / baselineS, 3),
    }),
  );
}
