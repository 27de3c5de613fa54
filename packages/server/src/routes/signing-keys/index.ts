// Per-account Ed25519 signing keys: list, rotate with overlap, retire, and the public JWKS.
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { getJwks } from './get-jwks.ts';
import { listSigningKeys } from './list-signing-keys.ts';
import { retireSigningKey } from './retire-signing-key.ts';
import { rotateSigningKey } from './rotate-signing-key.ts';

export function registerSigningKeyRoutes(app: App, ctx: AppContext): void {
  listSigningKeys(app, ctx);
  rotateSigningKey(app, ctx);
  retireSigningKey(app, ctx);
  getJwks(app, ctx);
}
