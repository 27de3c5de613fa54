// Vendor accounts: the top-level tenants of a deployment.
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { createAccount } from './create-account.ts';
import { deleteAccount } from './delete-account.ts';
import { getAccount } from './get-account.ts';
import { listAccounts } from './list-accounts.ts';

export function registerAccountRoutes(app: App, ctx: AppContext): void {
  createAccount(app, ctx);
  listAccounts(app, ctx);
  getAccount(app, ctx);
  deleteAccount(app, ctx);
}
