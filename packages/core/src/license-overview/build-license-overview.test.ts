// Tests of the license overview assembly: tab shapes, borrowing, terms, purchased vs used, plans.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EnvironmentRef } from '../environments/environment-rules.ts';
import { buildLicenseOverview, termStatus } from './build-license-overview.ts';
import type { OverviewInput, OverviewLicense } from './overview-types.ts';

const now = new Date('2026-06-01T00:00:00Z');
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const env = (id: string, kind: EnvironmentRef['kind'], parent: string | null = null): EnvironmentRef => ({
  id,
  name: id.replace('env_', ''),
  kind,
  productionEnvironmentId: parent,
});
const license = (id: string, productId: string, environmentId: string | null): OverviewLicense => ({
  id,
  name: null,
  productId,
  productName: productId.toUpperCase(),
  environmentId,
  status: 'ACTIVE',
  startsAt: day('2026-01-01'),
  expiresAt: null,
  maxUsers: null,
  seatsAssigned: 0,
});

const input: OverviewInput = {
  plan: 'PROFESSIONAL',
  now,
  environments: [
    env('env_prod', 'PRODUCTION'),
    env('env_test', 'TEST', 'env_prod'),
    env('env_2019', 'STORAGE'),
  ],
  licenses: [license('lic_1', 'cad', 'env_prod'), license('lic_2', 'sim', null)],
  entitlements: [
    {
      id: 'ent_1',
      kind: 'INTEGRATION',
      code: 'sap',
      name: 'SAP connector',
      quantity: 1,
      startsAt: day('2026-01-01'),
      endsAt: null,
    },
    {
      id: 'ent_2',
      kind: 'ADD_ON',
      code: 'ai',
      name: 'AI summaries',
      quantity: 1,
      startsAt: day('2025-01-01'),
      endsAt: day('2026-01-01'),
    },
    {
      id: 'ent_3',
      kind: 'DATABASE_INSTANCE',
      code: 'extra',
      name: 'Extra instance',
      quantity: 3,
      startsAt: day('2026-01-01'),
      endsAt: null,
    },
    {
      id: 'ent_4',
      kind: 'USER_LICENSE',
      code: 'USER',
      name: 'User',
      quantity: 1,
      startsAt: day('2026-01-01'),
      endsAt: null,
    },
    {
      id: 'ent_5',
      kind: 'USER_LICENSE',
      code: 'LIGHT',
      name: 'Light',
      quantity: 5,
      startsAt: day('2026-01-01'),
      endsAt: null,
    },
    // Not started yet: not purchased today.
    {
      id: 'ent_6',
      kind: 'USER_LICENSE',
      code: 'USER',
      name: 'User',
      quantity: 10,
      startsAt: day('2027-01-01'),
      endsAt: null,
    },
  ],
  users: {
    people: [
      { id: 'ann', username: 'ann', status: 'ACTIVE' },
      { id: 'bo', username: 'bo', status: 'ACTIVE' },
    ],
    permissionGroups: [
      { id: 'g_prod_user', environmentId: 'env_prod', userLicenseType: 'USER' },
      { id: 'g_test_user', environmentId: 'env_test', userLicenseType: 'USER' },
    ],
    accounts: [
      { personId: 'ann', environmentId: 'env_prod', permissionGroupIds: ['g_prod_user'] },
      { personId: 'bo', environmentId: 'env_test', permissionGroupIds: ['g_test_user'] },
    ],
  },
};
const overview = buildLicenseOverview(input);

describe('buildLicenseOverview', () => {
  it('lists products per production environment only, naming the attached copies', () => {
    assert.deepEqual(
      overview.products.environments.map((e) => [
        e.environmentId,
        e.attachedEnvironments.map((a) => a.id),
        e.licenses.map((l) => l.id),
      ]),
      [['env_prod', ['env_test'], ['lic_1']]],
    );
    assert.deepEqual(
      overview.products.notInstalled.map((l) => l.id),
      ['lic_2'],
    );
  });

  it('shows, per environment, the products it is licensed for; the test copy borrows production', () => {
    assert.deepEqual(
      overview.products.licensedProducts.map((e) => [
        e.environmentId,
        e.licensedThroughId,
        e.products.map((p) => p.productName),
      ]),
      [
        ['env_prod', 'env_prod', ['CAD']],
        ['env_test', 'env_prod', ['CAD']],
        ['env_2019', null, []],
      ],
    );
  });

  it('gives integrations, add-ons and database instances with quantity and term status', () => {
    const i = overview.integrations;
    assert.deepEqual(
      i.integrations.map((e) => [e.code, e.quantity, e.status]),
      [['sap', 1, 'ACTIVE']],
    );
    assert.deepEqual(
      i.addOns.map((e) => [e.code, e.status]),
      [['ai', 'EXPIRED']],
    );
    assert.deepEqual(i.databaseInstanceUse, { purchased: 3, inUse: 2 });
  });

  it('counts purchased (active terms only) vs used per type and flags the overage with the message', () => {
    assert.deepEqual(
      overview.users.types.map((t) => [t.type, t.purchased, t.used, t.overage]),
      [
        ['USER', 1, 2, true],
        ['LIGHT', 5, 0, false],
        ['MEMBER', 0, 0, false],
      ],
    );
    assert.equal(overview.users.message, 'contact your account manager for a license adjustment');
    assert.equal(overview.users.nonProductionOnly, 1);
  });

  it('shows the current plan and every plan side by side with the same feature rows', () => {
    const level = overview.licenseLevel;
    assert.equal(level.plan, 'PROFESSIONAL');
    assert.deepEqual(
      level.plans.map((p) => [p.plan, p.current]),
      [
        ['STANDARD', false],
        ['PROFESSIONAL', true],
        ['ENTERPRISE', false],
      ],
    );
    const rows = level.plans.map((p) => p.features.map((f) => f.feature).join());
    assert.equal(new Set(rows).size, 1);
    const integrations = level.plans.map(
      (p) => p.features.find((f) => f.feature === 'INTEGRATIONS')?.included,
    );
    assert.deepEqual(integrations, [false, true, true]);
  });
});

describe('termStatus', () => {
  const cases: [string, Date, Date | null, string][] = [
    ['started, open-ended', day('2026-01-01'), null, 'ACTIVE'],
    ['not started yet', day('2026-07-01'), null, 'FUTURE'],
    ['ended (ends_at is exclusive)', day('2026-01-01'), day('2026-06-01'), 'EXPIRED'],
    ['ends tomorrow', day('2026-01-01'), day('2026-06-02'), 'ACTIVE'],
  ];
  for (const [name, startsAt, endsAt, status] of cases) {
    it(name, () => assert.equal(termStatus({ startsAt, endsAt }, now), status));
  }
});
