// The decision to activate a machine on a license: allowed (maybe as overage) or denied with a code.

import type { EffectiveTerms } from '../licenses/effective-terms.ts';
import type { License } from '../licenses/license-types.ts';
import { checkLicenseWindow } from '../licenses/license-window.ts';
import { mostSevere, type ValidationCode, type ValidationIssue } from '../licenses/validation-codes.ts';
import { effectiveLimit } from '../policies/effective-limit.ts';

export interface ActivationRequest {
  license: Pick<License, 'status' | 'startsAt' | 'expiresAt'>;
  terms: EffectiveTerms;
  fingerprint: string;
  /** Machines active on the license now, read in the same transaction that inserts (row-locked). */
  activeCount: number;
  /** The fingerprint is already activated on this license. */
  alreadyActivated: boolean;
  now: Date;
}

export type ActivationDecision =
  | { allowed: true; alreadyActivated: boolean; overage: boolean; warnings: ValidationIssue[] }
  | { allowed: false; code: ValidationCode; violations: ValidationIssue[] };

/**
 * Decide an activation. Denied when the license is revoked, suspended, expired (a license in its
 * grace period may still activate), not yet valid, bound to other fingerprints
 * (FINGERPRINT_MISMATCH), or when one more machine would exceed max × overage
 * (TOO_MANY_MACHINES). A known fingerprint is re-allowed without counting again (idempotent). An
 * allowed activation above max but within the allowance is flagged `overage`. All violations are
 * returned; `code` is the most severe. Concurrency is the caller's: count and insert under one lock.
 * @example decideActivation({ …, activeCount: 10, terms: { …, maxMachines: 10, overage: '1.25X' } })
 * // → { allowed: true, alreadyActivated: false, overage: true, warnings: [OVERAGE] }
 */
export function decideActivation(request: ActivationRequest): ActivationDecision {
  const { terms, fingerprint, activeCount } = request;
  const window = checkLicenseWindow(request.license, terms, request.now);
  const violations = [...window.violations];
  const warnings = [...window.warnings];
  if (terms.boundFingerprints.length > 0 && !terms.boundFingerprints.includes(fingerprint)) {
    violations.push({ code: 'FINGERPRINT_MISMATCH', detail: 'the license is bound to other machines' });
  }
  const after = request.alreadyActivated ? activeCount : activeCount + 1;
  const limit = effectiveLimit(terms.maxMachines, terms.overage);
  const overage = terms.maxMachines !== null && after > terms.maxMachines && after <= limit;
  if (!request.alreadyActivated && after > limit) {
    violations.push({ code: 'TOO_MANY_MACHINES', detail: `the license allows ${limit} machines` });
  } else if (overage) {
    warnings.push({
      code: 'OVERAGE',
      detail: `${after} machines exceed ${terms.maxMachines}, within ${terms.overage}`,
    });
  }
  if (violations.length > 0) return { allowed: false, code: mostSevere(violations), violations };
  return { allowed: true, alreadyActivated: request.alreadyActivated, overage, warnings };
}
