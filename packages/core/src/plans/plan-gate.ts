// The one refusal for features outside an organization's plan: NOT_INCLUDED_IN_PLAN (403), naming
// the feature, the current plan and the plans that include it, so the API and the UI say the same.
import { AppError } from '../errors/app-error.ts';
import { PLAN_FEATURES, type Plan, type PlanFeature, planIncludes, plansIncluding } from './plan-catalog.ts';

/** The detail sentence of a refusal; the UI shows it as is. */
export function notIncludedDetail(plan: Plan, feature: PlanFeature): string {
  const includedIn = plansIncluding(feature);
  return (
    `"${PLAN_FEATURES[feature].title}" is not included in your plan (${plan}); ` +
    `it is included in ${includedIn.join(' and ')}. Contact your account manager to change your plan.`
  );
}

/**
 * Throw NOT_INCLUDED_IN_PLAN unless `plan` includes `feature`. The problem document carries
 * `feature`, `plan` and `includedIn` so a client can offer the upgrade.
 * @example requirePlanFeature('STANDARD', 'INTEGRATIONS') // throws AppError NOT_INCLUDED_IN_PLAN
 */
export function requirePlanFeature(plan: Plan, feature: PlanFeature): void {
  if (planIncludes(plan, feature)) return;
  throw new AppError('NOT_INCLUDED_IN_PLAN', notIncludedDetail(plan, feature), {
    extensions: { feature, plan, includedIn: plansIncluding(feature) },
  });
}
