// Shard 1 of the shared security suite (see security-tables.ts): no / malformed / revoked / expired
// token, insufficient role and other tenant answer as documented for every route of its tables.
import { forEachEngine } from '../../db/test/test-databases.ts';
import { useTestApp } from './harness.ts';
import { runSecuritySuite } from './security-suite.ts';
import { securityShard } from './security-tables.ts';

const tables = await securityShard(0);

forEachEngine('shared security suite, shard 1', (engine) => {
  const getApp = useTestApp(engine);
  runSecuritySuite(
    getApp,
    tables.flatMap((table) => table.securityRoutes(getApp)),
  );
});
