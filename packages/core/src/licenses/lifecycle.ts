// Status transitions of a license: suspend, reinstate, revoke; invalid transitions are refused as data.
import type { License, LicenseStatus } from './license-types.ts';

export const LIFECYCLE_ACTIONS = ['suspend', 'reinstate', 'revoke'] as const;
export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number];

/** The new license, or why the action does not apply to the license's current status. */
export type TransitionResult =
  | { ok: true; license: License; from: LicenseStatus; to: LicenseStatus }
  | { ok: false; code: 'INVALID_TRANSITION'; action: LifecycleAction; from: LicenseStatus; detail: string };

// The whole state machine: ACTIVE ⇄ SUSPENDED, either → REVOKED, and REVOKED is terminal.
const TRANSITIONS: Record<LifecycleAction, Partial<Record<LicenseStatus, LicenseStatus>>> = {
  suspend: { ACTIVE: 'SUSPENDED' },
  reinstate: { SUSPENDED: 'ACTIVE' },
  revoke: { ACTIVE: 'REVOKED', SUSPENDED: 'REVOKED' },
};

/**
 * Apply `action` to the license's status. Pure: returns a new license object, the input is untouched.
 * Suspending a suspended license or reinstating an active one is refused too (not a silent no-op),
 * so the caller never records an audit event for a change that did not happen.
 * @example transitionLicense(activeLicense, 'suspend') // → { ok: true, license: { …, status: 'SUSPENDED' }, … }
 * @example transitionLicense(revokedLicense, 'reinstate') // → { ok: false, code: 'INVALID_TRANSITION', … }
 */
export function transitionLicense(license: License, action: LifecycleAction): TransitionResult {
  const from = license.status;
  const to = TRANSITIONS[action][from];
  if (to === undefined) {
    return {
      ok: false,
      code: 'INVALID_TRANSITION',
      action,
      from,
      detail: `cannot ${action} a ${from} license`,
    };
  }
  return { ok: true, license: { ...license, status: to }, from, to };
}

/** @example suspendLicense(license) // same as transitionLicense(license, 'suspend') */
export function suspendLicense(license: License): TransitionResult {
  return transitionLicense(license, 'suspend');
}

/** @example reinstateLicense(suspended) // → ACTIVE */
export function reinstateLicense(license: License): TransitionResult {
  return transitionLicense(license, 'reinstate');
}

/** @example revokeLicense(license) // → REVOKED, for good */
export function revokeLicense(license: License): TransitionResult {
  return transitionLicense(license, 'revoke');
}
