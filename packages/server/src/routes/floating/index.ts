// Floating licenses: check-out, heartbeat, check-in and the queue for licensed apps; pools, leases,
// options and status for administrators. The long-lived services (sweeper, long-poll waiters) start here.
import type { App } from '../../app.ts';
import { type FloatingSettings, floatingServices } from '../../floating/floating-services.ts';
import type { AppContext } from '../../http/context.ts';
import { checkin } from './checkin.ts';
import { checkout } from './checkout.ts';
import { exportOptions } from './export-options.ts';
import { getOptions } from './get-options.ts';
import { getStatus } from './get-status.ts';
import { heartbeat } from './heartbeat.ts';
import { importOptions } from './import-options.ts';
import { leaveQueue } from './leave-queue.ts';
import { listLeases } from './list-leases.ts';
import { listPools } from './list-pools.ts';
import { pollQueue } from './poll-queue.ts';
import { putOptions } from './put-options.ts';
import { removeLease } from './remove-lease.ts';

export function registerFloatingRoutes(app: App, ctx: AppContext, settings: FloatingSettings = {}): void {
  const services = floatingServices(app, ctx, settings);
  checkout(app, ctx, services);
  heartbeat(app, ctx, services);
  checkin(app, ctx, services);
  pollQueue(app, ctx, services);
  leaveQueue(app, ctx, services);
  listPools(app, ctx, services);
  listLeases(app, ctx, services);
  removeLease(app, ctx, services);
  getOptions(app, ctx, services);
  putOptions(app, ctx, services);
  importOptions(app, ctx, services);
  exportOptions(app, ctx, services);
  getStatus(app, ctx, services);
}
