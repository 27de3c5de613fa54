// The shapes of the online licensing API as the SDK sends and receives them (docs/licensing-contract.md).

/** Identifies the license: its human key, or its id (the id needs a product token). */
export type LicenseRef = { key: string; licenseId?: never } | { licenseId: string; key?: never };

/** What the caller wants to do, checked against the license by the server. */
export interface ValidationScope {
  fingerprint?: string;
  /** The running app's version (semver), checked against maintenance and the allowed range. */
  version?: string;
  /** One feature code or several, each must be entitled. */
  feature?: string | string[];
  user?: string;
  country?: string;
  department?: string;
}

export interface ValidationIssue {
  code: string;
  detail: string;
}

export interface LicenseSummary {
  id: string;
  status: string;
  model: string;
  expiresAt: string | null;
  maintenanceEndsAt: string | null;
  entitlements: { code: string; value?: unknown }[];
}

/** A verified validation answer: every violation, the most severe as `code`. */
export interface ValidationAnswer {
  valid: boolean;
  /** VALID, or the most severe violation (EXPIRED, SUSPENDED, FEATURE_NOT_ENTITLED …) or warning. */
  code: string;
  violations: ValidationIssue[];
  warnings: ValidationIssue[];
  license: LicenseSummary | null;
  meta: { ts: string; nonce: string | null; requestId: string };
  /**
   * The license's user-count enforcement mode (docs/compliance.md), present when the server monitors
   * usage: NORMAL, GRACE (warn), LIGHT_RESTRICTED or RESTRICTED with the capabilities it refuses.
   */
  compliance?: ComplianceSummary;
}

/** Enforcement mode of a license, its reason, what to do about it and the refused capabilities. */
export interface ComplianceSummary {
  mode: 'NORMAL' | 'GRACE' | 'LIGHT_RESTRICTED' | 'RESTRICTED';
  reason: string;
  remedy: string[];
  restricted: string[];
}

export interface Machine {
  id: string;
  fingerprint: string;
  hostname: string | null;
  platform: string | null;
  [member: string]: unknown;
}

/** A verified activation answer: `activated: false` carries the refusal's code and violations. */
export interface ActivationAnswer extends ValidationAnswer {
  activated: boolean;
  alreadyActivated?: boolean;
  machine?: Machine;
}

export interface DeactivationAnswer {
  deactivated: boolean;
  machine: Machine | null;
}

export type ValidateInput = LicenseRef & { scope?: ValidationScope };

export type ActivateInput = LicenseRef & {
  fingerprint: string;
  hostname?: string;
  platform?: string;
  components?: Record<string, string>;
};

export type DeactivateInput = LicenseRef & { fingerprint: string };
