// A granted seat held by this process: heartbeats it at half the interval on an unref'd timer (so it
// never keeps the process alive), notices when it is lost, and checks it in on release or exit.
import type { ExitReleaser } from './exit-release.ts';
import type { CheckinAnswer, CheckinReason, FloatingLease, HeartbeatAnswer } from './floating-types.ts';

/** What a held lease needs from the client: the two calls it makes on its own. */
export interface LeaseCalls {
  heartbeat(leaseId: string, options?: { idle?: boolean }): Promise<HeartbeatAnswer>;
  checkin(leaseId: string, reason?: CheckinReason): Promise<CheckinAnswer>;
}

export interface HoldOptions {
  /** Heartbeat automatically; default true (false for borrowed leases, which need none). */
  heartbeat?: boolean;
  /** Check in when the process ends; default true. */
  releaseOnExit?: boolean;
  /** Called once when the server no longer knows the lease or it expired: stop using the feature. */
  onLost?: (code: string) => void;
  /** Called for a heartbeat that failed in transit (retried at the next tick until the lease expires). */
  onError?: (error: unknown) => void;
  /** Reports inactivity in each heartbeat, for the TIMEOUT option. */
  idle?: () => boolean;
}

export class HeldLease {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private removeExitHook: (() => void) | undefined;
  private state: 'held' | 'released' | 'lost' = 'held';

  constructor(
    public lease: FloatingLease,
    public leaseToken: string,
    private readonly calls: LeaseCalls,
    private readonly options: HoldOptions,
    exit: ExitReleaser,
    private readonly nowMs: () => number = Date.now,
  ) {
    if (options.releaseOnExit !== false) this.removeExitHook = exit.add(() => this.release('EXIT'));
    if (options.heartbeat !== false && !lease.borrowedUntil) this.schedule();
  }

  /** True until released or lost. */
  get held(): boolean {
    return this.state === 'held';
  }

  /** Milliseconds between automatic heartbeats: half the interval, so one lost beat is survivable. */
  get heartbeatEveryMs(): number {
    return Math.max(250, (this.lease.heartbeatIntervalSeconds * 1000) / 2);
  }

  /**
   * Check the seat in (NORMAL unless told otherwise) and stop heartbeating; idempotent.
   * @example const held = await floating.acquire({ feature: 'solver', user, host }); …; await held.lease.release();
   */
  async release(reason: CheckinReason = 'NORMAL'): Promise<CheckinAnswer | null> {
    if (this.state !== 'held') return null;
    this.detach('released');
    return this.calls.checkin(this.lease.id, reason);
  }

  /** Stop heartbeating and forget the exit hook without checking in (the lease then expires). */
  abandon(): void {
    if (this.state === 'held') this.detach('released');
  }

  private detach(state: 'released' | 'lost'): void {
    this.state = state;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.removeExitHook?.();
    this.removeExitHook = undefined;
  }

  private schedule(): void {
    this.timer = setTimeout(() => void this.beat(), this.heartbeatEveryMs);
    (this.timer as { unref?: () => void }).unref?.();
  }

  private lose(code: string): void {
    this.detach('lost');
    this.options.onLost?.(code);
  }

  private async beat(): Promise<void> {
    if (this.state !== 'held') return;
    try {
      const idle = this.options.idle?.() ?? false;
      const answer = await this.calls.heartbeat(this.lease.id, idle ? { idle } : {});
      if (this.state !== 'held') return;
      if (!answer.renewed) return this.lose(answer.code);
      this.lease = answer.lease;
      this.leaseToken = answer.leaseToken;
    } catch (error) {
      if (this.state !== 'held') return;
      this.options.onError?.(error);
      // Unreachable server: keep trying while the seat may still be ours; past expiry it is gone.
      if (this.nowMs() >= Date.parse(this.lease.expiresAt)) return this.lose('LEASE_EXPIRED');
    }
    this.schedule();
  }
}
