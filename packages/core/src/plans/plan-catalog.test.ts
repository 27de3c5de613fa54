// Table tests for the plan catalog and the plan gate (License level tab, NOT_INCLUDED_IN_PLAN).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../errors/app-error.ts';
import {
  PLAN_CATALOG,
  PLAN_FEATURES,
  PLANS,
  type Plan,
  type PlanFeature,
  planIncludes,
} from './plan-catalog.ts';
import { notIncludedDetail, requirePlanFeature } from './plan-gate.ts';

describe('planIncludes', () => {
  const cases: [PlanFeature, Record<Plan, boolean>][] = [
    ['TEST_ENVIRONMENTS', { STANDARD: true, PROFESSIONAL: true, ENTERPRISE: true }],
    ['NAMED_USER_SEATS', { STANDARD: true, PROFESSIONAL: true, ENTERPRISE: true }],
    ['TRAINING_ENVIRONMENTS', { STANDARD: false, PROFESSIONAL: true, ENTERPRISE: true }],
    ['INTEGRATIONS', { STANDARD: false, PROFESSIONAL: true, ENTERPRISE: true }],
    ['REPORTING_EXPORT', { STANDARD: false, PROFESSIONAL: true, ENTERPRISE: true }],
    ['USAGE_HARVESTING', { STANDARD: false, PROFESSIONAL: true, ENTERPRISE: true }],
    ['STORAGE_ENVIRONMENTS', { STANDARD: false, PROFESSIONAL: false, ENTERPRISE: true }],
    ['AI_ADD_ONS', { STANDARD: false, PROFESSIONAL: false, ENTERPRISE: true }],
  ];
  for (const [feature, expected] of cases) {
    it(`${feature}: ${PLANS.filter((p) => expected[p]).join(', ')}`, () => {
      for (const plan of PLANS) assert.equal(planIncludes(plan, feature), expected[plan], plan);
    });
  }

  it('covers every feature of the catalog in this table', () => {
    assert.deepEqual(cases.map(([f]) => f).sort(), Object.keys(PLAN_FEATURES).sort());
  });

  it('each plan includes everything of the plans below it', () => {
    for (let i = 1; i < PLAN_CATALOG.length; i++) {
      const lower = PLAN_CATALOG[i - 1]!;
      const higher = PLAN_CATALOG[i]!;
      for (const f of lower.features) assert.ok(higher.features.includes(f), `${higher.plan} lacks ${f}`);
    }
  });
});

describe('requirePlanFeature', () => {
  it('lets an included feature through', () => {
    assert.doesNotThrow(() => requirePlanFeature('PROFESSIONAL', 'INTEGRATIONS'));
  });

  it('refuses with NOT_INCLUDED_IN_PLAN naming the feature, the plan and the plans that include it', () => {
    assert.throws(
      () => requirePlanFeature('STANDARD', 'INTEGRATIONS'),
      (error: unknown) => {
        assert.ok(error instanceof AppError);
        assert.equal(error.code, 'NOT_INCLUDED_IN_PLAN');
        assert.equal(error.status, 403);
        assert.match(
          error.message,
          /is not included in your plan \(STANDARD\); it is included in PROFESSIONAL and ENTERPRISE/,
        );
        assert.deepEqual(error.extensions, {
          feature: 'INTEGRATIONS',
          plan: 'STANDARD',
          includedIn: ['PROFESSIONAL', 'ENTERPRISE'],
        });
        return true;
      },
    );
  });

  it('words the refusal of an Enterprise-only feature', () => {
    assert.equal(
      notIncludedDetail('PROFESSIONAL', 'AI_ADD_ONS'),
      '"AI add-ons" is not included in your plan (PROFESSIONAL); it is included in ENTERPRISE. ' +
        'Contact your account manager to change your plan.',
    );
  });
});
