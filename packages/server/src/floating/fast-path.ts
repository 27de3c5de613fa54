// The fast path of check-out and check-in (docs/floating.md, "The fast path"): a plain request on a
// pool whose feature has no options rules, with no queue and nothing lapsed, is decided and written
// by one autocommit statement (batched with the license's other requests of the moment), so the
// pool's row lock is held only inside PostgreSQL. The statement does an operation only when the core
// would do exactly the same; otherwise it writes nothing and the caller runs the full path.
import {
  createPoolState,
  emptyOptionsDocument,
  type FeatureSettings,
  type FloatingTerms,
  type Lease,
  newLease,
  type PoolConfig,
  poolConfigOf,
  type SeatRequest,
} from '@licentia/core';
import type { AppContext } from '../http/context.ts';
import type { Snapshot } from '../licensing/license-snapshot.ts';
import { fastPathBatcher } from './fast-path-batcher.ts';

/** A lease granted by the fast path, at `now` (database clock, epoch ms), and its pool's settings. */
export interface FastGrant {
  lease: Lease;
  now: number;
  config: PoolConfig;
}

/** Check out on the fast path, or undefined when the full path must decide (nothing was written). */
export async function fastCheckout(
  ctx: AppContext,
  snapshot: Snapshot,
  terms: FloatingTerms,
  feature: string,
  request: Omit<SeatRequest, 'id'>,
): Promise<FastGrant | undefined> {
  // A borrow has its own rules (limit, BORROW_LOWWATER): always the full path.
  if (request.borrowUntil !== undefined) return undefined;
  if (!Number.isInteger(request.count) || request.count < 1) return undefined;
  // The license's own settings; the statement applies the feature's pool settings over them.
  const base = poolConfigOf(terms, emptyOptionsDocument(), feature);
  const id = ctx.newId('lease');
  const answer = await fastPathBatcher(ctx.db).run({
    kind: 'out',
    accountId: snapshot.accountId,
    licenseId: snapshot.licenseId,
    licenseSeats: base.seats,
    feature,
    heartbeatIntervalSeconds: base.heartbeatIntervalSeconds,
    heartbeatTolerance: base.heartbeatTolerance,
    leaseId: id,
    eventId: ctx.newId('floatingEvent'),
    count: request.count,
    user: request.user,
    host: request.host,
    group: request.group ?? null,
    department: request.department ?? null,
    ip: request.ip ?? null,
    display: request.display ?? null,
    fingerprint: request.fingerprint ?? null,
    idempotencyKey: request.idempotencyKey ?? null,
  });
  if (!answer.decided) return undefined;
  // The pool's settings and the lease exactly as the full path computes them (poolConfigOf, and the
  // core's newLease at the same instant); the stored expiry must be the same instant.
  const features: Record<string, FeatureSettings> = {};
  if (answer.entry) features[feature] = answer.entry as FeatureSettings;
  const config = poolConfigOf(terms, { groups: {}, hostGroups: {}, features }, feature);
  const lease = newLease(createPoolState(config), { ...request, id }, answer.now);
  if (lease.expiresAt !== answer.expiresAt) {
    throw new Error(`fast check-out of ${id}: stored expiry ${answer.expiresAt} ≠ ${lease.expiresAt}`);
  }
  return { lease, now: answer.now, config };
}

/** Check a lease in on the fast path: the database clock of the check-in, or undefined (full path). */
export async function fastCheckin(
  ctx: AppContext,
  snapshot: Snapshot,
  terms: FloatingTerms,
  leaseId: string,
  reason: 'NORMAL' | 'EXIT',
): Promise<number | undefined> {
  const answer = await fastPathBatcher(ctx.db).run({
    kind: 'in',
    accountId: snapshot.accountId,
    licenseId: snapshot.licenseId,
    licenseSeats: terms.seats,
    leaseId,
    reason,
    eventId: ctx.newId('floatingEvent'),
  });
  return answer.decided ? answer.now : undefined;
}
