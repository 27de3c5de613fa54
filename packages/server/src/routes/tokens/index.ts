// API tokens: create (secret shown once), list, get, revoke.
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { createToken } from './create-token.ts';
import { getToken } from './get-token.ts';
import { listTokens } from './list-tokens.ts';
import { revokeToken } from './revoke-token.ts';

export function registerTokenRoutes(app: App, ctx: AppContext): void {
  createToken(app, ctx);
  listTokens(app, ctx);
  getToken(app, ctx);
  revokeToken(app, ctx);
}
