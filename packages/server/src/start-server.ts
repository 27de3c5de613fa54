// Starts a Licentia server process: open storage, migrate, bootstrap, listen, shut down cleanly.
// Used by main.ts, `licentia serve` and the end-to-end tests.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createDatabase, migrate } from '@licentia/db';
import { buildApp } from './app.ts';
import { bootstrap } from './bootstrap/bootstrap.ts';
import { startComplianceTicker } from './compliance/compliance-ticker.ts';
import type { Config } from './config.ts';
import { loadOrCreateMasterKey } from './signing/master-key.ts';
import { startRealtimeUsageFeed } from './usage/realtime-feed.ts';

export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../web/dist/', import.meta.url));

export interface RunningServer {
  url: string;
  operatorToken: string | null;
  close(): Promise<void>;
}

export async function startServer(
  config: Config,
  options: { issueOperatorToken?: boolean; webRoot?: string | null } = {},
): Promise<RunningServer> {
  const database = await createDatabase(
    config.databaseUrl ? { url: config.databaseUrl } : { dataDir: `${config.dataDir}/db` },
  );
  await migrate(database);
  const webRoot =
    options.webRoot === undefined
      ? existsSync(`${DEFAULT_WEB_ROOT}index.html`)
        ? DEFAULT_WEB_ROOT
        : null
      : options.webRoot;
  const { key: masterKey } = loadOrCreateMasterKey(config.masterKey, config.dataDir);
  const { app, ctx } = await buildApp({
    database,
    masterKey,
    webRoot,
    logger: { level: config.logLevel },
    defaultMetrics: true,
    ...(config.floatingSweepMs !== undefined ? { floatingSweepMs: config.floatingSweepMs } : {}),
  });
  const boot = await bootstrap(ctx, {
    bootstrapToken: config.bootstrapToken,
    demo: config.demo,
    issueOperatorToken: options.issueOperatorToken ?? false,
  });
  // Compliance modes are re-evaluated every minute (issue 7); tests evaluate on demand instead.
  const compliance = startComplianceTicker(ctx, app.log);
  // Floating usage reaches the usage store every 5 s, off the check-out path (docs/usage.md).
  const usageFeed = startRealtimeUsageFeed(ctx.db, app.log, { intervalMs: config.usageFeedMs ?? 5000 });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  let closing: Promise<void> | null = null;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    operatorToken: boot.operatorToken,
    close() {
      // Stop accepting, let in-flight requests finish, then release the database.
      closing ??= Promise.all([compliance.stop(), usageFeed.stop()])
        .then(() => app.close())
        .then(() => database.close());
      return closing;
    },
  };
}
