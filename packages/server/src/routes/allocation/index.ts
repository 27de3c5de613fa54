// Effective license allocation (issue 6): products, groups, assignments, recomputes, the login check
// and the consumption report; plus the background work (server start, vendor license changes).
import { registerAllocationBackground } from '../../allocation/allocation-background.ts';
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { createAssignment } from './create-assignment.ts';
import { createGroup } from './create-group.ts';
import { deleteAssignment } from './delete-assignment.ts';
import { deleteGroup } from './delete-group.ts';
import { getConsumption } from './get-consumption.ts';
import { getGroup } from './get-group.ts';
import { getPersonAllocation } from './get-person-allocation.ts';
import { groupPeople } from './group-people.ts';
import { importLicenses } from './import-licenses.ts';
import { listAssignments } from './list-assignments.ts';
import { listGroups } from './list-groups.ts';
import { listLoginRefusals } from './list-login-refusals.ts';
import { listProducts } from './list-products.ts';
import { listRecomputes } from './list-recomputes.ts';
import { loginCheck } from './login-check.ts';
import { nestedGroups } from './nested-groups.ts';
import { recompute } from './recompute.ts';
import { refreshLicenses } from './refresh-licenses.ts';

export function registerAllocationRoutes(app: App, ctx: AppContext): void {
  listProducts(app, ctx);
  importLicenses(app, ctx);
  refreshLicenses(app, ctx);
  createGroup(app, ctx);
  listGroups(app, ctx);
  getGroup(app, ctx);
  deleteGroup(app, ctx);
  groupPeople(app, ctx);
  nestedGroups(app, ctx);
  createAssignment(app, ctx);
  listAssignments(app, ctx);
  deleteAssignment(app, ctx);
  getPersonAllocation(app, ctx);
  recompute(app, ctx);
  listRecomputes(app, ctx);
  loginCheck(app, ctx);
  listLoginRefusals(app, ctx);
  getConsumption(app, ctx);
  registerAllocationBackground(app, ctx);
}
