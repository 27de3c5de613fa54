// Whether a license may float a feature at all, before any pool is touched: a valid FLOATING license,
// an entitled feature (or the product itself when the product defines no features), borrowing allowed.
import { type FloatingTerms, validateLicense } from '@licentia/core';
import { floatingAdminRepository, type Schema } from '@licentia/db';
import type { Kysely } from 'kysely';
import type { Snapshot } from '../licensing/license-snapshot.ts';

/** The pre-pool refusals; the pool's own denials come from the core. */
export type EligibilityCode = 'LICENSE_INVALID' | 'FEATURE_NOT_ENTITLED' | 'BORROW_NOT_ALLOWED';

export type Eligibility =
  | { ok: true; terms: FloatingTerms }
  | { ok: false; code: EligibilityCode; detail: string; violations: { code: string; detail: string }[] };

/** Validation codes that concern node-locked machines, not floating seats. */
const MACHINE_CODES = new Set(['TOO_MANY_MACHINES', 'FINGERPRINT_REQUIRED', 'FINGERPRINT_MISMATCH']);

const PRODUCT_CACHE_MS = 30_000;

/** Product code and whether it defines features, cached briefly: catalog changes are rare. */
export class ProductFacts {
  private readonly cache = new Map<string, { at: number; facts: { code: string; hasFeatures: boolean } }>();

  constructor(private readonly db: Kysely<Schema>) {}

  async get(
    accountId: string,
    productId: string,
  ): Promise<{ code: string; hasFeatures: boolean } | undefined> {
    const hit = this.cache.get(productId);
    if (hit && Date.now() - hit.at < PRODUCT_CACHE_MS) return hit.facts;
    const facts = await floatingAdminRepository.productFeatures(this.db, accountId, productId);
    if (!facts) return undefined;
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(productId, { at: Date.now(), facts });
    return facts;
  }
}

/** The floating terms of a license: seats = its effective maxMachines, the policy's heartbeat and borrow limit. */
export function floatingTermsOf(snapshot: Snapshot): FloatingTerms {
  const terms = snapshot.core.terms;
  return {
    seats: terms.maxMachines ?? 0,
    heartbeatIntervalSeconds: terms.heartbeatIntervalSeconds,
    maxBorrowHours: terms.maxBorrowHours,
  };
}

/**
 * The features a license floats: its entitled features; a license without any, of a product that
 * defines no features, floats the product itself (its code is the pseudo-feature).
 */
export async function floatingFeatures(snapshot: Snapshot, products: ProductFacts): Promise<string[]> {
  const codes = snapshot.core.terms.entitlements.map((e) => e.code);
  if (codes.length > 0) return codes;
  const product = await products.get(snapshot.accountId, snapshot.productId);
  return product && !product.hasFeatures ? [product.code] : [];
}

/**
 * Why the license cannot float at all at `now` (app clock, like validation): validation violations
 * other than machine counts and node-locking, and NOT_FLOATING for a license of another model.
 */
export function licenseProblems(
  snapshot: Snapshot,
  now: Date,
  department?: string,
): { code: string; detail: string }[] {
  const scope = department === undefined ? {} : { department };
  const problems: { code: string; detail: string }[] = validateLicense(
    snapshot.core,
    scope,
    now,
  ).violations.filter((v) => !MACHINE_CODES.has(v.code));
  if (snapshot.core.terms.model !== 'FLOATING') {
    problems.push({ code: 'NOT_FLOATING', detail: 'the license is not a floating license' });
  }
  return problems;
}

/** Decide whether a check-out may reach the pool at all. */
export async function checkEligibility(
  snapshot: Snapshot,
  request: { feature: string; department?: string | undefined; borrow: boolean },
  products: ProductFacts,
  now: Date,
): Promise<Eligibility> {
  const violations = licenseProblems(snapshot, now, request.department);
  if (violations.length > 0) {
    return { ok: false, code: 'LICENSE_INVALID', detail: violations[0]!.detail, violations };
  }
  const entitled = snapshot.core.terms.entitlements.some((e) => e.code === request.feature);
  if (!entitled && !(await floatingFeatures(snapshot, products)).includes(request.feature)) {
    const detail = `the license does not include ${request.feature}`;
    return {
      ok: false,
      code: 'FEATURE_NOT_ENTITLED',
      detail,
      violations: [{ code: 'FEATURE_NOT_ENTITLED', detail }],
    };
  }
  const terms = floatingTermsOf(snapshot);
  if (request.borrow && terms.maxBorrowHours === null) {
    const detail = "the license's policy does not allow borrowing";
    return {
      ok: false,
      code: 'BORROW_NOT_ALLOWED',
      detail,
      violations: [{ code: 'BORROW_NOT_ALLOWED', detail }],
    };
  }
  return { ok: true, terms };
}
