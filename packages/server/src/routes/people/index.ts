// People of customer organizations (MISSION D2) and their accounts in environments.
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { addEnvironmentAccount } from './add-environment-account.ts';
import { createPerson } from './create-person.ts';
import { deletePerson } from './delete-person.ts';
import { getPerson } from './get-person.ts';
import { listPeople } from './list-people.ts';
import { removeEnvironmentAccount } from './remove-environment-account.ts';
import { updatePerson } from './update-person.ts';

export function registerPeopleRoutes(app: App, ctx: AppContext): void {
  createPerson(app, ctx);
  listPeople(app, ctx);
  getPerson(app, ctx);
  updatePerson(app, ctx);
  deletePerson(app, ctx);
  addEnvironmentAccount(app, ctx);
  removeEnvironmentAccount(app, ctx);
}
