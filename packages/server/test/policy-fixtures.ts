// Fixtures of the policy suites: a valid input of every license model, a fresh tenant with a product
// written straight to storage, and policy creation through the API (as the developer unless told).
import type { LicenseModel, PolicyInput } from '@licentia/core';
import { type CallResult, call, newTenant, type Tenant, type TestApp } from './harness.ts';
import { seedProduct } from './licensing-fixtures.ts';

export const policiesOf = (x: Tenant) => `/v1/accounts/${x.accountId}/policies`;

/** A valid policy input of every license model (without the model itself). */
export const VALID: Record<LicenseModel, Omit<PolicyInput, 'model'>> = {
  PERPETUAL: { name: 'Perpetual', maintenanceDurationIso: 'P1Y' },
  SUBSCRIPTION: {
    name: 'Yearly',
    durationIso: 'P1Y',
    gracePeriodIso: 'P14D',
    priceCents: 9900,
    billingPeriodIso: 'P1Y',
  },
  TRIAL: { name: 'Trial', durationIso: 'P30D', trialStartsAt: 'FIRST_ACTIVATION' },
  FLOATING: { name: 'Floating', maxMachines: 10, heartbeatIntervalSeconds: 600, maxBorrowHours: 72 },
  NODE_LOCKED: { name: 'Node-locked', maxMachines: 1 },
  SITE: { name: 'Site', allowedCountries: ['SE', 'NO', 'DK'] },
};

/** A fresh tenant with one product of its account. */
export async function tenantWithProduct(t: TestApp): Promise<{ x: Tenant; productId: string }> {
  const x = await newTenant(t);
  const product = await seedProduct(t, x.accountId);
  return { x, productId: product.id };
}

/** POST a policy to the tenant's account. */
export function postPolicy(
  t: TestApp,
  x: Tenant,
  body: Record<string, unknown>,
  token = x.tokens.developer,
): Promise<CallResult> {
  return call(t, 'POST', policiesOf(x), { token, body });
}
