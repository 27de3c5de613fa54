// The allocation benchmark's organization: 100,000 people, 5 license assignments each, reached through
// 50 nested groups, over a catalog of 3 generations with overlapping bases and add-ons. Deterministic
// (a fixed LCG), so every run and both the core and storage figures measure the same shape.
//
// Shape: 40 department groups of 2,500 people, each nested in 2 of 10 license groups (a license group
// reaches 8 departments = 20,000 people); every group carries 1 license; every person also has 2
// direct licenses. Resolved: 2 direct + 1 department + 2 license-group licenses = 5 assignments.
import type {
  AssignmentGraph,
  GroupNode,
  LicenseProductRef,
} from '../../packages/core/src/allocation/index.ts';
import { addOn, base } from '../../packages/core/src/allocation/test-products.ts';

export const DEPARTMENTS = 40;
export const LICENSE_GROUPS = 10;

/** 3 generations × (2 overlapping bases + 2 overlapping add-ons) + 2 external bases. */
export function benchCatalog(): LicenseProductRef[] {
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
  return catalog;
}

/** Deterministic pseudo-random stream (LCG) in [0, 1). */
export function stream(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** The organization as an assignment graph; person ids are `per_<n>`, groups `grp_dept_<d>`/`grp_lic_<l>`. */
export function benchGraph(people: number, licenseIds: readonly string[]): AssignmentGraph {
  const next = stream(42);
  const pick = () => licenseIds[Math.floor(next() * licenseIds.length)]!;
  const departments: GroupNode[] = Array.from({ length: DEPARTMENTS }, (_, d) => ({
    id: `grp_dept_${d}`,
    kind: 'GROUP',
    memberPersonIds: [],
    memberGroupIds: [],
    licenseIds: [pick()],
  }));
  const licenseGroups: GroupNode[] = Array.from({ length: LICENSE_GROUPS }, (_, l) => ({
    id: `grp_lic_${l}`,
    kind: 'LICENSE_GROUP',
    memberPersonIds: [],
    memberGroupIds: departments.filter((_, d) => d % 10 === l || (d + 3) % 10 === l).map((g) => g.id),
    licenseIds: [pick()],
  }));
  const directLicenses = new Map<string, string[]>();
  for (let p = 0; p < people; p++) {
    const id = `per_${p}`;
    (departments[p % DEPARTMENTS]!.memberPersonIds as string[]).push(id);
    directLicenses.set(id, [pick(), pick()]);
  }
  return { directLicenses, groups: [...licenseGroups, ...departments] };
}

/** One benchmark change: toggle one license on one group. */
export interface GroupToggle {
  groupId: string;
  licenseId: string;
}

/** A fixed sequence of group changes (the same in every run). */
export function benchChanges(
  count: number,
  groupIds: readonly string[],
  licenseIds: readonly string[],
): GroupToggle[] {
  const next = stream(7);
  return Array.from({ length: count }, () => ({
    groupId: groupIds[Math.floor(next() * groupIds.length)]!,
    licenseId: licenseIds[Math.floor(next() * licenseIds.length)]!,
  }));
}

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

export function secondsSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}
