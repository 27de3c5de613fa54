// Long polls waiting on a pool: woken by the pool's NOTIFY (sent by whichever process changed it),
// and re-checking on a short timer anyway, so a lost notification only delays an answer.
export class QueueWaiters {
  private readonly waiting = new Map<string, Set<() => void>>();
  private live = false;
  private closed = false;

  /**
   * @param recheckMs how long a wait lasts without a notification while LISTEN is live
   * @param fallbackMs the same while it is down (notifications may be lost)
   */
  constructor(
    private readonly recheckMs = 5_000,
    private readonly fallbackMs = 500,
  ) {}

  /** The pool changed (a NOTIFY on the floating channel): wake its waiters. */
  notify(poolId: string): void {
    for (const wake of this.waiting.get(poolId) ?? []) wake();
  }

  setLive(live: boolean): void {
    this.live = live;
  }

  /** Resolve when `poolId` is notified, after the re-check interval, or after `maxMs`, whichever is first. */
  wait(poolId: string, maxMs: number): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const set = this.waiting.get(poolId) ?? new Set<() => void>();
      this.waiting.set(poolId, set);
      const wake = () => {
        clearTimeout(timer);
        set.delete(wake);
        if (set.size === 0 && this.waiting.get(poolId) === set) this.waiting.delete(poolId);
        resolve();
      };
      const timer = setTimeout(
        wake,
        Math.max(0, Math.min(maxMs, this.live ? this.recheckMs : this.fallbackMs)),
      );
      set.add(wake);
    });
  }

  /** Shutting down: release every waiter now, and do not wait any more. */
  close(): void {
    this.closed = true;
    for (const set of [...this.waiting.values()]) for (const wake of [...set]) wake();
  }
}
