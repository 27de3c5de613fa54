// Cross-field rules of a policy: which members each license model needs, allows or forbids.
import type { FieldErrorCollector } from '../catalog/field-errors.ts';
import type { ValidPolicyInput } from './policy-types.ts';

/**
 * Add an INCONSISTENT (or REQUIRED) error for each model rule the policy breaks. Rules:
 * - SUBSCRIPTION and TRIAL need `durationIso`; PERPETUAL and SITE may have none (they never expire).
 * - FLOATING and NODE_LOCKED need `maxMachines` (seats, bound machines).
 * - `maxBorrowHours` is for FLOATING only; `trialStartsAt: FIRST_ACTIVATION` is for TRIAL only.
 * - `gracePeriodIso` needs a `durationIso` and is refused on a TRIAL (a trial ends on time).
 * - `billingPeriodIso` needs a `priceCents`; a priced SUBSCRIPTION needs a `billingPeriodIso`.
 * @example checkPolicyConsistency(errors, { ...policy, model: 'SUBSCRIPTION', durationIso: null }); // durationIso REQUIRED
 */
export function checkPolicyConsistency(errors: FieldErrorCollector, policy: ValidPolicyInput): void {
  const { model } = policy;
  if ((model === 'SUBSCRIPTION' || model === 'TRIAL') && policy.durationIso === null) {
    errors.add('durationIso', 'REQUIRED', `a ${model} policy needs a durationIso`);
  }
  if ((model === 'PERPETUAL' || model === 'SITE') && policy.durationIso !== null) {
    errors.add('durationIso', 'INCONSISTENT', `a ${model} license never expires: leave durationIso null`);
  }
  if ((model === 'FLOATING' || model === 'NODE_LOCKED') && policy.maxMachines === null) {
    errors.add('maxMachines', 'REQUIRED', `a ${model} policy needs maxMachines`);
  }
  if (policy.maxBorrowHours !== null && model !== 'FLOATING') {
    errors.add('maxBorrowHours', 'INCONSISTENT', 'maxBorrowHours applies to FLOATING policies only');
  }
  if (policy.trialStartsAt === 'FIRST_ACTIVATION' && model !== 'TRIAL') {
    errors.add(
      'trialStartsAt',
      'INCONSISTENT',
      'trialStartsAt FIRST_ACTIVATION applies to TRIAL policies only',
    );
  }
  if (policy.gracePeriodIso !== null && (policy.durationIso === null || model === 'TRIAL')) {
    errors.add('gracePeriodIso', 'INCONSISTENT', 'a grace period needs an expiring, non-trial policy');
  }
  if (policy.billingPeriodIso !== null && policy.priceCents === null) {
    errors.add('billingPeriodIso', 'INCONSISTENT', 'billingPeriodIso needs a priceCents');
  }
  if (model === 'SUBSCRIPTION' && policy.priceCents !== null && policy.billingPeriodIso === null) {
    errors.add('billingPeriodIso', 'REQUIRED', 'a priced subscription needs a billingPeriodIso');
  }
}
