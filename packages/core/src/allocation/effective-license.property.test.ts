// Property tests for the effective-license rules over random catalogs and random assignment orders.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { decideEffectiveLicenses } from './effective-license.ts';
import { type LicenseProductRef, overlaps } from './license-product.ts';

const POOL = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'];

// One catalog per run, so a product id always means the same product however often it is assigned.
const catalog = fc.tuple(
  ...POOL.map((id) =>
    fc
      .record({
        kind: fc.constantFrom('BASE' as const, 'ADD_ON' as const),
        rank: fc.integer({ min: 0, max: 3 }),
        generation: fc.integer({ min: 1, max: 3 }),
        audience: fc.constantFrom('INTERNAL' as const, 'EXTERNAL' as const),
        capabilities: fc.subarray(['a', 'b', 'c', 'd'], { minLength: 1 }),
        requires: fc.subarray(POOL, { maxLength: 3 }),
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
      ),
  ),
);

// A person's assignments (duplicates allowed) in two independent orders.
const scenario = catalog.chain((products) =>
  fc
    .array(fc.constantFrom(...products), { maxLength: 10 })
    .chain((assigned) =>
      fc.tuple(fc.constant(assigned), fc.shuffledSubarray(assigned, { minLength: assigned.length })),
    ),
);

const pairs = <T>(items: readonly T[]) =>
  items.flatMap((a, i) => items.slice(i + 1).map((b) => [a, b] as const));

describe('decideEffectiveLicenses properties', () => {
  it('never keeps an add-on whose required bases are all absent from the effective set', () => {
    fc.assert(
      fc.property(scenario, ([assigned]) => {
        const { effective } = decideEffectiveLicenses(assigned);
        const baseIds = new Set(effective.filter((l) => l.kind === 'BASE').map((l) => l.id));
        for (const l of effective) {
          if (l.kind === 'ADD_ON')
            assert.ok(
              l.requiresProductIds.some((id) => baseIds.has(id)),
              l.id,
            );
        }
      }),
    );
  });

  it('never keeps two overlapping bases or two overlapping add-ons', () => {
    fc.assert(
      fc.property(scenario, ([assigned]) => {
        for (const [a, b] of pairs(decideEffectiveLicenses(assigned).effective)) {
          if (a.kind === b.kind) assert.ok(!overlaps(a, b), `${a.id} overlaps ${b.id}`);
        }
      }),
    );
  });

  it('gives the same decision whatever order the assignments arrive in', () => {
    fc.assert(
      fc.property(scenario, ([assigned, shuffled]) => {
        assert.deepEqual(decideEffectiveLicenses(shuffled), decideEffectiveLicenses(assigned));
      }),
    );
  });

  it('accounts for every assigned product exactly once, each release in favour of an effective one', () => {
    fc.assert(
      fc.property(scenario, ([assigned]) => {
        const decision = decideEffectiveLicenses(assigned);
        const effectiveIds = decision.effective.map((l) => l.id);
        const all = [...effectiveIds, ...decision.released.map((r) => r.license.id)];
        assert.deepEqual(all.sort(), [...new Set(assigned.map((l) => l.id))].sort());
        for (const r of decision.released) {
          if (r.inFavourOf) assert.ok(effectiveIds.includes(r.inFavourOf.id));
        }
        assert.equal(decision.reasons.length, decision.released.length + (decision.loginAllowed ? 0 : 1));
      }),
    );
  });

  it('allows login exactly when a base is effective, and consumes nothing otherwise', () => {
    fc.assert(
      fc.property(scenario, ([assigned]) => {
        const decision = decideEffectiveLicenses(assigned);
        assert.equal(
          decision.loginAllowed,
          assigned.some((l) => l.kind === 'BASE'),
        );
        if (!decision.loginAllowed) assert.deepEqual(decision.effective, []);
      }),
    );
  });
});
