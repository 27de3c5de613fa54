// Privilege levels inside customer organizations: who holds what, supervisors, the caller's own.
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { getMyPrivileges } from './get-my-privileges.ts';
import { getPersonPrivileges } from './get-person-privileges.ts';
import { grantPrivilege } from './grant-privilege.ts';
import { listPrivilegeHolders } from './list-privilege-holders.ts';
import { listSupervisors } from './list-supervisors.ts';
import { revokePrivilege } from './revoke-privilege.ts';
import { setPersonPrivileges } from './set-person-privileges.ts';

export function registerPrivilegeRoutes(app: App, ctx: AppContext): void {
  getPersonPrivileges(app, ctx);
  setPersonPrivileges(app, ctx);
  grantPrivilege(app, ctx);
  revokePrivilege(app, ctx);
  listPrivilegeHolders(app, ctx);
  listSupervisors(app, ctx);
  getMyPrivileges(app, ctx);
}
