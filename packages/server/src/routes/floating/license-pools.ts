// The pools of one license for the administration routes: every floating feature of the license
// (with or without a pool yet) as it is now, and the license's floating terms.
import {
  emptyOptionsDocument,
  type FloatingOptionsDocument,
  type FloatingTerms,
  notFound,
  type Permission,
} from '@licentia/core';
import { floatingAdminRepository } from '@licentia/db';
import type { FastifyRequest } from 'fastify';
import { floatingFeatures, floatingTermsOf } from '../../floating/floating-eligibility.ts';
import type { FloatingServices } from '../../floating/floating-services.ts';
import { emptyPool, type PoolSnapshot, readPool } from '../../floating/pool-report.ts';
import type { AppContext } from '../../http/context.ts';
import type { Snapshot } from '../../licensing/license-snapshot.ts';
import { guardLicense } from '../machines/license-scope.ts';

/** Guard the license like GET license does, then load its snapshot (terms, entitlements). */
export async function guardFloatingLicense(
  request: FastifyRequest,
  ctx: AppContext,
  services: FloatingServices,
  params: { accountId: string; licenseId: string },
  permission: Permission,
): Promise<{ snapshot: Snapshot; terms: FloatingTerms }> {
  await guardLicense(request, ctx, params, permission);
  const snapshot = await services.licensing.byId(params.accountId, params.licenseId);
  if (!snapshot) throw notFound('license', params.licenseId);
  return { snapshot, terms: floatingTermsOf(snapshot) };
}

/** The stored options document of a license (empty when never set). */
export async function optionsDocumentOf(
  ctx: AppContext,
  accountId: string,
  licenseId: string,
): Promise<FloatingOptionsDocument> {
  const stored = await floatingAdminRepository.getOptions(ctx.db, accountId, licenseId);
  return (stored ?? emptyOptionsDocument()) as FloatingOptionsDocument;
}

/** Every floating feature of the license, by feature code. */
export async function licensePools(
  ctx: AppContext,
  services: FloatingServices,
  snapshot: Snapshot,
  terms: FloatingTerms,
  feature?: string,
): Promise<PoolSnapshot[]> {
  const { accountId, licenseId } = snapshot;
  const rows = await floatingAdminRepository.listPools(ctx.db, accountId, { licenseId, feature }, 1000);
  const pools = await Promise.all(rows.map((row) => readPool(ctx.db, row, terms)));
  const have = new Set(pools.map((p) => p.feature));
  const missing = (await floatingFeatures(snapshot, services.products)).filter(
    (f) => !have.has(f) && (feature === undefined || f === feature),
  );
  if (missing.length > 0) {
    const doc = await optionsDocumentOf(ctx, accountId, licenseId);
    const now = ctx.clock().getTime();
    for (const f of missing) pools.push(emptyPool(licenseId, f, terms, doc, now));
  }
  return pools.sort((a, b) => (a.feature < b.feature ? -1 : a.feature > b.feature ? 1 : 0));
}
