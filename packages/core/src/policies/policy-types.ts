// Policies: the templates licenses are issued from (model, durations, limits, restrictions, price).
import type { FeatureValue } from '../catalog/catalog-types.ts';

export const LICENSE_MODELS = [
  'PERPETUAL',
  'SUBSCRIPTION',
  'TRIAL',
  'FLOATING',
  'NODE_LOCKED',
  'SITE',
] as const;
/** How a license is sold and enforced; copied onto each license at issue. */
export type LicenseModel = (typeof LICENSE_MODELS)[number];

/** How far past its maximum a limit may go: 1.25X of 10 allows 12; ALWAYS has no ceiling. */
export const OVERAGE_STRATEGIES = ['NO', '1.25X', '1.5X', '2X', 'ALWAYS'] as const;
export type OverageStrategy = (typeof OVERAGE_STRATEGIES)[number];

/** A renewal extends from the moment of renewal (NOW) or from the current expiry (EXPIRY). */
export const RENEW_FROM = ['NOW', 'EXPIRY'] as const;
export type RenewFrom = (typeof RENEW_FROM)[number];

/** A trial's clock starts at issue or at its first machine activation. */
export const TRIAL_STARTS_AT = ['ISSUE', 'FIRST_ACTIVATION'] as const;
export type TrialStartsAt = (typeof TRIAL_STARTS_AT)[number];

/** A feature granted by a policy or license, with an optional value (e.g. a limit). `false` = withheld. */
export interface Entitlement {
  code: string;
  value?: FeatureValue;
}

export interface Policy {
  id: string;
  accountId: string;
  productId: string;
  name: string;
  model: LicenseModel;
  /** ISO 8601 duration of a license (P1Y, P30D); null = never expires (perpetual, site). */
  durationIso: string | null;
  /** ISO 8601 duration of maintenance after issue; null = no maintenance gating. */
  maintenanceDurationIso: string | null;
  /** ISO 8601 duration after expiry during which the license stays valid with a warning. */
  gracePeriodIso: string | null;
  /** null = unlimited. For FLOATING, the number of concurrent seats. */
  maxMachines: number | null;
  /** null = unlimited. */
  maxUsers: number | null;
  overage: OverageStrategy;
  /** How often a machine or lease must check in; null = no heartbeat required. */
  heartbeatIntervalSeconds: number | null;
  /** ISO 3166-1 alpha-2 codes; empty = anywhere. */
  allowedCountries: string[];
  /** Department names as the customer spells them; empty = any department. */
  allowedDepartments: string[];
  /** A semver range such as `>=2.0.0 <3.0.0`; null = any version. */
  versionRange: string | null;
  entitlements: Entitlement[];
  /** Price per billing period per seat, in whole cents; null = not sold (e.g. free trial). */
  priceCents: number | null;
  billingPeriodIso: string | null;
  renewFrom: RenewFrom;
  trialStartsAt: TrialStartsAt;
  /** Longest offline borrow of a floating seat, in hours; null = borrowing not allowed. */
  maxBorrowHours: number | null;
}

/** What a caller supplies to create a policy; omitted members take the defaults of validation. */
export type PolicyInput = Pick<Policy, 'name' | 'model'> &
  Partial<Omit<Policy, 'id' | 'accountId' | 'productId'>>;

/** A validated policy input: every member present (ids are added by the caller). */
export type ValidPolicyInput = Omit<Policy, 'id' | 'accountId' | 'productId'>;
