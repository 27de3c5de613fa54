// Tests for resolving direct, group and nested-group assignments, cycles, and incremental recompute.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { affectedPeople, recomputeAffected } from './affected-people.ts';
import type { AssignmentGraph, GroupNode } from './assignment-graph.ts';
import { indexPersonGroups, resolveAssignments } from './resolve-assignments.ts';

const group = (id: string, parts: Partial<Omit<GroupNode, 'id'>> = {}): GroupNode => ({
  id,
  kind: parts.kind ?? 'GROUP',
  memberPersonIds: parts.memberPersonIds ?? [],
  memberGroupIds: parts.memberGroupIds ?? [],
  licenseIds: parts.licenseIds ?? [],
});
const graphOf = (groups: GroupNode[], direct: Record<string, string[]> = {}, personIds?: string[]) =>
  ({ directLicenses: new Map(Object.entries(direct)), groups, personIds }) satisfies AssignmentGraph;

// Licenses group → engineers group → backend group; Ann is direct, Bob in engineers, Cy in backend.
const nested = graphOf(
  [
    group('g_lic', { kind: 'LICENSE_GROUP', licenseIds: ['l_base'], memberGroupIds: ['g_eng'] }),
    group('g_eng', { memberPersonIds: ['bob'], memberGroupIds: ['g_back'], licenseIds: ['l_sim'] }),
    group('g_back', { memberPersonIds: ['cy'], licenseIds: ['l_base'] }),
    group('g_ops', { memberPersonIds: ['dee', 'cy'] }),
  ],
  { ann: ['l_view'], cy: ['l_view'] },
  ['eve'],
);

describe('resolveAssignments', () => {
  const cases: [string, AssignmentGraph, Record<string, string[]>][] = [
    [
      'a direct assignment reaches only its person',
      graphOf([], { ann: ['l_b', 'l_a'] }),
      { ann: ['l_a', 'l_b'] },
    ],
    [
      'a group passes its licenses to each member',
      graphOf([group('g', { memberPersonIds: ['a', 'b'], licenseIds: ['l'] })]),
      { a: ['l'], b: ['l'] },
    ],
    [
      'nested groups pass licenses down every level, each product listed once',
      nested,
      {
        ann: ['l_view'],
        bob: ['l_base', 'l_sim'],
        cy: ['l_base', 'l_sim', 'l_view'],
        dee: [],
        eve: [],
      },
    ],
  ];
  for (const [name, graph, expected] of cases) {
    it(name, () => {
      const result = resolveAssignments(graph);
      assert.ok(result.ok);
      assert.deepEqual(Object.fromEntries(result.value), expected);
    });
  }

  const cycles: [string, GroupNode[], string[]][] = [
    ['refuses a group that contains itself', [group('g_a', { memberGroupIds: ['g_a'] })], ['g_a', 'g_a']],
    [
      'refuses a two-group cycle and names it in containment order',
      [group('g_a', { memberGroupIds: ['g_b'] }), group('g_b', { memberGroupIds: ['g_a'] })],
      ['g_a', 'g_b', 'g_a'],
    ],
    [
      'refuses a three-group cycle below an innocent group',
      [
        group('g_top', { memberGroupIds: ['g_x'] }),
        group('g_x', { memberGroupIds: ['g_y'] }),
        group('g_y', { memberGroupIds: ['g_z'] }),
        group('g_z', { memberGroupIds: ['g_x'] }),
      ],
      ['g_x', 'g_y', 'g_z', 'g_x'],
    ],
  ];
  for (const [name, groups, cycle] of cycles) {
    it(name, () => {
      const result = resolveAssignments(graphOf(groups, { p: ['l'] }));
      assert.ok(!result.ok);
      assert.equal(result.error.code, 'GROUP_CYCLE');
      assert.deepEqual(result.error.cycle, cycle);
      assert.equal(result.error.message, `group membership forms a cycle: ${cycle.join(' contains ')}`);
    });
  }
});

describe('affectedPeople and recomputeAffected', () => {
  const cases: [string, string, string[]][] = [
    ['a change to the outer license group reaches everyone nested below it', 'g_lic', ['bob', 'cy']],
    ['a change to an inner group reaches only its own people', 'g_back', ['cy']],
    ['an unknown group reaches nobody', 'g_none', []],
  ];
  for (const [name, groupId, people] of cases) {
    it(name, () => assert.deepEqual([...affectedPeople(nested, groupId)].sort(), people));
  }

  it('terminates on cyclic data instead of looping', () => {
    const cyclic = graphOf([
      group('g_a', { memberGroupIds: ['g_b'], memberPersonIds: ['p'] }),
      group('g_b', { memberGroupIds: ['g_a'] }),
    ]);
    assert.deepEqual([...affectedPeople(cyclic, 'g_b')], ['p']);
  });

  it('recomputes exactly the affected people, agreeing with a full resolve after the change', () => {
    const personGroups = indexPersonGroups(nested);
    const changed = graphOf(
      nested.groups.map((g) => (g.id === 'g_eng' ? { ...g, licenseIds: ['l_sim', 'l_new'] } : g)),
      Object.fromEntries(nested.directLicenses),
      ['eve'],
    );
    const incremental = recomputeAffected(changed, personGroups, 'g_eng');
    const full = resolveAssignments(changed);
    assert.ok(incremental.ok && full.ok);
    assert.deepEqual([...incremental.value.keys()].sort(), ['bob', 'cy']);
    for (const [personId, licenses] of incremental.value)
      assert.deepEqual(licenses, full.value.get(personId));
    assert.deepEqual(incremental.value.get('cy'), ['l_base', 'l_new', 'l_sim', 'l_view']);
  });

  it('refuses an incremental change that closes a cycle', () => {
    const looped = graphOf([
      group('g_a', { memberGroupIds: ['g_b'] }),
      group('g_b', { memberGroupIds: ['g_a'] }),
    ]);
    const result = recomputeAffected(looped, new Map(), 'g_a');
    assert.ok(!result.ok);
    assert.deepEqual(result.error.cycle, ['g_a', 'g_b', 'g_a']);
  });
});
