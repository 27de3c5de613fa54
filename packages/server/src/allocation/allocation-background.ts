// Allocation work that no request starts: at server start every organization using allocation is
// recomputed in full (seed 004: "the method server is restarted"), and when the database notifies
// that an organization's licenses changed, its VENDOR products are refreshed at once. Runs one
// organization at a time, each in its own transaction; closing the app waits for the current one.
import type { AllocationScope, Unlisten } from '@licentia/db';
import { allocationRepository } from '@licentia/db';
import type { App } from '../app.ts';
import type { AppContext } from '../http/context.ts';
import { lockAllocation } from './allocation-sync.ts';
import { type RecomputeSummary, recomputeAllocation } from './recompute-allocation.ts';

export const ALLOCATION_STALE_CHANNEL = 'licentia_allocation_stale';

/** Full recompute of one organization (refreshing stale vendor products first). */
export async function recomputeOrganization(
  ctx: AppContext,
  s: AllocationScope,
  trigger: 'SERVER_START' | 'FULL',
): Promise<RecomputeSummary> {
  return ctx.db.transaction().execute(async (trx) => {
    await lockAllocation(trx, ctx, s);
    return recomputeAllocation(trx, ctx, s, { all: true }, trigger);
  });
}

/** Refresh one organization's vendor products if they are stale (no-op otherwise). */
export async function repairOrganization(
  ctx: AppContext,
  s: AllocationScope,
): Promise<RecomputeSummary | null> {
  if (!(await allocationRepository.isStale(ctx.db, s))) return null;
  return ctx.db.transaction().execute((trx) => lockAllocation(trx, ctx, s));
}

export function registerAllocationBackground(app: App, ctx: AppContext): void {
  let closing = false;
  let chain: Promise<unknown> = Promise.resolve();
  // One queue: background work never runs two transactions at once (PGlite has one connection).
  const enqueue = (what: string, work: () => Promise<unknown>) => {
    chain = chain.then(async () => {
      if (closing) return;
      try {
        await work();
      } catch (error) {
        app.log.error({ err: error }, `allocation: ${what} failed`);
      }
    });
  };
  let unlisten: Unlisten | undefined;
  app.addHook('onReady', async () => {
    unlisten = await ctx.database.listen(ALLOCATION_STALE_CHANNEL, {
      onNotify: (organizationId) =>
        enqueue(`refresh of ${organizationId}`, async () => {
          const scope = (await allocationRepository.organizationsInUse(ctx.db)).find(
            (o) => o.organizationId === organizationId,
          );
          if (scope) await repairOrganization(ctx, scope);
        }),
    });
    enqueue('recompute at server start', async () => {
      for (const scope of await allocationRepository.organizationsInUse(ctx.db)) {
        if (closing) return;
        await recomputeOrganization(ctx, scope, 'SERVER_START');
      }
    });
  });
  app.addHook('onClose', async () => {
    closing = true;
    await unlisten?.();
    await chain;
  });
}
