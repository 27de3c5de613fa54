// The floating-license client of a licensed app: check-out, heartbeat and check-in of seats with
// signed answers, plus `acquire` (wait in the queue, then hold the seat with automatic heartbeats
// and release at exit) and `borrow` (a seat for offline use, saved to a file).
import { rm } from 'node:fs/promises';
import type { LicentiaClientOptions } from '../client.ts';
import type { LicenseRef } from '../client-types.ts';
import { type BorrowedSeat, readBorrowFile, writeBorrowFile } from './borrow-file.ts';
import { type ExitReleaser, processExitReleaser } from './exit-release.ts';
import type {
  CheckinAnswer,
  CheckinReason,
  CheckoutAnswer,
  CheckoutInput,
  HeartbeatAnswer,
  QueuePollAnswer,
} from './floating-types.ts';
import { HeldLease, type HoldOptions } from './held-lease.ts';
import { SignedTransport } from './signed-transport.ts';
import { waitInQueue } from './wait-in-queue.ts';

export interface FloatingClientOptions extends LicentiaClientOptions {
  /** The license whose seats are used: its key, or its id (the id needs a product token). */
  license: LicenseRef;
  /** The license token the app ships with; saved next to borrowed lease tokens for offline use. */
  licenseToken?: string;
  /** Where exit hooks are installed; defaults to the real process. */
  exitReleaser?: ExitReleaser;
}

export type AcquireInput = Omit<CheckoutInput, 'borrowUntil'> &
  HoldOptions & {
    /** Called with the 1-based queue position when queued, and again each time it changes. */
    onQueued?: (position: number) => void;
    /** Aborting leaves the queue; `acquire` then rejects with the signal's reason. */
    signal?: AbortSignal;
  };

/** The outcome of `acquire`: a held seat, or the denial as data. */
export type AcquireResult =
  | { granted: true; held: HeldLease }
  | { granted: false; code: string; detail: string; violations?: { code: string; detail: string }[] };

/**
 * Seats of one floating license. Every answer except leaving the queue must be signed by a key of
 * `keys` and echo the request's nonce, as for `LicentiaClient`.
 * @example
 * const floating = new FloatingClient({ url, keys: jwksUrl, license: { key } });
 * const seat = await floating.acquire({ feature: 'solver', user: 'ann', host: hostname(), wait: true,
 *   onQueued: (position) => console.log(`waiting, position ${position}`) });
 * if (!seat.granted) throw new Error(seat.code);
 * … // heartbeats run by themselves; the seat is checked in at exit
 * await seat.held.release();
 */
export class FloatingClient {
  private readonly transport: SignedTransport;
  private readonly exit: ExitReleaser;

  constructor(private readonly options: FloatingClientOptions) {
    this.transport = new SignedTransport(options);
    this.exit = options.exitReleaser ?? processExitReleaser;
  }

  /** The key set answers and lease tokens are verified with. */
  get keys() {
    return this.transport.keys;
  }

  private ref(): Record<string, string> {
    const { key, licenseId } = this.options.license;
    if (typeof key === 'string') return { key };
    if (typeof licenseId === 'string') return { licenseId };
    throw new TypeError('pass a license key or a license id');
  }

  /**
   * One check-out request: granted (lease and lease token), queued (with `wait`), or denied.
   * @example const answer = await floating.checkout({ feature: 'solver', user: 'ann', host: 'ws-1' });
   */
  checkout(input: CheckoutInput): Promise<CheckoutAnswer> {
    const { borrowUntil, ...rest } = input;
    const body: Record<string, unknown> = { ...this.ref(), ...rest };
    if (borrowUntil !== undefined)
      body.borrowUntil = borrowUntil instanceof Date ? borrowUntil.toISOString() : borrowUntil;
    return this.transport.signed('/v1/floating/checkout', body);
  }

  /** Extend a lease by one heartbeat period. @example await floating.heartbeat(lease.id) */
  heartbeat(leaseId: string, options: { idle?: boolean } = {}): Promise<HeartbeatAnswer> {
    return this.transport.signed('/v1/floating/heartbeat', { ...this.ref(), leaseId, ...options });
  }

  /** Return a seat. @example await floating.checkin(lease.id, 'EXIT') */
  checkin(leaseId: string, reason: CheckinReason = 'NORMAL'): Promise<CheckinAnswer> {
    return this.transport.signed('/v1/floating/checkin', { ...this.ref(), leaseId, reason });
  }

  /** Poll a queue entry (its heartbeat); long-polls up to `waitSeconds` (0–25). */
  pollQueue(entryId: string, waitSeconds = 0, signal?: AbortSignal): Promise<QueuePollAnswer> {
    const body = { ...this.ref(), entryId, waitSeconds };
    const extra = { timeoutMs: waitSeconds * 1000, ...(signal ? { signal } : {}) };
    return this.transport.signed('/v1/floating/queue/poll', body, extra);
  }

  /** Leave the queue. Not signed: a forged "left" gains an attacker nothing. */
  leaveQueue(entryId: string): Promise<{ left: boolean }> {
    return this.transport.unsigned('/v1/floating/queue/leave', { ...this.ref(), entryId });
  }

  /**
   * Check out and hold: waits in the queue when `wait` is set (reporting positions to `onQueued`),
   * then heartbeats automatically and checks in at process exit until `held.release()`.
   */
  async acquire(input: AcquireInput): Promise<AcquireResult> {
    const { onQueued, signal, heartbeat, releaseOnExit, onLost, onError, idle, ...request } = input;
    const hold: HoldOptions = { heartbeat, releaseOnExit, onLost, onError, idle };
    signal?.throwIfAborted();
    const answer = await this.checkout(request);
    if (answer.granted) return { granted: true, held: this.hold(answer.lease, answer.leaseToken, hold) };
    if (!answer.queued) {
      const { code, detail, violations } = answer;
      return { granted: false, code, detail, ...(violations ? { violations } : {}) };
    }
    const outcome = await waitInQueue(this, answer.queue, { onQueued, signal });
    if (outcome.state !== 'GRANTED')
      return { granted: false, code: `QUEUE_${outcome.state}`, detail: 'the queue entry is gone' };
    return { granted: true, held: this.hold(outcome.lease, outcome.leaseToken, hold) };
  }

  private hold(lease: HeldLease['lease'], leaseToken: string, options: HoldOptions): HeldLease {
    const nowMs = () => (this.options.now?.() ?? new Date()).getTime();
    return new HeldLease(lease, leaseToken, this, options, this.exit, nowMs);
  }

  /**
   * Borrow a seat until `until` and save its lease token (and the license token, when the client has
   * one) to `file`, so the app runs offline: see `loadBorrowed`. Denials come back as data.
   * @example await floating.borrow({ feature: 'solver', user, host, until: inDays(7), file: '~/.acme/borrow.json' });
   */
  async borrow(
    input: Omit<CheckoutInput, 'borrowUntil' | 'wait'> & { until: Date; file: string },
  ): Promise<CheckoutAnswer> {
    const { until, file, ...request } = input;
    const answer = await this.checkout({ ...request, borrowUntil: until });
    if (answer.granted) {
      const seat: BorrowedSeat = { lease: answer.lease, leaseToken: answer.leaseToken };
      if (this.options.licenseToken) seat.licenseToken = this.options.licenseToken;
      await writeBorrowFile(file, seat);
    }
    return answer;
  }

  /** Return a borrowed seat early (recorded BORROW_RETURNED) and delete its file. */
  async returnBorrowed(file: string): Promise<CheckinAnswer> {
    const seat = await readBorrowFile(file);
    const answer = await this.checkin(seat.lease.id);
    await rm(file, { force: true });
    return answer;
  }
}
