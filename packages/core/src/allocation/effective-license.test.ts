// Table tests for the effective-license rules: one case per row of seed 004, then their combinations.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decideEffectiveLicenses } from './effective-license.ts';
import type { LicenseProductRef } from './license-product.ts';
import type { ReleaseRule } from './release-rules.ts';
import { addOn, base } from './test-products.ts';

type Released = [id: string, rule: ReleaseRule, inFavourOf: string | null];
interface Case {
  name: string;
  assigned: LicenseProductRef[];
  effective: string[];
  released: Released[];
  loginAllowed: boolean;
}

const pdm = { capabilities: ['pdm'] };
const sim = { capabilities: ['sim'] };
const g = (generation: number, rank = 1) => ({ generation, rank, capabilities: ['pdm'] });

const cases: Case[] = [
  // Seed 004, row by row.
  {
    name: 'overlapping bases: the higher-ranked base is effective, the lower one released',
    assigned: [base('b_view', { ...pdm, rank: 1 }), base('b_author', { ...pdm, rank: 2 })],
    effective: ['b_author'],
    released: [['b_view', 'OVERLAPPING_BASE', 'b_author']],
    loginAllowed: true,
  },
  {
    name: 'overlapping add-ons: the higher-ranked add-on is effective, the lower one released',
    assigned: [
      base('b'),
      addOn('a_lo', ['b'], { ...sim, rank: 1 }),
      addOn('a_hi', ['b'], { ...sim, rank: 3 }),
    ],
    effective: ['a_hi', 'b'],
    released: [['a_lo', 'OVERLAPPING_ADD_ON', 'a_hi']],
    loginAllowed: true,
  },
  {
    name: 'base with a compatible add-on: both are effective and consumed',
    assigned: [base('b'), addOn('a', ['b'])],
    effective: ['a', 'b'],
    released: [],
    loginAllowed: true,
  },
  {
    name: 'add-on without its base: nothing effective, login refused, nothing consumed',
    assigned: [addOn('a', ['b'])],
    effective: [],
    released: [['a', 'ADD_ON_WITHOUT_BASE', null]],
    loginAllowed: false,
  },
  {
    name: 'internal and external: the higher-ranked one wins even without overlap',
    assigned: [base('b_int', { rank: 1 }), base('b_ext', { rank: 5, audience: 'EXTERNAL' })],
    effective: ['b_ext'],
    released: [['b_int', 'INTERNAL_EXTERNAL', 'b_ext']],
    loginAllowed: true,
  },
  {
    name: 'several generations: the single highest-ranked license of the latest generation',
    assigned: [base('b1', g(1, 9)), base('b2_lo', g(2, 2)), base('b2_hi', g(2, 5))],
    effective: ['b2_hi'],
    released: [
      ['b1', 'OLDER_GENERATION', 'b2_hi'],
      ['b2_lo', 'OVERLAPPING_BASE', 'b2_hi'],
    ],
    loginAllowed: true,
  },
  // Combinations.
  {
    name: 'three generations with overlapping add-ons: only generation 3 survives, its best add-on kept',
    assigned: [
      base('b1', g(1, 3)),
      addOn('a1', ['b1'], { ...sim, generation: 1, rank: 9 }),
      base('b2', g(2, 3)),
      addOn('a2', ['b2'], { ...sim, generation: 2, rank: 9 }),
      base('b3', g(3, 1)),
      addOn('a3_hi', ['b3'], { ...sim, generation: 3, rank: 2 }),
      addOn('a3_lo', ['b3'], { ...sim, generation: 3, rank: 1 }),
    ],
    effective: ['a3_hi', 'b3'],
    released: [
      ['a2', 'OLDER_GENERATION', 'b3'],
      ['a1', 'OLDER_GENERATION', 'b3'],
      ['b2', 'OLDER_GENERATION', 'b3'],
      ['b1', 'OLDER_GENERATION', 'b3'],
      ['a3_lo', 'OVERLAPPING_ADD_ON', 'a3_hi'],
    ],
    loginAllowed: true,
  },
  {
    name: 'internal vs external across generations: the latest generation wins over a higher rank',
    assigned: [
      base('b_int1', { rank: 9, generation: 1 }),
      base('b_ext2', { rank: 1, generation: 2, audience: 'EXTERNAL' }),
    ],
    effective: ['b_ext2'],
    released: [['b_int1', 'OLDER_GENERATION', 'b_ext2']],
    loginAllowed: true,
  },
  {
    name: 'internal vs external inside the latest generation, an older one freed as well',
    assigned: [
      base('b_int1', { rank: 9, generation: 1 }),
      base('b_int2', { rank: 5, generation: 2 }),
      base('b_ext2', { rank: 7, generation: 2, audience: 'EXTERNAL' }),
    ],
    effective: ['b_ext2'],
    released: [
      ['b_int1', 'OLDER_GENERATION', 'b_ext2'],
      ['b_int2', 'INTERNAL_EXTERNAL', 'b_ext2'],
    ],
    loginAllowed: true,
  },
  {
    name: 'an add-on whose base is released by a higher generation is released too',
    assigned: [
      base('b1', g(1)),
      base('b2', g(2)),
      addOn('a_new', ['b1'], { generation: 2 }),
      addOn('a_old', ['b1']),
    ],
    effective: ['b2'],
    released: [
      ['a_new', 'ADD_ON_WITHOUT_BASE', null],
      ['b1', 'OLDER_GENERATION', 'b2'],
      ['a_old', 'OLDER_GENERATION', 'b2'],
    ],
    loginAllowed: true,
  },
  {
    name: 'an add-on whose base lost an overlap is released; the winning base still logs in',
    assigned: [base('b_hi', { ...pdm, rank: 2 }), base('b_lo', pdm), addOn('a', ['b_lo'])],
    effective: ['b_hi'],
    released: [
      ['b_lo', 'OVERLAPPING_BASE', 'b_hi'],
      ['a', 'ADD_ON_WITHOUT_BASE', null],
    ],
    loginAllowed: true,
  },
  {
    name: 'an add-on listing two bases needs only one of them',
    assigned: [base('b2'), addOn('a', ['b1', 'b2'])],
    effective: ['a', 'b2'],
    released: [],
    loginAllowed: true,
  },
  {
    name: 'a base-less add-on never knocks out an overlapping add-on whose base is effective',
    assigned: [base('b'), addOn('a_orphan', ['x'], { ...sim, rank: 9 }), addOn('a_ok', ['b'], sim)],
    effective: ['a_ok', 'b'],
    released: [['a_orphan', 'ADD_ON_WITHOUT_BASE', null]],
    loginAllowed: true,
  },
  {
    name: 'an add-on of the other audience is released in favour of the top base',
    assigned: [base('b'), addOn('a_ext', ['b'], { audience: 'EXTERNAL', rank: 9 })],
    effective: ['b'],
    released: [['a_ext', 'INTERNAL_EXTERNAL', 'b']],
    loginAllowed: true,
  },
  {
    name: 'an add-on newer than its base is kept: only bases set the generation',
    assigned: [base('b', g(1)), addOn('a', ['b'], { generation: 2 })],
    effective: ['a', 'b'],
    released: [],
    loginAllowed: true,
  },
  {
    name: 'ties on rank and generation go to the lower product id',
    assigned: [base('b_zeta', pdm), base('b_alpha', pdm)],
    effective: ['b_alpha'],
    released: [['b_zeta', 'OVERLAPPING_BASE', 'b_alpha']],
    loginAllowed: true,
  },
  {
    name: 'non-overlapping bases of one generation are both effective',
    assigned: [base('b_pdm', pdm), base('b_mpm', { capabilities: ['mpm'] })],
    effective: ['b_mpm', 'b_pdm'],
    released: [],
    loginAllowed: true,
  },
  {
    name: 'a base overlapping only a released base stays effective',
    assigned: [
      base('b_a', { rank: 3, capabilities: ['x'] }),
      base('b_b', { rank: 2, capabilities: ['x', 'y'] }),
      base('b_c', { rank: 1, capabilities: ['y'] }),
    ],
    effective: ['b_a', 'b_c'],
    released: [['b_b', 'OVERLAPPING_BASE', 'b_a']],
    loginAllowed: true,
  },
  {
    name: 'the same product reached twice is one license, consumed once',
    assigned: [base('b'), base('b'), addOn('a', ['b']), addOn('a', ['b'])],
    effective: ['a', 'b'],
    released: [],
    loginAllowed: true,
  },
  {
    name: 'no assignment at all refuses login',
    assigned: [],
    effective: [],
    released: [],
    loginAllowed: false,
  },
];

const ids = (refs: readonly LicenseProductRef[]) => refs.map((r) => r.id).sort();

describe('decideEffectiveLicenses', () => {
  for (const c of cases) {
    it(c.name, () => {
      for (const order of [c.assigned, [...c.assigned].reverse()]) {
        const decision = decideEffectiveLicenses(order);
        assert.deepEqual(ids(decision.effective), c.effective);
        const released = decision.released.map(
          (r): Released => [r.license.id, r.rule, r.inFavourOf?.id ?? null],
        );
        assert.deepEqual(released.sort(), [...c.released].sort());
        assert.equal(decision.loginAllowed, c.loginAllowed);
      }
    });
  }

  it('explains every release in a sentence naming both licenses, and the refused login', () => {
    const decision = decideEffectiveLicenses([base('b_lo', pdm), base('b_hi', { ...pdm, rank: 2 })]);
    assert.deepEqual(decision.reasons, [
      'b_lo released in favour of b_hi (OVERLAPPING_BASE): overlapping base licenses; the higher-ranked one is effective',
    ]);
    const refused = decideEffectiveLicenses([addOn('a', ['b'])]);
    assert.equal(refused.reasons[0], 'login refused: no effective base license');
    assert.match(refused.reasons[1] ?? '', /a released \(ADD_ON_WITHOUT_BASE\).*requires one of: b/);
  });
});
