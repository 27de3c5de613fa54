// Tests for the product side of allocation: checking an imported list, deriving products from the
// vendor's licenses, and refusing nestings that close a cycle.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkProductList, toProductRef } from './allocation-product.ts';
import { nestingCycle } from './nesting-cycle.ts';
import { changedProductIds } from './product-changes.ts';
import { allocationProduct } from './test-products.ts';
import { type VendorLicense, type VendorProduct, vendorAllocationProducts } from './vendor-products.ts';

const now = new Date('2026-03-01T00:00:00Z');
const product = allocationProduct;

describe('checkProductList', () => {
  it('accepts a base with an add-on that names it', () => {
    assert.deepEqual(
      checkProductList([product('B'), product('A', { kind: 'ADD_ON', requiresCodes: ['B'] })]),
      [],
    );
  });

  it('reports every problem with its position and field, not just the first', () => {
    const problems = checkProductList([
      product('B', { requiresCodes: ['X'] }),
      product('A', { kind: 'ADD_ON' }),
      product('B', { capabilities: [] }),
      product('S', { kind: 'ADD_ON', requiresCodes: ['S'] }),
    ]);
    assert.deepEqual(
      problems.map((p) => [p.index, p.field]),
      [
        [0, 'requiresCodes'],
        [1, 'requiresCodes'],
        [2, 'code'],
        [2, 'capabilities'],
        [3, 'requiresCodes'],
      ],
    );
  });
});

describe('vendorAllocationProducts', () => {
  const catalog: VendorProduct[] = [
    {
      id: 'p_b',
      code: 'PDM',
      name: 'PDM Author',
      kind: 'BASE',
      requiresProductIds: [],
      generation: 2,
      rank: 3,
      audience: 'INTERNAL',
      featureCodes: ['pdm.read', 'pdm.edit'],
    },
    {
      id: 'p_a',
      code: 'SIM',
      name: 'Simulation',
      kind: 'ADD_ON',
      requiresProductIds: ['p_b', 'p_gone'],
      generation: 2,
      rank: 1,
      audience: 'INTERNAL',
      featureCodes: [],
    },
    {
      id: 'p_x',
      code: 'OLD',
      name: 'Old',
      kind: 'BASE',
      requiresProductIds: [],
      generation: 1,
      rank: 1,
      audience: 'EXTERNAL',
      featureCodes: [],
    },
  ];
  const license = (productId: string, parts: Partial<VendorLicense> = {}): VendorLicense => ({
    productId,
    status: 'ACTIVE',
    startsAt: new Date('2026-01-01T00:00:00Z'),
    expiresAt: null,
    maxUsers: 10,
    userLicenseType: null,
    ...parts,
  });

  it('turns each product with a license in force into one allocation product, features as capabilities', () => {
    const products = vendorAllocationProducts(
      [license('p_b'), license('p_a', { maxUsers: 5 })],
      catalog,
      now,
    );
    assert.deepEqual(products, [
      product('PDM', {
        name: 'PDM Author',
        capabilities: ['pdm.edit', 'pdm.read'],
        rank: 3,
        generation: 2,
        quantity: 10,
      }),
      product('SIM', {
        name: 'Simulation',
        kind: 'ADD_ON',
        capabilities: ['SIM'],
        generation: 2,
        requiresCodes: ['PDM'],
        quantity: 5,
      }),
    ]);
  });

  it('adds up quantities over several licenses and lets one unlimited license make the product unlimited', () => {
    assert.equal(
      vendorAllocationProducts([license('p_b'), license('p_b', { maxUsers: 15 })], catalog, now)[0]?.quantity,
      25,
    );
    assert.equal(
      vendorAllocationProducts([license('p_b'), license('p_b', { maxUsers: null })], catalog, now)[0]
        ?.quantity,
      null,
    );
  });

  it('ignores suspended, revoked, expired and not yet started licenses', () => {
    const out = vendorAllocationProducts(
      [
        license('p_b', { status: 'SUSPENDED' }),
        license('p_b', { status: 'REVOKED' }),
        license('p_b', { expiresAt: new Date('2026-02-01T00:00:00Z') }),
        license('p_x', { startsAt: new Date('2026-04-01T00:00:00Z') }),
      ],
      catalog,
      now,
    );
    assert.deepEqual(out, []);
  });

  it('takes the user-license type from the license metadata, the highest when licenses differ', () => {
    const out = vendorAllocationProducts(
      [
        license('p_x', { userLicenseType: 'LIGHT' }),
        license('p_b', { userLicenseType: 'MEMBER' }),
        license('p_b', { userLicenseType: 'LIGHT' }),
      ],
      catalog,
      now,
    );
    assert.deepEqual(
      out.map((p) => [p.code, p.userLicenseType]),
      [
        ['OLD', 'LIGHT'],
        ['PDM', 'LIGHT'],
      ],
    );
  });
});

describe('changedProductIds', () => {
  it('names products added, removed and altered in what the rules read, not renamed ones', () => {
    const before = new Map([product('A'), product('B'), product('C')].map((p) => [p.code, toProductRef(p)]));
    const after = new Map(
      [product('A', { name: 'renamed', quantity: 9 }), product('B', { rank: 2 }), product('D')].map((p) => [
        p.code,
        toProductRef(p),
      ]),
    );
    assert.deepEqual([...changedProductIds(before, after)].sort(), ['B', 'C', 'D']);
  });
});

describe('nestingCycle', () => {
  const edges = [
    { parentId: 'g_lic', childId: 'g_eng' },
    { parentId: 'g_eng', childId: 'g_back' },
  ];
  it('allows a nesting that closes no cycle', () =>
    assert.equal(nestingCycle(edges, 'g_ops', 'g_back'), null));
  it('refuses a group inside itself', () =>
    assert.deepEqual(nestingCycle(edges, 'g_eng', 'g_eng'), ['g_eng', 'g_eng']));
  it('names the cycle in containment order', () =>
    assert.deepEqual(nestingCycle(edges, 'g_back', 'g_lic'), ['g_back', 'g_lic', 'g_eng', 'g_back']));
});
