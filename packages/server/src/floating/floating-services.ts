// The long-lived parts of floating licenses, created once per app: the product facts cache, the
// long-poll waiters (fed by LISTEN licentia_floating) and the sweeper — started when the app is
// ready, stopped when it closes.
import type { Unlisten } from '@licentia/db';
import type { App } from '../app.ts';
import type { AppContext } from '../http/context.ts';
import { type LicensingServices, licensingServices } from '../routes/validation/validation-services.ts';
import { ProductFacts } from './floating-eligibility.ts';
import { DEFAULT_SWEEP_MS, PoolSweeper } from './pool-sweeper.ts';
import { FLOATING_CHANNEL } from './pool-transaction.ts';
import { QueueWaiters } from './queue-waiters.ts';

export interface FloatingSettings {
  /** Sweeper period in milliseconds; 0 disables it (check-outs still reclaim expired leases). */
  sweepMs?: number | undefined;
}

export interface FloatingServices {
  licensing: LicensingServices;
  products: ProductFacts;
  waiters: QueueWaiters;
  sweeper: PoolSweeper;
}

export function floatingServices(
  app: App,
  ctx: AppContext,
  settings: FloatingSettings = {},
): FloatingServices {
  const licensing = licensingServices(app, ctx);
  const waiters = new QueueWaiters();
  const sweeper = new PoolSweeper(ctx, licensing, settings.sweepMs ?? DEFAULT_SWEEP_MS, app.log);
  let unlisten: Unlisten | undefined;
  app.addHook('onReady', async () => {
    unlisten = await ctx.database.listen(FLOATING_CHANNEL, {
      onNotify: (poolId) => waiters.notify(poolId),
      onState: (live) => waiters.setLive(live),
    });
    sweeper.start();
  });
  // preClose runs before in-flight requests are awaited: long polls answer now instead of holding shutdown.
  app.addHook('preClose', async () => waiters.close());
  app.addHook('onClose', async () => {
    await sweeper.stop();
    await unlisten?.();
  });
  return { licensing, products: new ProductFacts(ctx.db), waiters, sweeper };
}
