// Property test of the incremental index: after any sequence of random changes it agrees with a full
// recompute, and each change reports exactly the people whose decision changed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { AllocationIndex, type RecomputeOutcome } from './allocation-index.ts';
import type { AssignmentGraph, GroupKind } from './assignment-graph.ts';
import { decisionKey } from './decision-cache.ts';
import { decideEffectiveLicenses } from './effective-license.ts';
import type { LicenseProductRef } from './license-product.ts';
import { resolveAssignments } from './resolve-assignments.ts';

const PEOPLE = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5'];
const GROUPS = ['g0', 'g1', 'g2', 'g3', 'g4'];
const PRODUCTS = ['l0', 'l1', 'l2', 'l3', 'l4', 'l5'];

const productArb = (id: string) =>
  fc
    .record({
      kind: fc.constantFrom('BASE' as const, 'ADD_ON' as const),
      rank: fc.integer({ min: 0, max: 2 }),
      generation: fc.integer({ min: 1, max: 2 }),
      audience: fc.constantFrom('INTERNAL' as const, 'EXTERNAL' as const),
      capabilities: fc.subarray(['a', 'b', 'c'], { minLength: 1 }),
      requires: fc.subarray(PRODUCTS, { maxLength: 2 }),
    })
    .map(
      (p): LicenseProductRef => ({
        id,
        kind: p.kind,
        rank: p.rank,
        generation: p.generation,
        audience: p.audience,
        capabilities: new Set(p.capabilities),
        requiresProductIds: p.kind === 'ADD_ON' ? p.requires : [],
      }),
    );
// Some catalogs leave a product out: an assigned license the organization does not hold.
const catalogArb = fc.tuple(...PRODUCTS.map(productArb)).chain((all) => fc.subarray(all, { minLength: 3 }));

const licenses = fc.subarray(PRODUCTS, { maxLength: 3 });
const FILLER: LicenseProductRef[] = Array.from({ length: 30 }, (_, i) => ({
  id: `z${String(i).padStart(2, '0')}`,
  kind: 'BASE',
  rank: 0,
  generation: 1,
  audience: 'INTERNAL',
  capabilities: new Set([`z${i}`]),
  requiresProductIds: [],
}));
const opArb = fc.oneof(
  fc.record({ op: fc.constant('groupLicenses' as const), g: fc.constantFrom(...GROUPS), ids: licenses }),
  fc.record({ op: fc.constant('direct' as const), p: fc.constantFrom(...PEOPLE), ids: licenses }),
  fc.record({
    op: fc.constant('addPerson' as const),
    g: fc.constantFrom(...GROUPS),
    p: fc.constantFrom(...PEOPLE),
  }),
  // Removals pick an existing membership or nesting (k modulo how many there are), so they matter.
  fc.record({ op: fc.constant('dropPerson' as const), k: fc.nat() }),
  fc.record({
    op: fc.constant('nest' as const),
    g: fc.constantFrom(...GROUPS),
    c: fc.constantFrom(...GROUPS),
  }),
  fc.record({ op: fc.constant('unnest' as const), k: fc.nat() }),
  fc.record({ op: fc.constant('removeGroup' as const), g: fc.constantFrom(...GROUPS) }),
  fc.record({ op: fc.constant('products' as const), catalog: catalogArb }),
);
type Op = typeof opArb extends fc.Arbitrary<infer T> ? T : never;

interface ModelGroup {
  kind: GroupKind;
  people: Set<string>;
  groups: Set<string>;
  licenses: string[];
}
interface Model {
  groups: Map<string, ModelGroup>;
  direct: Map<string, string[]>;
  products: LicenseProductRef[];
}

const graphOf = (m: Model): AssignmentGraph => ({
  directLicenses: m.direct,
  personIds: PEOPLE,
  groups: [...m.groups].map(([id, g]) => ({
    id,
    kind: g.kind,
    memberPersonIds: [...g.people],
    memberGroupIds: [...g.groups],
    licenseIds: g.licenses,
  })),
});

/** Decision text per person from scratch: resolve, then the reference rules per person. */
function fullRecompute(m: Model): Map<string, string> {
  const resolved = resolveAssignments(graphOf(m));
  assert.ok(resolved.ok);
  const byId = new Map(m.products.map((p) => [p.id, p]));
  const out = new Map<string, string>();
  for (const p of PEOPLE) {
    const held = (resolved.value.get(p) ?? []).flatMap((id) => byId.get(id) ?? []);
    out.set(p, decisionKey(decideEffectiveLicenses(held)));
  }
  return out;
}

const clone = (m: Model): Model => ({
  groups: new Map(
    [...m.groups].map(([id, g]) => [id, { ...g, people: new Set(g.people), groups: new Set(g.groups) }]),
  ),
  direct: new Map(m.direct),
  products: m.products,
});

/** Apply one op to the model and to the index; returns the index's outcome, or null when refused. */
function apply(m: Model, index: AllocationIndex, op: Op): { model: Model; outcome: RecomputeOutcome | null } {
  const next = clone(m);
  const g = 'g' in op ? next.groups.get(op.g) : undefined;
  if ('g' in op && !g) return { model: m, outcome: { reached: 0, changes: [] } };
  switch (op.op) {
    case 'groupLicenses':
      g!.licenses = op.ids;
      return { model: next, outcome: index.setGroupLicenses(op.g, op.ids) };
    case 'direct':
      next.direct.set(op.p, op.ids);
      return { model: next, outcome: index.setDirectLicenses(op.p, op.ids) };
    case 'addPerson':
      g!.people.add(op.p);
      return { model: next, outcome: unwrap(index.addMember(op.g, { personId: op.p })) };
    case 'dropPerson': {
      const pairs = [...next.groups].flatMap(([id, grp]) => [...grp.people].map((p) => [id, p] as const));
      if (pairs.length === 0) return { model: m, outcome: { reached: 0, changes: [] } };
      const [groupId, personId] = pairs[op.k % pairs.length]!;
      next.groups.get(groupId)!.people.delete(personId);
      return { model: next, outcome: index.removeMember(groupId, { personId }) };
    }
    case 'nest': {
      if (!next.groups.has(op.c)) return { model: m, outcome: { reached: 0, changes: [] } };
      g!.groups.add(op.c);
      const cyclic = !resolveAssignments(graphOf(next)).ok;
      const result = index.addMember(op.g, { groupId: op.c });
      assert.equal(!result.ok, cyclic, 'the index refuses exactly the nestings that close a cycle');
      return cyclic ? { model: m, outcome: null } : { model: next, outcome: unwrap(result) };
    }
    case 'unnest': {
      const edges = [...next.groups].flatMap(([id, grp]) => [...grp.groups].map((c) => [id, c] as const));
      if (edges.length === 0) return { model: m, outcome: { reached: 0, changes: [] } };
      const [groupId, childId] = edges[op.k % edges.length]!;
      next.groups.get(groupId)!.groups.delete(childId);
      return { model: next, outcome: index.removeMember(groupId, { groupId: childId }) };
    }
    case 'removeGroup':
      next.groups.delete(op.g);
      for (const other of next.groups.values()) other.groups.delete(op.g);
      return { model: next, outcome: index.removeGroup(op.g) };
    case 'products':
      next.products = op.catalog;
      return { model: next, outcome: index.setProducts(op.catalog) };
  }
}

function unwrap(result: ReturnType<AllocationIndex['addMember']>): RecomputeOutcome {
  assert.ok(result.ok);
  return result.value;
}

// A random starting organization: groups nest only in later groups (acyclic), people and licenses
// spread over groups and direct assignments.
const groupArb = (i: number) =>
  fc.record({
    kind: fc.constantFrom('GROUP' as const, 'LICENSE_GROUP' as const),
    people: fc.subarray(PEOPLE, { maxLength: 3 }),
    groups: fc.subarray(GROUPS.slice(i + 1), { maxLength: Math.min(2, GROUPS.length - i - 1) }),
    licenses,
  });
const initialArb = fc.record({
  catalog: catalogArb,
  groups: fc.tuple(...GROUPS.map((_, i) => groupArb(i))),
  direct: fc.tuple(...PEOPLE.map(() => licenses)),
  ops: fc.array(opArb, { maxLength: 30 }),
});

describe('AllocationIndex (incremental recompute)', () => {
  // Catalogs of up to 30 products use bitmask set keys; padding with 30 unassigned products forces
  // the string keys of larger catalogs through the same property.
  for (const padded of [false, true]) {
    it(`equals a full recompute after random changes and reports exactly the people whose decision changed${padded ? ' (over 30 products)' : ''}`, () => {
      fc.assert(
        fc.property(initialArb, ({ catalog: drawn, groups, direct, ops }) => {
          const catalog = padded ? [...drawn, ...FILLER] : drawn;
          let model: Model = {
            groups: new Map(
              GROUPS.map((id, i) => {
                const g = groups[i]!;
                return [
                  id,
                  {
                    kind: g.kind,
                    people: new Set(g.people),
                    groups: new Set(g.groups),
                    licenses: g.licenses,
                  },
                ];
              }),
            ),
            direct: new Map(PEOPLE.map((p, i) => [p, direct[i]!])),
            products: catalog,
          };
          const built = AllocationIndex.build(graphOf(model), catalog);
          assert.ok(built.ok);
          const index = built.value;
          let before = fullRecompute(model);
          for (const op of ops) {
            const { model: next, outcome } = apply(model, index, op);
            model = next;
            const after = fullRecompute(model);
            for (const p of PEOPLE)
              assert.equal(decisionKey(index.decisionOf(p)), after.get(p), `${op.op} ${p}`);
            const expected = PEOPLE.filter((p) => before.get(p) !== after.get(p)).sort();
            const reported = (outcome?.changes ?? []).flatMap((c) => [...c.personIds]).sort();
            assert.deepEqual(reported, expected, `changes reported for ${op.op}`);
            assert.ok((outcome?.reached ?? 0) >= reported.length, 'everyone changed was reached');
            before = after;
          }
        }),
        { numRuns: padded ? 100 : 250 },
      );
    });
  }

  it('reaches only the people at or below a changed group', () => {
    const graph: AssignmentGraph = {
      directLicenses: new Map([['ann', ['l_b']]]),
      groups: [
        {
          id: 'g_lic',
          kind: 'LICENSE_GROUP',
          memberPersonIds: [],
          memberGroupIds: ['g_eng'],
          licenseIds: [],
        },
        { id: 'g_eng', kind: 'GROUP', memberPersonIds: ['bob', 'cy'], memberGroupIds: [], licenseIds: [] },
        { id: 'g_ops', kind: 'GROUP', memberPersonIds: ['dee'], memberGroupIds: [], licenseIds: [] },
      ],
    };
    const catalog: LicenseProductRef[] = [
      {
        id: 'l_b',
        kind: 'BASE',
        rank: 1,
        generation: 1,
        audience: 'INTERNAL',
        capabilities: new Set(['x']),
        requiresProductIds: [],
      },
    ];
    const built = AllocationIndex.build(graph, catalog);
    assert.ok(built.ok);
    const outcome = built.value.setGroupLicenses('g_lic', ['l_b']);
    assert.equal(outcome.reached, 2);
    assert.deepEqual(outcome.changes.flatMap((c) => [...c.personIds]).sort(), ['bob', 'cy']);
    assert.equal(built.value.decisionOf('dee').loginAllowed, false);
    assert.equal(built.value.decisionOf('cy').loginAllowed, true);
  });

  it('refuses a nesting that closes a cycle and names it', () => {
    const built = AllocationIndex.build(
      {
        directLicenses: new Map(),
        groups: [
          { id: 'g_a', kind: 'GROUP', memberPersonIds: [], memberGroupIds: ['g_b'], licenseIds: [] },
          { id: 'g_b', kind: 'GROUP', memberPersonIds: [], memberGroupIds: ['g_c'], licenseIds: [] },
          { id: 'g_c', kind: 'GROUP', memberPersonIds: [], memberGroupIds: [], licenseIds: [] },
        ],
      },
      [],
    );
    assert.ok(built.ok);
    const refused = built.value.addMember('g_c', { groupId: 'g_a' });
    assert.ok(!refused.ok);
    assert.deepEqual(refused.error.cycle, ['g_c', 'g_a', 'g_b', 'g_c']);
    assert.equal(
      refused.error.message,
      'group membership forms a cycle: g_c contains g_a contains g_b contains g_c',
    );
  });
});
