// The sweeper: every period, reclaim what has lapsed in pools whose next deadline has passed (by the
// database clock), so a crashed client's seat returns within interval × tolerance + one period even
// when nobody checks out. Every server process runs one; SKIP LOCKED keeps them out of each other's way.
import { floatingRepository } from '@licentia/db';
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../http/context.ts';
import type { LicensingServices } from '../routes/validation/validation-services.ts';
import { sweepPool } from './admin-operations.ts';
import { floatingTermsOf } from './floating-eligibility.ts';

/** Default sweep period; LICENTIA_FLOATING_SWEEP_MS overrides it. */
export const DEFAULT_SWEEP_MS = 5_000;
const BATCH = 100;

export class PoolSweeper {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly ctx: AppContext,
    private readonly licensing: LicensingServices,
    private readonly periodMs: number,
    private readonly log: FastifyBaseLogger,
  ) {}

  start(): void {
    if (this.timer || this.periodMs <= 0) return;
    this.timer = setInterval(() => void this.runOnce(), this.periodMs);
    this.timer.unref();
  }

  /** One pass over the due pools (a pass still running is joined, never doubled). */
  runOnce(): Promise<number> {
    this.running ??= this.pass()
      .catch((error: unknown) => {
        this.log.error({ err: error }, 'floating sweep failed');
        return 0;
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private async pass(): Promise<number> {
    const due = await floatingRepository.duePools(this.ctx.db, BATCH);
    let events = 0;
    for (const pool of due) {
      const snapshot = await this.licensing.byId(pool.accountId, pool.licenseId);
      events += await sweepPool(this.ctx, pool.id, snapshot ? floatingTermsOf(snapshot) : null);
    }
    return events;
  }
}
