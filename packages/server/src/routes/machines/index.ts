// Machines: activation and deactivation by licensed apps, and the vendor's machine management.
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { licensingServices } from '../validation/validation-services.ts';
import { activateMachine } from './activate-machine.ts';
import { deactivateMachine } from './deactivate-machine.ts';
import { listMachines } from './list-machines.ts';
import { removeMachine } from './remove-machine.ts';
import { requestMachineTransfer } from './request-machine-transfer.ts';

export function registerMachineRoutes(app: App, ctx: AppContext): void {
  const services = licensingServices(app, ctx);
  activateMachine(app, ctx, services);
  deactivateMachine(app, ctx, services);
  listMachines(app, ctx);
  removeMachine(app, ctx);
  requestMachineTransfer(app, ctx);
}
