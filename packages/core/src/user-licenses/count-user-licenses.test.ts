// Table tests for user-license counting: one case per rule of MISSION D2 / seed 000.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countUserLicenses } from './count-user-licenses.ts';
import type { UserLicenseCount, UserLicenseInput, UserLicenseType } from './user-license-types.ts';

const environments: UserLicenseInput['environments'] = [
  { id: 'env_prod', kind: 'PRODUCTION' },
  { id: 'env_test', kind: 'TEST' },
  { id: 'env_train', kind: 'TRAINING' },
  { id: 'env_2019', kind: 'STORAGE' },
];
// One permission group per type in every environment: '<env>:<type>'.
const permissionGroups = environments.flatMap((e) =>
  (['USER', 'LIGHT', 'MEMBER'] as const).map((t) => ({
    id: `${e.id}:${t}`,
    environmentId: e.id,
    userLicenseType: t,
  })),
);

type Holding = [personId: string, environmentId: string, ...types: UserLicenseType[]];
const input = (holdings: Holding[], purchased = { USER: 10, LIGHT: 10 }, inactive: string[] = []) => ({
  people: [...new Set(holdings.map((h) => h[0]))].map((id) => ({
    id,
    username: id,
    status: inactive.includes(id) ? ('INACTIVE' as const) : ('ACTIVE' as const),
  })),
  environments,
  permissionGroups,
  accounts: holdings.map(([personId, environmentId, ...types]) => ({
    personId,
    environmentId,
    permissionGroupIds: types.map((t) => `${environmentId}:${t}`),
  })),
  purchased,
});
const rows = (count: UserLicenseCount) =>
  count.perPerson.map((p) => [p.personId, p.type, p.environments.join(',')]);

describe('countUserLicenses', () => {
  const cases: [string, UserLicenseInput, Record<UserLicenseType, number>, string[][]][] = [
    [
      'USER in one environment and LIGHT in another is counted once, as USER',
      input([
        ['ann', 'env_prod', 'USER'],
        ['ann', 'env_test', 'LIGHT'],
      ]),
      { USER: 1, LIGHT: 0, MEMBER: 0 },
      [['ann', 'USER', 'env_prod,env_test']],
    ],
    [
      'a person reaching every environment consumes one license, of the highest type held anywhere',
      input([
        ['bo', 'env_prod', 'MEMBER'],
        ['bo', 'env_test', 'LIGHT'],
        ['bo', 'env_train', 'MEMBER'],
        ['bo', 'env_2019', 'LIGHT'],
      ]),
      { USER: 0, LIGHT: 1, MEMBER: 0 },
      [['bo', 'LIGHT', 'env_2019,env_prod,env_test,env_train']],
    ],
    [
      'several groups in one environment still give one license, the highest',
      input([['cy', 'env_prod', 'MEMBER', 'USER', 'LIGHT']]),
      { USER: 1, LIGHT: 0, MEMBER: 0 },
      [['cy', 'USER', 'env_prod']],
    ],
    [
      'a test-only person still consumes one',
      input([['dee', 'env_test', 'LIGHT']]),
      { USER: 0, LIGHT: 1, MEMBER: 0 },
      [['dee', 'LIGHT', 'env_test']],
    ],
    [
      'a training-only person still consumes one',
      input([['eve', 'env_train', 'USER']]),
      { USER: 1, LIGHT: 0, MEMBER: 0 },
      [['eve', 'USER', 'env_train']],
    ],
    [
      'MEMBER is listed for information and is free',
      input(
        [
          ['fay', 'env_prod', 'MEMBER'],
          ['gus', 'env_test', 'MEMBER'],
        ],
        { USER: 0, LIGHT: 0 },
      ),
      { USER: 0, LIGHT: 0, MEMBER: 2 },
      [
        ['fay', 'MEMBER', 'env_prod'],
        ['gus', 'MEMBER', 'env_test'],
      ],
    ],
    [
      'an inactive person consumes nothing',
      input(
        [
          ['hal', 'env_prod', 'USER'],
          ['ida', 'env_prod', 'LIGHT'],
        ],
        undefined,
        ['hal'],
      ),
      { USER: 0, LIGHT: 1, MEMBER: 0 },
      [['ida', 'LIGHT', 'env_prod']],
    ],
    [
      'an account in no typed permission group consumes nothing',
      input([['jo', 'env_prod']]),
      { USER: 0, LIGHT: 0, MEMBER: 0 },
      [],
    ],
  ];
  for (const [name, given, used, perPerson] of cases) {
    it(name, () => {
      const count = countUserLicenses(given);
      assert.deepEqual(count.used, used);
      assert.deepEqual(rows(count), perPerson);
    });
  }

  const overages: [string, UserLicenseInput, [string, number, number][]][] = [
    [
      'flags USER used beyond purchased',
      input(
        [
          ['a', 'env_prod', 'USER'],
          ['b', 'env_test', 'USER'],
        ],
        { USER: 1, LIGHT: 5 },
      ),
      [['USER', 2, 1]],
    ],
    [
      'flags LIGHT used beyond purchased',
      input([['a', 'env_prod', 'LIGHT']], { USER: 5, LIGHT: 0 }),
      [['LIGHT', 1, 0]],
    ],
    ['does not flag use equal to purchased', input([['a', 'env_prod', 'USER']], { USER: 1, LIGHT: 0 }), []],
    [
      'a USER surplus does not cover a LIGHT shortfall',
      input([['a', 'env_prod', 'LIGHT']], { USER: 9, LIGHT: 0 }),
      [['LIGHT', 1, 0]],
    ],
    [
      'never flags MEMBER, however many',
      input(
        [
          ['a', 'env_prod', 'MEMBER'],
          ['b', 'env_prod', 'MEMBER'],
        ],
        { USER: 0, LIGHT: 0 },
      ),
      [],
    ],
    [
      'a person counted once cannot cause an overage by reaching many environments',
      input(
        [
          ['a', 'env_prod', 'USER'],
          ['a', 'env_test', 'USER'],
          ['a', 'env_train', 'USER'],
        ],
        { USER: 1, LIGHT: 0 },
      ),
      [],
    ],
  ];
  for (const [name, given, expected] of overages) {
    it(name, () => {
      const { overage } = countUserLicenses(given);
      assert.deepEqual(
        overage.map((o) => [o.type, o.used, o.purchased]),
        expected,
      );
      for (const o of overage)
        assert.equal(o.message, 'contact your account manager for a license adjustment');
    });
  }

  it('marks a person with no production account, so the Users tab can point it out', () => {
    const count = countUserLicenses(
      input([
        ['a', 'env_test', 'USER'],
        ['b', 'env_prod', 'LIGHT'],
        ['b', 'env_test', 'USER'],
      ]),
    );
    assert.deepEqual(
      count.perPerson.map((p) => [p.personId, p.nonProductionOnly]),
      [
        ['a', true],
        ['b', false],
      ],
    );
  });

  it('gives the same count whatever order the accounts arrive in', () => {
    const given = input([
      ['a', 'env_test', 'LIGHT'],
      ['b', 'env_prod', 'USER'],
      ['a', 'env_prod', 'USER'],
      ['c', 'env_train', 'MEMBER'],
    ]);
    const reversed = {
      ...given,
      accounts: [...given.accounts].reverse(),
      people: [...given.people].reverse(),
    };
    assert.deepEqual(countUserLicenses(reversed), countUserLicenses(given));
  });
});
