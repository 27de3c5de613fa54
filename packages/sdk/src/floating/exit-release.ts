// Returns held seats when the process ends: one set of beforeExit/SIGINT/SIGTERM listeners for all
// leases (not one per lease, so 200 leases do not trip the max-listeners warning), installed while
// at least one lease is held and removed with the last, so a process without leases keeps Node's
// default signal behaviour.
import type { EventEmitter } from 'node:events';

/** The part of `process` the releaser uses; a fake in tests. */
export interface ExitTarget extends Pick<EventEmitter, 'on' | 'off' | 'listenerCount'> {
  pid: number;
  kill(pid: number, signal: NodeJS.Signals): unknown;
}

type Release = () => Promise<unknown>;

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/** How long a signal waits for check-ins before the process is let go anyway. */
export const EXIT_RELEASE_TIMEOUT_MS = 3_000;

export class ExitReleaser {
  private readonly releases = new Set<Release>();
  private readonly onBeforeExit = () => void this.releaseAll();
  private readonly onSignal = (signal: NodeJS.Signals) => void this.releaseThenExit(signal);

  constructor(private readonly target: ExitTarget) {}

  /** How many leases would be checked in at exit. */
  get size(): number {
    return this.releases.size;
  }

  /**
   * Run `release` once when the process ends (beforeExit, SIGINT, SIGTERM); returns the remover.
   * @example const remove = exitReleaser.add(() => client.checkin(leaseId, 'EXIT')); … remove();
   */
  add(release: Release): () => void {
    if (this.releases.size === 0) {
      this.target.on('beforeExit', this.onBeforeExit);
      for (const signal of SIGNALS) this.target.on(signal, this.onSignal);
    }
    this.releases.add(release);
    return () => this.remove(release);
  }

  private remove(release: Release): void {
    if (!this.releases.delete(release) || this.releases.size > 0) return;
    this.target.off('beforeExit', this.onBeforeExit);
    for (const signal of SIGNALS) this.target.off(signal, this.onSignal);
  }

  /** Check every lease in (each release removes itself); failures are ignored, the process is ending. */
  releaseAll(): Promise<unknown> {
    const pending = [...this.releases];
    for (const release of pending) this.remove(release);
    return Promise.allSettled(pending.map((release) => release()));
  }

  private async releaseThenExit(signal: NodeJS.Signals): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise((resolve) => {
      timer = setTimeout(resolve, EXIT_RELEASE_TIMEOUT_MS);
      timer.unref?.();
    });
    await Promise.race([this.releaseAll(), timeout]);
    clearTimeout(timer);
    // Our listener is gone now; with no other listener the signal's default action ends the process,
    // as if we had never intercepted it. Another listener means the app handles the signal itself.
    if (this.target.listenerCount(signal) === 0) this.target.kill(this.target.pid, signal);
  }
}

/** The releaser bound to the real process. */
export const processExitReleaser = new ExitReleaser(process);
