// The demo catalog of a first start: one base product with releases and features, an add-on, and
// one policy per license model, so a fresh install shows every licensing model working.
import {
  type LicenseModel,
  type PolicyInput,
  type Validated,
  validateFeatureInput,
  validatePolicyInput,
  validateProductInput,
  validateReleaseInput,
} from '@licentia/core';
import {
  featureRepository,
  policyRepository,
  productRepository,
  releaseRepository,
  type Schema,
} from '@licentia/db';
import type { Kysely } from 'kysely';
import type { AppContext, AuditEntry } from '../http/context.ts';

/** Ids of the demo catalog, for issuing demo licenses of every model. */
export interface DemoCatalog {
  productId: string;
  addOnProductId: string;
  policies: Record<LicenseModel, string>;
}

const DAY_MS = 86_400_000;
const RELEASES = [
  { version: '1.0.0', daysAgo: 720 },
  { version: '1.5.0', daysAgo: 360 },
  { version: '2.0.0', daysAgo: 60 },
];
const FEATURES = [
  { code: 'EXPORT_PDF', name: 'PDF export' },
  { code: 'CLOUD_SYNC', name: 'Cloud sync' },
  { code: 'MAX_PROJECTS', name: 'Projects', value: 50 },
];
const FULL = FEATURES.map(({ code, value }) => (value === undefined ? { code } : { code, value }));

const POLICIES: Record<LicenseModel, Omit<PolicyInput, 'model'>> = {
  PERPETUAL: {
    name: 'Studio Perpetual',
    maintenanceDurationIso: 'P1Y',
    maxMachines: 3,
    priceCents: 89_900,
    entitlements: FULL,
  },
  SUBSCRIPTION: {
    name: 'Studio Pro yearly',
    durationIso: 'P1Y',
    gracePeriodIso: 'P14D',
    maxMachines: 3,
    priceCents: 29_900,
    billingPeriodIso: 'P1Y',
    entitlements: FULL,
  },
  TRIAL: {
    name: 'Studio 30-day trial',
    durationIso: 'P30D',
    trialStartsAt: 'FIRST_ACTIVATION',
    maxMachines: 1,
    entitlements: [
      { code: 'EXPORT_PDF' },
      { code: 'CLOUD_SYNC', value: false },
      { code: 'MAX_PROJECTS', value: 3 },
    ],
  },
  FLOATING: {
    name: 'Studio Floating (10 seats)',
    durationIso: 'P1Y',
    maxMachines: 10,
    heartbeatIntervalSeconds: 600,
    maxBorrowHours: 72,
    priceCents: 199_900,
    billingPeriodIso: 'P1Y',
    entitlements: FULL,
  },
  NODE_LOCKED: {
    name: 'Studio Workstation (node-locked)',
    maxMachines: 1,
    maintenanceDurationIso: 'P1Y',
    entitlements: FULL,
  },
  SITE: { name: 'Studio Nordic site', allowedCountries: ['SE', 'NO', 'DK'], entitlements: FULL },
};

// The demo data is fixed and must pass the same rules as API input; a failure is a bug here.
function valid<T>(what: string, result: Validated<T>): T {
  if (!result.ok) throw new Error(`demo ${what} is invalid: ${JSON.stringify(result.errors)}`);
  return result.value;
}

/**
 * Create the demo catalog in `accountId` inside the bootstrap transaction, with an audit event per
 * row. Called only for a deployment's first start, which is what keeps bootstrap idempotent.
 */
export async function seedDemoCatalog(
  ctx: AppContext,
  trx: Kysely<Schema>,
  audit: (entry: AuditEntry) => Promise<void>,
  accountId: string,
): Promise<DemoCatalog> {
  const created = async (targetType: string, targetId: string, changes: unknown) =>
    audit({
      chainId: accountId,
      action: `${targetType}.created`,
      targetType,
      targetId,
      changes: { ...(changes as object), demo: true },
    });

  const studio = valid('product', validateProductInput({ code: 'acme-studio', name: 'Acme Studio' }));
  const product = await productRepository.insert(trx, accountId, { id: ctx.newId('product'), ...studio });
  await created('product', product.id, studio);
  const now = ctx.clock().getTime();
  for (const { version, daysAgo } of RELEASES) {
    const input = valid(
      'release',
      validateReleaseInput({ version, releasedAt: new Date(now - daysAgo * DAY_MS) }),
    );
    const release = await releaseRepository.insert(trx, accountId, {
      id: ctx.newId('release'),
      productId: product.id,
      ...input,
    });
    await created('release', release.id, {
      productId: product.id,
      version,
      releasedAt: input.releasedAt.toISOString(),
    });
  }
  for (const feature of FEATURES) {
    const input = valid('feature', validateFeatureInput(feature));
    const row = await featureRepository.insert(trx, accountId, {
      id: ctx.newId('feature'),
      productId: product.id,
      ...input,
    });
    await created('feature', row.id, { productId: product.id, ...input });
  }
  const farm = valid(
    'add-on',
    validateProductInput({
      code: 'acme-render-farm',
      name: 'Acme Render Farm',
      kind: 'ADD_ON',
      requiresProductIds: [product.id],
    }),
  );
  const addOn = await productRepository.insert(trx, accountId, { id: ctx.newId('product'), ...farm });
  await created('product', addOn.id, farm);

  const policies = {} as Record<LicenseModel, string>;
  for (const [model, input] of Object.entries(POLICIES) as [LicenseModel, Omit<PolicyInput, 'model'>][]) {
    const terms = valid(`${model} policy`, validatePolicyInput({ ...input, model }));
    const policy = await policyRepository.insert(trx, accountId, {
      id: ctx.newId('policy'),
      productId: product.id,
      terms,
    });
    await created('policy', policy.id, { productId: product.id, ...terms });
    policies[model] = policy.id;
  }
  return { productId: product.id, addOnProductId: addOn.id, policies };
}
