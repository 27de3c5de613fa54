// Check-out, heartbeat and check-in of floating seats: each one transaction on one locked pool.
import {
  checkin as checkinSeat,
  type DenialCode,
  decideCheckout,
  expire,
  type FloatingTerms,
  heartbeat,
  type Lease,
  type PoolConfig,
  type QueueEntry,
  type SeatRequest,
  type Violation,
} from '@licentia/core';
import { floatingAdminRepository, floatingRepository } from '@licentia/db';
import type { AppContext } from '../http/context.ts';
import type { Snapshot } from '../licensing/license-snapshot.ts';
import { fastCheckin, fastCheckout } from './fast-path.ts';
import {
  applyToPool,
  lockOrCreatePool,
  type PoolOperation,
  type PoolView,
  tryWithoutLock,
} from './pool-transaction.ts';

export type CheckoutOutcome =
  | { kind: 'granted'; lease: Lease; reused: boolean }
  | { kind: 'queued'; entry: QueueEntry }
  | { kind: 'denied'; code: DenialCode; violations: Violation[] };

export type LeaseRefusal = 'LEASE_NOT_FOUND' | 'LEASE_EXPIRED' | 'LEASE_REVOKED';

/** A check-out's outcome, the database clock of its decision and the pool's settings. */
export interface CheckoutResult {
  outcome: CheckoutOutcome;
  now: number;
  config: PoolConfig;
}

const viewed = (view: PoolView) => ({ now: view.now, config: view.config });

/** Check out seats of `feature` (a new lease id is minted; an idempotent retry gets its lease back). */
export async function checkoutSeats(
  ctx: AppContext,
  snapshot: Snapshot,
  terms: FloatingTerms,
  feature: string,
  request: Omit<SeatRequest, 'id'>,
): Promise<CheckoutResult> {
  // A plain request on a pool without option rules, queue or lapsed leases: one statement (fast-path.ts).
  const fast = await fastCheckout(ctx, snapshot, terms, feature, request);
  if (fast) {
    const outcome: CheckoutOutcome = { kind: 'granted', lease: fast.lease, reused: false };
    return { outcome, now: fast.now, config: fast.config };
  }
  const operation: PoolOperation<CheckoutOutcome> = (v) => {
    const d = decideCheckout(v.state, { ...request, id: ctx.newId('lease') }, v.options, v.now);
    const outcome: CheckoutOutcome =
      d.outcome === 'granted'
        ? { kind: 'granted', lease: d.lease, reused: d.reused }
        : d.outcome === 'queued'
          ? { kind: 'queued', entry: d.entry }
          : { kind: 'denied', code: d.code, violations: d.violations };
    return { state: d.state, events: d.events, answer: outcome };
  };
  // A full pool refuses without queueing on its lock (like a conditional UPDATE that matches no row).
  const peeked = await floatingRepository.peekPool(ctx.db, snapshot.accountId, snapshot.licenseId, feature);
  const quick = peeked && (await tryWithoutLock(ctx, peeked, terms, operation));
  if (quick) return { outcome: quick.answer, ...viewed(quick.view) };
  return ctx.db.transaction().execute(async (trx) => {
    const locked = await lockOrCreatePool(trx, ctx, snapshot, feature);
    const { answer, view } = await applyToPool(trx, ctx, locked, terms, operation);
    return { outcome: answer, ...viewed(view) };
  });
}

/** Why a lease that is no longer in its pool ended, from the usage log. */
export async function refusalOf(ctx: AppContext, snapshot: Snapshot, leaseId: string): Promise<LeaseRefusal> {
  const last = await floatingAdminRepository.lastEventOf(
    ctx.db,
    snapshot.accountId,
    snapshot.licenseId,
    leaseId,
  );
  if (!last) return 'LEASE_NOT_FOUND';
  if (last.kind === 'IN' && last.reason === 'ADMIN_REMOVED') return 'LEASE_REVOKED';
  if (last.kind === 'HEARTBEAT_MISSED' || (last.kind === 'IN' && last.reason === 'TIMEOUT'))
    return 'LEASE_EXPIRED';
  return 'LEASE_NOT_FOUND';
}

/**
 * Renew a lease for interval × tolerance from now (the database clock). `idle`: the client reports no
 * user activity, so the TIMEOUT option keeps counting from its last active heartbeat.
 */
export async function heartbeatLease(
  ctx: AppContext,
  snapshot: Snapshot,
  terms: FloatingTerms,
  leaseId: string,
  idle: boolean,
): Promise<{ lease: Lease; view: PoolView } | { refused: LeaseRefusal }> {
  const result = await ctx.db.transaction().execute(async (trx) => {
    const locked = await floatingRepository.lockPoolOf(trx, snapshot.accountId, snapshot.licenseId, leaseId);
    if (!locked) return { refused: 'LEASE_NOT_FOUND' as LeaseRefusal, known: false };
    type Answer = { lease: Lease } | { refused: LeaseRefusal };
    const { answer, view } = await applyToPool<Answer>(trx, ctx, locked, terms, (v) => {
      const held = v.state.leases.some((l) => l.leaseId === leaseId);
      const swept = expire(v.state, v.options, v.now);
      const base = { state: swept.state, events: swept.events };
      if (held && !swept.state.leases.some((l) => l.leaseId === leaseId)) {
        return { ...base, answer: { refused: 'LEASE_EXPIRED' } };
      }
      const hb = heartbeat(swept.state, leaseId, v.now, { active: !idle });
      if (hb.ok && hb.kind === 'lease') return { ...base, state: hb.state, answer: { lease: hb.lease } };
      const refused: LeaseRefusal =
        !hb.ok && hb.code === 'LEASE_EXPIRED' ? 'LEASE_EXPIRED' : 'LEASE_NOT_FOUND';
      return { ...base, answer: { refused } };
    });
    return 'lease' in answer ? { lease: answer.lease, view } : { refused: answer.refused, known: true };
  });
  if ('lease' in result) return result;
  return result.known ? { refused: result.refused } : { refused: await refusalOf(ctx, snapshot, leaseId) };
}

/**
 * Check a lease in. A borrowed lease returned early is recorded BORROW_RETURNED; NORMAL and EXIT may
 * linger (the seat stays held until `lingerUntil`, epoch ms).
 */
export async function checkinLease(
  ctx: AppContext,
  snapshot: Snapshot,
  terms: FloatingTerms,
  leaseId: string,
  reason: 'NORMAL' | 'EXIT',
): Promise<{ found: false; now?: number } | { found: true; lingerUntil?: number; now: number }> {
  const fast = await fastCheckin(ctx, snapshot, terms, leaseId, reason);
  if (fast !== undefined) return { found: true, now: fast };
  return ctx.db.transaction().execute(async (trx) => {
    const locked = await floatingRepository.lockPoolOf(trx, snapshot.accountId, snapshot.licenseId, leaseId);
    if (!locked) return { found: false as const };
    type Answer = { found: false } | { found: true; lingerUntil?: number };
    const { answer, view } = await applyToPool<Answer>(trx, ctx, locked, terms, (v) => {
      const swept = expire(v.state, v.options, v.now);
      const lease = swept.state.leases.find((l) => l.leaseId === leaseId);
      if (!lease) return { state: swept.state, events: swept.events, answer: { found: false } };
      const why = lease.borrowedUntil !== undefined ? 'BORROW_RETURNED' : reason;
      const r = checkinSeat(swept.state, leaseId, why, v.options, v.now);
      const kept = r.state.leases.find((l) => l.leaseId === leaseId);
      return {
        state: r.state,
        events: [...swept.events, ...r.events],
        answer: {
          found: true,
          ...(kept?.lingerUntil !== undefined ? { lingerUntil: kept.lingerUntil } : {}),
        },
      };
    });
    return { ...answer, now: view.now };
  });
}
