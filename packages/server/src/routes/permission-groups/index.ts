// Permission groups of customer organizations (MISSION D2): each maps to a user-license type.
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { addMember } from './add-member.ts';
import { createGroup } from './create-group.ts';
import { deleteGroup } from './delete-group.ts';
import { getGroup } from './get-group.ts';
import { listGroups } from './list-groups.ts';
import { listMembers } from './list-members.ts';
import { removeMember } from './remove-member.ts';
import { updateGroup } from './update-group.ts';

export function registerPermissionGroupRoutes(app: App, ctx: AppContext): void {
  createGroup(app, ctx);
  listGroups(app, ctx);
  getGroup(app, ctx);
  updateGroup(app, ctx);
  deleteGroup(app, ctx);
  listMembers(app, ctx);
  addMember(app, ctx);
  removeMember(app, ctx);
}
