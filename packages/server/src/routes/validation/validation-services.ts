// The long-lived services behind validation and activation, created once per app and hung on the
// context: the snapshot cache (kept honest by LISTEN licentia_license_changed), the batched
// validation recorder, and the per-license rate limiters. Started when the app is ready, stopped
// (recorder flushed) when it closes.
import type { Unlisten } from '@licentia/db';
import { licenseSnapshotRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { type Snapshot, toSnapshot } from '../../licensing/license-snapshot.ts';
import { DEFAULT_RATE_LIMITS, type RateLimits, TokenBuckets } from '../../licensing/rate-limiter.ts';
import { SnapshotCache } from '../../licensing/snapshot-cache.ts';
import { ValidationRecorder } from '../../licensing/validation-recorder.ts';

/** The channel migration 0003's trigger notifies on every change of licenses, machines, policies. */
export const LICENSE_CHANGED_CHANNEL = 'licentia_license_changed';

export interface LicensingServices {
  cache: SnapshotCache;
  recorder: ValidationRecorder;
  limits: Record<keyof RateLimits, TokenBuckets>;
  byKeyHash(keyHash: string): Promise<Snapshot | undefined>;
  byId(accountId: string, licenseId: string): Promise<Snapshot | undefined>;
}

export function licensingServices(app: App, ctx: AppContext): LicensingServices {
  if (ctx.licensing) return ctx.licensing;
  const cache = new SnapshotCache();
  const recorder = new ValidationRecorder(ctx.db, {
    newId: () => ctx.newId('validationEvent'),
    log: app.log,
  });
  const limits = { ...DEFAULT_RATE_LIMITS, ...ctx.rateLimits };
  const services: LicensingServices = {
    cache,
    recorder,
    limits: {
      validate: new TokenBuckets(limits.validate),
      activate: new TokenBuckets(limits.activate),
      deactivate: new TokenBuckets(limits.deactivate),
      unknownKey: new TokenBuckets(limits.unknownKey),
    },
    byKeyHash: (keyHash) =>
      cache.byKeyHash(keyHash, async () => {
        const row = await licenseSnapshotRepository.findByKeyHash(ctx.db, keyHash);
        return row && toSnapshot(row);
      }),
    byId: (accountId, licenseId) =>
      cache.byId(accountId, licenseId, async () => {
        const row = await licenseSnapshotRepository.findById(ctx.db, accountId, licenseId);
        return row && toSnapshot(row);
      }),
  };
  ctx.licensing = services;

  let unlisten: Unlisten | undefined;
  app.addHook('onReady', async () => {
    unlisten = await ctx.database.listen(LICENSE_CHANGED_CHANNEL, {
      onNotify: (payload) => cache.invalidate(payload),
      onState: (live) => cache.setLive(live),
    });
    recorder.start();
  });
  app.addHook('onClose', async () => {
    cache.setLive(false);
    await unlisten?.();
    await recorder.stop();
  });
  return services;
}
