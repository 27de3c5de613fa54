// Policies: the license templates (model, durations, limits, restrictions, price) of a product.
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { createPolicy } from './create-policy.ts';
import { deletePolicy } from './delete-policy.ts';
import { getPolicy } from './get-policy.ts';
import { listPolicies } from './list-policies.ts';
import { updatePolicy } from './update-policy.ts';

export function registerPolicyRoutes(app: App, ctx: AppContext): void {
  createPolicy(app, ctx);
  listPolicies(app, ctx);
  getPolicy(app, ctx);
  updatePolicy(app, ctx);
  deletePolicy(app, ctx);
}
