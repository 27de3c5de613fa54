// Validation with a scope: version and maintenance coverage, features, countries and departments.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { day, makeLicense, makePolicy, makeSnapshot } from './test-fixtures.ts';
import { type LicenseSnapshot, type ValidationScope, validateLicense } from './validate-license.ts';
import type { ValidationCode } from './validation-codes.ts';

const releases = [
  { version: '1.0.0', releasedAt: day(-100) },
  { version: '1.1.0', releasedAt: day(180) },
  { version: '2.0.0', releasedAt: day(181) },
];
// Perpetual, maintenance ended on day 180: 1.1.0 (dated exactly then) is covered, 2.0.0 is not.
const maintained = makeSnapshot(
  makeLicense({ model: 'PERPETUAL', expiresAt: null, maintenanceEndsAt: day(180) }),
  makePolicy({ model: 'PERPETUAL', durationIso: null, maintenanceDurationIso: 'P6M' }),
  { releases },
);
const site = makeSnapshot(
  makeLicense({ model: 'SITE', expiresAt: null }),
  makePolicy({ model: 'SITE', durationIso: null, allowedCountries: ['SE'], allowedDepartments: ['R&D'] }),
);
const entitled = makeSnapshot(
  makeLicense(),
  makePolicy({ entitlements: [{ code: 'EXPORT' }, { code: 'PLUGINS', value: false }] }),
);

// [guarantee, snapshot, scope, now, expected code, expected valid, expected violation codes]
const cases: [string, LicenseSnapshot, ValidationScope, Date, ValidationCode, boolean, ValidationCode[]][] = [
  [
    'a release dated before the maintenance end is covered',
    maintained,
    { version: '1.0.0' },
    day(400),
    'VALID',
    true,
    [],
  ],
  [
    'a release dated exactly at the maintenance end is covered',
    maintained,
    { version: '1.1.0' },
    day(400),
    'VALID',
    true,
    [],
  ],
  [
    'a release dated after the maintenance end is VERSION_NOT_COVERED',
    maintained,
    { version: '2.0.0' },
    day(400),
    'VERSION_NOT_COVERED',
    false,
    ['VERSION_NOT_COVERED'],
  ],
  [
    'an unknown version after maintenance ended is VERSION_NOT_COVERED',
    maintained,
    { version: '9.0.0' },
    day(400),
    'VERSION_NOT_COVERED',
    false,
    ['VERSION_NOT_COVERED'],
  ],
  [
    'an unknown version while maintenance runs is covered',
    maintained,
    { version: '1.2.0' },
    day(100),
    'VALID',
    true,
    [],
  ],
  [
    'a version outside the range is VERSION_NOT_COVERED',
    makeSnapshot(makeLicense(), makePolicy({ versionRange: '^1.0.0' })),
    { version: '2.0.0' },
    day(1),
    'VERSION_NOT_COVERED',
    false,
    ['VERSION_NOT_COVERED'],
  ],
  [
    'a prerelease inside the range is covered',
    makeSnapshot(makeLicense(), makePolicy({ versionRange: '^1.0.0' })),
    { version: '1.5.0-rc.1' },
    day(1),
    'VALID',
    true,
    [],
  ],
  [
    'a non-semver version is VERSION_NOT_COVERED',
    maintained,
    { version: 'latest' },
    day(1),
    'VERSION_NOT_COVERED',
    false,
    ['VERSION_NOT_COVERED'],
  ],
  ['an entitled feature is VALID', entitled, { feature: 'EXPORT' }, day(1), 'VALID', true, []],
  [
    'a feature withheld by value false is FEATURE_NOT_ENTITLED',
    entitled,
    { feature: 'PLUGINS' },
    day(1),
    'FEATURE_NOT_ENTITLED',
    false,
    ['FEATURE_NOT_ENTITLED'],
  ],
  [
    'each missing feature is reported',
    entitled,
    { feature: ['EXPORT', 'A', 'B'] },
    day(1),
    'FEATURE_NOT_ENTITLED',
    false,
    ['FEATURE_NOT_ENTITLED', 'FEATURE_NOT_ENTITLED'],
  ],
  [
    'a site license in an allowed place is VALID',
    site,
    { country: 'se', department: ' r&d ' },
    day(1),
    'VALID',
    true,
    [],
  ],
  [
    'a country outside the list is COUNTRY_NOT_ALLOWED',
    site,
    { country: 'NO', department: 'R&D' },
    day(1),
    'COUNTRY_NOT_ALLOWED',
    false,
    ['COUNTRY_NOT_ALLOWED'],
  ],
  [
    'another department is DEPARTMENT_NOT_ALLOWED',
    site,
    { country: 'SE', department: 'Sales' },
    day(1),
    'DEPARTMENT_NOT_ALLOWED',
    false,
    ['DEPARTMENT_NOT_ALLOWED'],
  ],
  [
    'omitting the place of a restricted license reports both',
    site,
    {},
    day(1),
    'COUNTRY_NOT_ALLOWED',
    false,
    ['COUNTRY_NOT_ALLOWED', 'DEPARTMENT_NOT_ALLOWED'],
  ],
];

describe('validateLicense with a scope', () => {
  for (const [guarantee, snapshot, scope, now, code, valid, violations] of cases) {
    it(guarantee, () => {
      const result = validateLicense(snapshot, scope, now);
      assert.deepEqual(
        [result.code, result.valid, result.violations.map((v) => v.code)],
        [code, valid, violations],
      );
    });
  }
});
