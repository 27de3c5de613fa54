// Shapes of the Licentia HTTP API as the console reads them. Written by hand from the OpenAPI
// document because the web package must not import server or database code.

export type TokenKind = 'operator' | 'account' | 'organization' | 'product';

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export interface Me {
  tokenId: string;
  kind: TokenKind;
  roles: string[];
  accountId: string | null;
  accountName: string | null;
  organizationId: string | null;
  organizationName: string | null;
}

export interface Overview {
  accounts: number;
  organizations: number;
  activeTokens: number;
  auditEvents: number;
}

export interface Account {
  id: string;
  name: string;
  isDefault: boolean;
  createdAt: string;
}

export interface Organization {
  id: string;
  accountId: string;
  name: string;
  createdAt: string;
}

export interface ApiToken {
  id: string;
  kind: TokenKind;
  accountId: string | null;
  organizationId: string | null;
  name: string;
  roles: string[];
  hint: string;
  createdBy: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  createdAt: string;
}

export interface CreateTokenInput {
  kind: TokenKind;
  name: string;
  roles: string[];
  accountId?: string;
  organizationId?: string;
  expiresAt?: string;
}

export interface CreatedToken {
  token: ApiToken;
  /** The bearer secret: returned by this one response only, stored hashed by the server. */
  secret: string;
}

export interface AuditEvent {
  id: string;
  chainId: string;
  seq: number;
  occurredAt: string;
  actorType: string;
  actorId: string;
  action: string;
  targetType: string;
  targetId: string;
  changes: unknown;
  requestId: string | null;
  hash: string;
}

export interface ChainVerification {
  chainId: string;
  ok: boolean;
  checked: number;
  firstBroken: { id: string; seq: number; reason: string } | null;
  tailMissing?: boolean;
}

export interface AuditVerification {
  ok: boolean;
  chains: ChainVerification[];
}

// Licensing: the catalog, policies, licenses, machines and validation history (docs/licensing-contract.md).

export type ProductKind = 'BASE' | 'ADD_ON';

export interface Product {
  id: string;
  accountId: string;
  code: string;
  name: string;
  kind: ProductKind;
  requiresProductIds: string[];
  generation: number;
  rank: number;
  audience: 'INTERNAL' | 'EXTERNAL';
  createdAt: string;
}

export interface ProductInput {
  code: string;
  name: string;
  kind?: ProductKind;
  requiresProductIds?: string[];
  generation?: number;
  rank?: number;
}

export interface Release {
  id: string;
  productId: string;
  version: string;
  releasedAt: string;
  createdAt: string;
}

export type FeatureValue = number | string | boolean;

export interface Feature {
  id: string;
  productId: string;
  code: string;
  name: string;
  value?: FeatureValue;
  createdAt: string;
}

export const LICENSE_MODELS = [
  'PERPETUAL',
  'SUBSCRIPTION',
  'TRIAL',
  'FLOATING',
  'NODE_LOCKED',
  'SITE',
] as const;
export type LicenseModel = (typeof LICENSE_MODELS)[number];
export const OVERAGE_STRATEGIES = ['NO', '1.25X', '1.5X', '2X', 'ALWAYS'] as const;
export type OverageStrategy = (typeof OVERAGE_STRATEGIES)[number];

export interface Entitlement {
  code: string;
  value?: FeatureValue;
}

/** The terms of a policy as the API names them; null means "none" or "unlimited". */
export interface PolicyTerms {
  name: string;
  model: LicenseModel;
  durationIso: string | null;
  maintenanceDurationIso: string | null;
  gracePeriodIso: string | null;
  maxMachines: number | null;
  maxUsers: number | null;
  overage: OverageStrategy;
  heartbeatIntervalSeconds: number | null;
  allowedCountries: string[];
  allowedDepartments: string[];
  versionRange: string | null;
  entitlements: Entitlement[];
  priceCents: number | null;
  billingPeriodIso: string | null;
  renewFrom: 'NOW' | 'EXPIRY';
  trialStartsAt: 'ISSUE' | 'FIRST_ACTIVATION';
  maxBorrowHours: number | null;
}

export interface Policy extends PolicyTerms {
  id: string;
  accountId: string;
  productId: string;
  createdAt: string;
  updatedAt: string;
}

/** A create-policy body: the product, name and model, and any terms that differ from the defaults. */
export type PolicyInput = { productId: string } & Pick<PolicyTerms, 'name' | 'model'> & Partial<PolicyTerms>;

export type LicenseStatus = 'ACTIVE' | 'SUSPENDED' | 'REVOKED';
/** Derived by the server at the moment of the answer; never stored. */
export type LicenseState =
  | 'ACTIVE'
  | 'NOT_YET_VALID'
  | 'IN_GRACE_PERIOD'
  | 'EXPIRED'
  | 'SUSPENDED'
  | 'REVOKED';

export interface License {
  id: string;
  accountId: string;
  organizationId: string;
  productId: string;
  policyId: string;
  name: string | null;
  status: LicenseStatus;
  model: LicenseModel;
  issuedAt: string;
  startsAt: string;
  expiresAt: string | null;
  maintenanceEndsAt: string | null;
  trialActivatedAt: string | null;
  overrides: Record<string, unknown>;
  boundFingerprints: string[];
  metadata: Record<string, unknown>;
  keyHint: string;
  lastValidatedAt: string | null;
  createdAt: string;
  updatedAt: string;
  state: LicenseState;
}

export interface IssueLicenseInput {
  policyId: string;
  organizationId: string;
  name?: string;
}

export interface IssuedLicense {
  license: License;
  /** The human license key; also readable later through GET …/key by license writers. */
  key: string;
  /** A signed license token (compact JWS) for offline verification. */
  token: string;
}

export interface Machine {
  id: string;
  licenseId: string;
  fingerprint: string;
  hostname: string | null;
  platform: string | null;
  activatedAt: string;
  deactivatedAt: string | null;
  lastSeenAt: string | null;
}

export interface ValidationEvent {
  id: string;
  licenseId: string;
  occurredAt: string;
  code: string;
  valid: boolean;
  fingerprint: string | null;
  version: string | null;
  details: Record<string, unknown>;
}
