// Named-user seats (MISSION D7): assign, unassign and transfer seats, utilization per license and
// environment, and self-service views of a person's own licenses.
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { assignSeat } from './assign-seat.ts';
import { getSeatUtilization } from './get-seat-utilization.ts';
import { listMyLicenses } from './list-my-licenses.ts';
import { listPersonLicenses } from './list-person-licenses.ts';
import { listSeats } from './list-seats.ts';
import { transferSeat } from './transfer-seat.ts';
import { unassignSeat } from './unassign-seat.ts';

export function registerSeatRoutes(app: App, ctx: AppContext): void {
  listSeats(app, ctx);
  assignSeat(app, ctx);
  unassignSeat(app, ctx);
  transferSeat(app, ctx);
  getSeatUtilization(app, ctx);
  listPersonLicenses(app, ctx);
  listMyLicenses(app, ctx);
}
