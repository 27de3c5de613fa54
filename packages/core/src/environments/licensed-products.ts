// Which product licenses each environment may use: production environments use the licenses
// installed in them, test and training copies borrow their production environment's, storage
// instances hold data only. The Products tab lists licenses per production environment only.
import { borrowsLicenses, type EnvironmentRef } from './environment-rules.ts';

/** A product license as the environment views need it. */
export interface InstalledLicense {
  id: string;
  productId: string;
  environmentId: string | null;
}

export interface EnvironmentProducts {
  environmentId: string;
  /** The production environment whose licenses apply (itself for PRODUCTION; null for STORAGE). */
  licensedThroughId: string | null;
  licenseIds: string[];
  /** Distinct product ids, sorted. */
  productIds: string[];
}

/**
 * For every environment, the licenses and products it is licensed for.
 * @example
 * licensedProducts([prod, test], [{ id: 'lic_1', productId: 'prod_a', environmentId: prod.id }])
 * // → [{ environmentId: prod.id, licensedThroughId: prod.id, … }, { environmentId: test.id, licensedThroughId: prod.id, … }]
 */
export function licensedProducts(
  environments: readonly EnvironmentRef[],
  licenses: readonly InstalledLicense[],
): EnvironmentProducts[] {
  const byEnvironment = new Map<string, InstalledLicense[]>();
  for (const l of licenses) {
    if (!l.environmentId) continue;
    byEnvironment.set(l.environmentId, [...(byEnvironment.get(l.environmentId) ?? []), l]);
  }
  return environments.map((e) => {
    const through =
      e.kind === 'PRODUCTION' ? e.id : borrowsLicenses(e.kind) ? e.productionEnvironmentId : null;
    const installed = through ? (byEnvironment.get(through) ?? []) : [];
    return {
      environmentId: e.id,
      licensedThroughId: through,
      licenseIds: installed.map((l) => l.id).sort(),
      productIds: [...new Set(installed.map((l) => l.productId))].sort(),
    };
  });
}

/** The environments attached to each production environment, by production id. */
export function attachedEnvironments(environments: readonly EnvironmentRef[]): Map<string, EnvironmentRef[]> {
  const attached = new Map<string, EnvironmentRef[]>();
  for (const e of environments) {
    if (!e.productionEnvironmentId) continue;
    attached.set(e.productionEnvironmentId, [...(attached.get(e.productionEnvironmentId) ?? []), e]);
  }
  return attached;
}
