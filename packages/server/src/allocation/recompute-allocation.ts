// Recomputes the stored effective licenses of exactly the people a change reaches, inside the
// caller's transaction (so the change and its consequences commit together or not at all). Loads
// every group (small) and only the selected people's memberships and assignments, decides them with
// the core's AllocationIndex, and writes only rows whose decision changed; each run is logged.
import { performance } from 'node:perf_hooks';
import {
  AllocationIndex,
  AppError,
  type AssignmentGraph,
  decisionKey,
  type EffectiveLicenseDecision,
  toProductRef,
} from '@licentia/core';
import {
  type AllocationScope,
  type AllocationTrigger,
  allocationGraphRepository,
  allocationRepository,
  allocationResultRepository,
  type EffectiveRow,
  type GroupShape,
  type Schema,
} from '@licentia/db';
import type { Kysely } from 'kysely';
import type { AppContext } from '../http/context.ts';

/** Who a change reaches: people at or below groups and/or named people, or everyone. */
export type RecomputeTarget =
  | { groupIds?: readonly string[]; personIds?: readonly string[] }
  | { all: true; changedCodes?: ReadonlySet<string> };

export interface RecomputeSummary {
  trigger: AllocationTrigger;
  /** People re-resolved: everyone the change reaches. */
  peopleReached: number;
  /** People whose stored decision changed (rows written). */
  peopleChanged: number;
  /** The first 200 of them, sorted (for tests and the API answer). */
  changedPersonIds: string[];
  durationMs: number;
}

// Above this many named people, selecting the organization and filtering is cheaper than a long IN.
const MAX_LISTED_PEOPLE = 2_000;

export async function recomputeAllocation(
  trx: Kysely<Schema>,
  ctx: Pick<AppContext, 'clock' | 'newId'>,
  s: AllocationScope,
  target: RecomputeTarget,
  trigger: AllocationTrigger,
): Promise<RecomputeSummary> {
  const started = performance.now();
  const products = (await allocationRepository.listProducts(trx, s)).map(toProductRef);
  const { groups, nesting } = await allocationGraphRepository.groups(trx, s);
  const below = 'all' in target ? [] : subtree(nesting, target.groupIds ?? []);
  const named = 'all' in target ? [] : [...(target.personIds ?? [])];
  const listed = named.length <= MAX_LISTED_PEOPLE;
  const loaded = await allocationGraphRepository.people(
    trx,
    s,
    'all' in target || !listed ? { all: true } : { groupIds: below, personIds: named },
  );
  // With the organization-wide fallback, keep only the people the change reaches.
  let personIds = loaded.personIds;
  if (!('all' in target) && !listed) {
    const inBelow = new Set(below);
    const reached = new Set(named);
    for (const m of loaded.memberships) if (inBelow.has(m.groupId)) reached.add(m.personId);
    personIds = personIds.filter((id) => reached.has(id));
  }

  const built = AllocationIndex.build(graphOf(groups, nesting, loaded, personIds), products);
  if (!built.ok)
    throw new AppError('GROUP_CYCLE', built.error.message, { extensions: { cycle: built.error.cycle } });
  const index = built.value;
  const codes = 'all' in target ? target.changedCodes : undefined;
  const rows: EffectiveRow[] = [];
  let peopleReached = 0;
  for (const personId of personIds) {
    const decision = index.decisionOf(personId);
    const key = decisionKey(decision);
    const changed = loaded.stored.get(personId) !== key;
    // A catalog change reaches the holders of the changed products; anything else stale is repaired too.
    if (codes && !changed && !index.licensesOf(personId).some((c) => codes.has(c))) continue;
    peopleReached++;
    if (changed) rows.push(toRow(personId, decision, key));
  }
  const now = ctx.clock();
  await allocationResultRepository.upsertEffective(trx, s, rows, now);
  const durationMs = performance.now() - started;
  await allocationResultRepository.insertRecompute(trx, s, {
    id: ctx.newId('allocationRecompute'),
    trigger,
    peopleReached,
    peopleChanged: rows.length,
    durationMs,
    createdAt: now,
  });
  const changedPersonIds = rows.map((r) => r.personId).slice(0, 200);
  return { trigger, peopleReached, peopleChanged: rows.length, changedPersonIds, durationMs };
}

/** The groups at or below `roots`, following nesting from parent to child. */
export function subtree(
  nesting: readonly { parentId: string; childId: string }[],
  roots: readonly string[],
): string[] {
  const children = new Map<string, string[]>();
  for (const n of nesting) children.set(n.parentId, [...(children.get(n.parentId) ?? []), n.childId]);
  const seen = new Set<string>();
  const pending = [...roots];
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    pending.push(...(children.get(id) ?? []));
  }
  return [...seen];
}

function graphOf(
  groups: readonly GroupShape[],
  nesting: readonly { parentId: string; childId: string }[],
  loaded: Awaited<ReturnType<typeof allocationGraphRepository.people>>,
  personIds: readonly string[],
): AssignmentGraph {
  const wanted = new Set(personIds);
  const people = new Map<string, string[]>();
  for (const m of loaded.memberships) {
    if (wanted.has(m.personId)) people.set(m.groupId, [...(people.get(m.groupId) ?? []), m.personId]);
  }
  const nested = new Map<string, string[]>();
  for (const n of nesting) nested.set(n.parentId, [...(nested.get(n.parentId) ?? []), n.childId]);
  const directLicenses = new Map<string, string[]>();
  for (const d of loaded.direct) {
    if (wanted.has(d.personId))
      directLicenses.set(d.personId, [...(directLicenses.get(d.personId) ?? []), d.code]);
  }
  return {
    directLicenses,
    personIds,
    groups: groups.map((g) => ({
      id: g.id,
      kind: g.kind,
      memberPersonIds: people.get(g.id) ?? [],
      memberGroupIds: nested.get(g.id) ?? [],
      licenseIds: g.licenseCodes,
    })),
  };
}

function toRow(personId: string, decision: EffectiveLicenseDecision, key: string): EffectiveRow {
  return {
    personId,
    loginAllowed: decision.loginAllowed,
    effective: decision.effective.map((l) => l.id),
    released: decision.released.map((r) => ({
      code: r.license.id,
      rule: r.rule,
      inFavourOf: r.inFavourOf?.id ?? null,
    })),
    decisionKey: key,
  };
}
