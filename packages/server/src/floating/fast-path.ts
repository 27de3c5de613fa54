// The fast path of check-out and check-in (docs/floating.md, "The fast path"): a plain request on a
// pool with no options for its feature, no queue and nothing lapsed is decided and written by one
// autocommit statement, so the pool's row lock is held only inside PostgreSQL. The statement grants
// only when the core would grant the same lease; otherwise it changes nothing and the caller runs the
// full path (which locks the same row).
import {
  createPoolState,
  emptyOptionsDocument,
  type FloatingTerms,
  type Lease,
  leaseTtlMs,
  newLease,
  type PoolConfig,
  poolConfigOf,
  type SeatRequest,
} from '@licentia/core';
import { floatingRepository } from '@licentia/db';
import type { AppContext } from '../http/context.ts';
import type { Snapshot } from '../licensing/license-snapshot.ts';

/** A lease granted by the fast path, at `now` (database clock, epoch ms). */
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
  // The statement declines unless the options say nothing about the feature, so the pool's settings
  // are the license's alone — computed by the same function as the full path.
  const config = poolConfigOf(terms, emptyOptionsDocument(), feature);
  const ttlMs = leaseTtlMs(config);
  if (!Number.isSafeInteger(ttlMs) || !Number.isInteger(request.count) || request.count < 1) return undefined;
  const id = ctx.newId('lease');
  const answer = await floatingRepository.fastCheckout(ctx.db, {
    accountId: snapshot.accountId,
    licenseId: snapshot.licenseId,
    feature,
    seats: config.seats,
    ttlMs,
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
  // The lease the core's decideCheckout would have created at the same instant.
  return {
    lease: newLease(createPoolState(config), { ...request, id }, answer.now),
    now: answer.now,
    config,
  };
}

/** Check a lease in on the fast path: the database clock of the check-in, or undefined (full path). */
export async function fastCheckin(
  ctx: AppContext,
  snapshot: Snapshot,
  terms: FloatingTerms,
  leaseId: string,
  reason: 'NORMAL' | 'EXIT',
): Promise<number | undefined> {
  const answer = await floatingRepository.fastCheckin(ctx.db, {
    accountId: snapshot.accountId,
    licenseId: snapshot.licenseId,
    leaseId,
    reason,
    // A feature without options has the license's seats (poolConfigOf); the statement checks both.
    seats: terms.seats,
    eventId: ctx.newId('floatingEvent'),
  });
  return answer.decided ? answer.now : undefined;
}
