// Keeps an organization's allocation products in step with its licenses in the licensing core. A
// database trigger (migration 0010) marks the organization stale in the same transaction that
// changes its licenses, products or features; whoever next locks the organization (a change, a login
// check, a report, the notification listener, server start) refreshes the VENDOR products and
// recomputes the holders of the products that changed, before doing anything else.
import {
  AppError,
  changedProductIds,
  type LicenseProductRef,
  toProductRef,
  vendorAllocationProducts,
} from '@licentia/core';
import {
  type AllocationProductRow,
  type AllocationScope,
  allocationRepository,
  allocationVendorRepository,
  type Schema,
} from '@licentia/db';
import type { Kysely } from 'kysely';
import type { AppContext } from '../http/context.ts';
import { type RecomputeSummary, recomputeAllocation } from './recompute-allocation.ts';

type SyncContext = Pick<AppContext, 'clock' | 'newId'>;

const refsOf = (rows: readonly AllocationProductRow[]): Map<string, LicenseProductRef> =>
  new Map(rows.map((r) => [r.code, toProductRef(r)]));

/**
 * Lock the organization's allocation for this transaction and repair it when its licenses changed
 * since the last refresh. Returns the repair's recompute, or null when nothing was stale.
 */
export async function lockAllocation(
  trx: Kysely<Schema>,
  ctx: SyncContext,
  s: AllocationScope,
): Promise<RecomputeSummary | null> {
  const state = await allocationRepository.lock(trx, s);
  return state.licensesStale ? refreshFromVendor(trx, ctx, s) : null;
}

/**
 * Re-derive the VENDOR products from the organization's licenses in force and recompute the people
 * holding a product that was added, removed or altered. Call with the organization locked.
 */
export async function refreshFromVendor(
  trx: Kysely<Schema>,
  ctx: SyncContext,
  s: AllocationScope,
): Promise<RecomputeSummary> {
  const now = ctx.clock();
  const before = await allocationRepository.listProducts(trx, s);
  const input = await allocationVendorRepository.input(trx, s);
  const vendor = vendorAllocationProducts(input.licenses, input.products, now);
  await allocationRepository.replaceProducts(
    trx,
    s,
    'VENDOR',
    vendor,
    () => ctx.newId('allocationProduct'),
    now,
  );
  await allocationRepository.markFresh(trx, s, now);
  const after = await allocationRepository.listProducts(trx, s);
  const changedCodes = changedProductIds(refsOf(before), refsOf(after));
  return recomputeAllocation(trx, ctx, s, { all: true, changedCodes }, 'VENDOR_REFRESH');
}

/**
 * Replace the IMPORT products with a license file's list and recompute the holders of what changed.
 * Codes the vendor's licenses provide are refused: they follow the licenses, not a file.
 */
export async function importProducts(
  trx: Kysely<Schema>,
  ctx: SyncContext,
  s: AllocationScope,
  products: Parameters<typeof allocationRepository.replaceProducts>[3],
): Promise<RecomputeSummary> {
  const before = await allocationRepository.listProducts(trx, s);
  const vendorCodes = new Set(before.filter((p) => p.source === 'VENDOR').map((p) => p.code));
  const taken = products.filter((p) => vendorCodes.has(p.code)).map((p) => p.code);
  if (taken.length > 0) {
    throw new AppError(
      'CONFLICT',
      `${taken.join(', ')} ${taken.length === 1 ? 'comes' : 'come'} from the vendor's licenses and cannot be imported`,
    );
  }
  const now = ctx.clock();
  await allocationRepository.replaceProducts(
    trx,
    s,
    'IMPORT',
    products,
    () => ctx.newId('allocationProduct'),
    now,
  );
  const after = await allocationRepository.listProducts(trx, s);
  const changedCodes = changedProductIds(refsOf(before), refsOf(after));
  return recomputeAllocation(trx, ctx, s, { all: true, changedCodes }, 'LICENSE_IMPORT');
}
