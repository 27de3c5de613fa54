// Table tests for the environment rules: attachment to production, plan features, deletion and install.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  deletionBlocker,
  type EnvironmentInput,
  type EnvironmentRef,
  installBlocker,
  planFeatureOfEnvironment,
  sameNamedEnvironment,
  validateEnvironmentInput,
} from './environment-rules.ts';
import { licensedProducts } from './licensed-products.ts';

const prod: EnvironmentRef = {
  id: 'env_prod',
  name: 'Production',
  kind: 'PRODUCTION',
  productionEnvironmentId: null,
};
const prod2: EnvironmentRef = {
  id: 'env_prod2',
  name: 'Nordics',
  kind: 'PRODUCTION',
  productionEnvironmentId: null,
};
const test: EnvironmentRef = {
  id: 'env_test',
  name: 'Test',
  kind: 'TEST',
  productionEnvironmentId: 'env_prod',
};
const train: EnvironmentRef = {
  id: 'env_train',
  name: 'Training',
  kind: 'TRAINING',
  productionEnvironmentId: 'env_prod',
};
const storage: EnvironmentRef = {
  id: 'env_2019',
  name: 'Archive 2019',
  kind: 'STORAGE',
  productionEnvironmentId: null,
};
const all = [prod, prod2, test, train, storage];

describe('validateEnvironmentInput', () => {
  const accepted: [string, EnvironmentInput][] = [
    ['a production environment stands alone', { name: 'Production EU', kind: 'PRODUCTION' }],
    [
      'a storage instance stands alone',
      { name: 'Archive 2018', kind: 'STORAGE', productionEnvironmentId: null },
    ],
    [
      'a test copy attaches to a production environment',
      { name: 'Test 2', kind: 'TEST', productionEnvironmentId: 'env_prod' },
    ],
    [
      'a training copy attaches to a production environment',
      { name: 'Course', kind: 'TRAINING', productionEnvironmentId: 'env_prod2' },
    ],
  ];
  for (const [name, input] of accepted) {
    it(`accepts: ${name}`, () => assert.equal(validateEnvironmentInput(input, all).ok, true));
  }

  const refused: [string, EnvironmentInput, string, string][] = [
    [
      'a test copy without a production environment',
      { name: 'T', kind: 'TEST' },
      'productionEnvironmentId',
      'REQUIRED',
    ],
    [
      'a training copy without a production environment',
      { name: 'T', kind: 'TRAINING', productionEnvironmentId: null },
      'productionEnvironmentId',
      'REQUIRED',
    ],
    [
      'a test copy attached to a test copy',
      { name: 'T', kind: 'TEST', productionEnvironmentId: 'env_test' },
      'productionEnvironmentId',
      'INCONSISTENT',
    ],
    [
      'a training copy attached to a storage instance',
      { name: 'T', kind: 'TRAINING', productionEnvironmentId: 'env_2019' },
      'productionEnvironmentId',
      'INCONSISTENT',
    ],
    [
      'a test copy attached to an unknown environment',
      { name: 'T', kind: 'TEST', productionEnvironmentId: 'env_nope' },
      'productionEnvironmentId',
      'NOT_ALLOWED',
    ],
    [
      'a production environment attached to another',
      { name: 'P', kind: 'PRODUCTION', productionEnvironmentId: 'env_prod' },
      'productionEnvironmentId',
      'INCONSISTENT',
    ],
    [
      'a storage instance attached to production',
      { name: 'S', kind: 'STORAGE', productionEnvironmentId: 'env_prod' },
      'productionEnvironmentId',
      'INCONSISTENT',
    ],
    ['a blank name', { name: '   ', kind: 'PRODUCTION' }, 'name', 'REQUIRED'],
    ['an unknown kind', { name: 'X', kind: 'SANDBOX' as never }, 'kind', 'NOT_ALLOWED'],
  ];
  for (const [name, input, field, reason] of refused) {
    it(`refuses: ${name}`, () => {
      const result = validateEnvironmentInput(input, all);
      assert.equal(result.ok, false);
      if (!result.ok)
        assert.deepEqual(
          result.errors.map((e) => [e.field, e.reason]),
          [[field, reason]],
        );
    });
  }

  it('trims the name', () => {
    const result = validateEnvironmentInput({ name: '  Prod  ', kind: 'PRODUCTION' }, []);
    assert.deepEqual(result, {
      ok: true,
      value: { name: 'Prod', kind: 'PRODUCTION', productionEnvironmentId: null },
    });
  });
});

describe('environment names, plan features, deletion and install', () => {
  it('finds a same-named environment case-insensitively, except itself', () => {
    assert.equal(sameNamedEnvironment(' production ', all)?.id, 'env_prod');
    assert.equal(sameNamedEnvironment('Production', all, 'env_prod'), undefined);
  });

  const features: [EnvironmentRef['kind'], string | null][] = [
    ['PRODUCTION', null],
    ['TEST', 'TEST_ENVIRONMENTS'],
    ['TRAINING', 'TRAINING_ENVIRONMENTS'],
    ['STORAGE', 'STORAGE_ENVIRONMENTS'],
  ];
  for (const [kind, feature] of features) {
    it(`a ${kind} environment needs plan feature ${feature ?? 'none'}`, () =>
      assert.equal(planFeatureOfEnvironment(kind), feature));
  }

  it('refuses to delete a production environment with attached copies, naming them', () => {
    assert.match(deletionBlocker(prod, all, 0) ?? '', /attached environments \(Test, Training\)/);
  });
  it('refuses to delete an environment with installed licenses', () => {
    assert.match(deletionBlocker(prod2, all, 2) ?? '', /2 product license\(s\) are installed in Nordics/);
  });
  it('lets a test copy and an empty production environment go', () => {
    assert.equal(deletionBlocker(test, all, 0), null);
    assert.equal(deletionBlocker(prod2, all, 0), null);
  });
  it('installs product licenses in production environments only', () => {
    assert.equal(installBlocker(prod), null);
    assert.match(installBlocker(test) ?? '', /borrows the licenses of its production environment/);
    assert.match(installBlocker(storage) ?? '', /installed in PRODUCTION environments/);
  });
});

describe('licensedProducts', () => {
  const licenses = [
    { id: 'lic_a', productId: 'prod_cad', environmentId: 'env_prod' },
    { id: 'lic_b', productId: 'prod_sim', environmentId: 'env_prod' },
    { id: 'lic_c', productId: 'prod_cad', environmentId: 'env_prod2' },
    { id: 'lic_d', productId: 'prod_pdm', environmentId: null },
  ];
  const rows = Object.fromEntries(licensedProducts(all, licenses).map((r) => [r.environmentId, r]));

  it('a production environment is licensed for what is installed in it', () => {
    assert.deepEqual(rows.env_prod, {
      environmentId: 'env_prod',
      licensedThroughId: 'env_prod',
      licenseIds: ['lic_a', 'lic_b'],
      productIds: ['prod_cad', 'prod_sim'],
    });
  });
  it('test and training copies borrow the licenses of their production environment', () => {
    assert.equal(rows.env_test?.licensedThroughId, 'env_prod');
    assert.deepEqual(rows.env_test?.productIds, ['prod_cad', 'prod_sim']);
    assert.deepEqual(rows.env_train?.licenseIds, ['lic_a', 'lic_b']);
  });
  it('a storage instance holds no product license', () => {
    assert.deepEqual(rows.env_2019, {
      environmentId: 'env_2019',
      licensedThroughId: null,
      licenseIds: [],
      productIds: [],
    });
  });
  it('a license installed nowhere licenses no environment', () => {
    assert.ok(Object.values(rows).every((r) => !r.licenseIds.includes('lic_d')));
  });
});
