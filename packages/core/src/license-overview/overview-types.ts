// The shapes of the license overview (seed 000): one answer for the tabs Products, Integrations,
// Users and License level.
import type { EnvironmentRef } from '../environments/environment-rules.ts';
import type { Plan, PlanFeature } from '../plans/plan-catalog.ts';
import type {
  UserLicenseInput,
  UserLicenseOverage,
  UserLicenseType,
} from '../user-licenses/user-license-types.ts';

export type EntitlementKind = 'INTEGRATION' | 'ADD_ON' | 'DATABASE_INSTANCE' | 'USER_LICENSE';
export type TermStatus = 'ACTIVE' | 'FUTURE' | 'EXPIRED';

export interface OverviewEntitlement {
  id: string;
  kind: EntitlementKind;
  code: string;
  name: string;
  quantity: number;
  startsAt: Date;
  endsAt: Date | null;
}

export interface OverviewLicense {
  id: string;
  name: string | null;
  productId: string;
  productName: string;
  environmentId: string | null;
  status: 'ACTIVE' | 'SUSPENDED' | 'REVOKED';
  startsAt: Date;
  expiresAt: Date | null;
  maxUsers: number | null;
  seatsAssigned: number;
}

export interface OverviewInput {
  plan: Plan;
  now: Date;
  environments: readonly EnvironmentRef[];
  licenses: readonly OverviewLicense[];
  entitlements: readonly OverviewEntitlement[];
  /** Everything user-license counting needs except `environments` (taken from above) and `purchased`. */
  users: Pick<UserLicenseInput, 'people' | 'permissionGroups' | 'accounts'>;
}

export interface ProductsTab {
  /** One row per PRODUCTION environment; test and training copies are named, never listed as rows. */
  environments: {
    environmentId: string;
    name: string;
    attachedEnvironments: { id: string; name: string; kind: EnvironmentRef['kind'] }[];
    licenses: OverviewLicense[];
  }[];
  /** Licenses of the organization not installed in any environment yet. */
  notInstalled: OverviewLicense[];
  /** For every environment (the "house icon"): which products it is licensed for and through which. */
  licensedProducts: {
    environmentId: string;
    name: string;
    kind: EnvironmentRef['kind'];
    licensedThroughId: string | null;
    products: { productId: string; productName: string }[];
  }[];
}

export interface TermRow extends OverviewEntitlement {
  status: TermStatus;
}

export interface IntegrationsTab {
  integrations: TermRow[];
  addOns: TermRow[];
  databaseInstances: TermRow[];
  /** Active extra instances purchased vs. TEST, TRAINING and STORAGE environments in use. */
  databaseInstanceUse: { purchased: number; inUse: number };
}

export interface UsersTab {
  types: { type: UserLicenseType; purchased: number; used: number; free: boolean; overage: boolean }[];
  overage: UserLicenseOverage[];
  /** The sentence to show when any paid type is over; null when compliant. */
  message: string | null;
  /** People consuming a license without any production account (test or training copies only). */
  nonProductionOnly: number;
  environments: { environmentId: string; name: string; kind: EnvironmentRef['kind']; people: number }[];
}

export interface LicenseLevelTab {
  plan: Plan;
  plans: {
    plan: Plan;
    name: string;
    summary: string;
    current: boolean;
    features: { feature: PlanFeature; title: string; description: string; included: boolean }[];
  }[];
}

export interface LicenseOverview {
  products: ProductsTab;
  integrations: IntegrationsTab;
  users: UsersTab;
  licenseLevel: LicenseLevelTab;
}
