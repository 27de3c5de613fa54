// Tests for the consumption report and its CSV: counts per product and environment, releases with
// their rule, refused logins, user licenses implied by effective products, and CSV quoting.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { consumptionCsv } from './consumption-csv.ts';
import { type ConsumptionInput, consumptionReport } from './consumption-report.ts';
import { allocationProduct } from './test-products.ts';

const product = allocationProduct;

const input: ConsumptionInput = {
  products: [
    product('AUTHOR', { quantity: 1 }),
    product('VIEWER', { userLicenseType: 'LIGHT' }),
    product('SIM', { kind: 'ADD_ON', requiresCodes: ['AUTHOR'], name: 'Sim, "advanced"' }),
  ],
  people: [
    // Author + sim effective, viewer released in favour of author.
    {
      personId: 'ann',
      active: true,
      effective: ['AUTHOR', 'SIM'],
      released: [{ code: 'VIEWER', rule: 'OVERLAPPING_BASE', inFavourOf: 'AUTHOR' }],
    },
    { personId: 'bob', active: true, effective: ['AUTHOR'], released: [] },
    { personId: 'cy', active: true, effective: ['VIEWER'], released: [] },
    // An add-on alone: nothing effective, login refused.
    {
      personId: 'dee',
      active: true,
      effective: [],
      released: [{ code: 'SIM', rule: 'ADD_ON_WITHOUT_BASE', inFavourOf: null }],
    },
    // Disabled people consume nothing.
    { personId: 'eve', active: false, effective: ['AUTHOR'], released: [] },
  ],
  environments: [
    { id: 'env_p', name: 'Production', kind: 'PRODUCTION' },
    { id: 'env_t', name: 'Test', kind: 'TEST' },
  ],
  environmentAccounts: [
    { personId: 'ann', environmentId: 'env_p' },
    { personId: 'ann', environmentId: 'env_t' },
    { personId: 'cy', environmentId: 'env_t' },
    { personId: 'eve', environmentId: 'env_p' },
  ],
};

describe('consumptionReport', () => {
  const report = consumptionReport(input);

  it('counts each effective product once per active person and flags use beyond the quantity', () => {
    assert.deepEqual(
      report.products.map((p) => [p.code, p.consumed, p.released, p.overQuantity]),
      [
        ['AUTHOR', 2, 0, true],
        ['SIM', 1, 1, false],
        ['VIEWER', 1, 1, false],
      ],
    );
  });

  it('counts consumption in every environment where the person holds an account', () => {
    assert.deepEqual(
      report.environments.map((e) => [e.name, e.products.map((p) => `${p.code}:${p.consumed}`)]),
      [
        ['Production', ['AUTHOR:1', 'SIM:1']],
        ['Test', ['AUTHOR:1', 'SIM:1', 'VIEWER:1']],
      ],
    );
  });

  it('groups releases by product, rule and winner, with the rule explained', () => {
    assert.deepEqual(
      report.releases.map((r) => [r.code, r.rule, r.inFavourOf, r.people]),
      [
        ['SIM', 'ADD_ON_WITHOUT_BASE', null, 1],
        ['VIEWER', 'OVERLAPPING_BASE', 'AUTHOR', 1],
      ],
    );
    assert.match(report.releases[0]!.why, /add-on needs one of its base licenses/);
  });

  it('counts active people with assignments but nothing effective as refused logins', () => {
    assert.equal(report.loginRefused, 1);
  });

  it('implies one user license per person holding an effective license, of the highest type', () => {
    assert.deepEqual(report.userLicenses.used, { USER: 2, LIGHT: 1, MEMBER: 0 });
    assert.deepEqual(Object.fromEntries(report.userLicenses.perPerson), {
      ann: 'USER',
      bob: 'USER',
      cy: 'LIGHT',
    });
  });
});

describe('consumptionCsv', () => {
  it('writes organization, environment and release rows with RFC 4180 quoting', () => {
    const lines = consumptionCsv(consumptionReport(input)).split('\r\n');
    assert.equal(
      lines[0],
      'section,environment,product_code,product_name,kind,quantity,consumed,released,rule,in_favour_of',
    );
    assert.equal(lines[1], 'ORGANIZATION,,AUTHOR,AUTHOR,BASE,1,2,0,,');
    assert.equal(lines[2], 'ORGANIZATION,,SIM,"Sim, ""advanced""",ADD_ON,,1,1,,');
    assert.ok(lines.includes('ENVIRONMENT,Test,VIEWER,VIEWER,BASE,,1,,,'));
    assert.ok(lines.includes('RELEASED,,VIEWER,VIEWER,BASE,,,1,OVERLAPPING_BASE,AUTHOR'));
    assert.equal(lines.at(-1), '');
  });
});
