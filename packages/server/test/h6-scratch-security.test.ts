// TEMPORARY (H6): runs only the imports security table; deleted before hand-off.
import { forEachEngine } from '../../db/test/test-databases.ts';
import { useTestApp } from './harness.ts';
import { securityRoutes } from './security-routes/imports.ts';
import { runSecuritySuite } from './security-suite.ts';

forEachEngine('imports security', (engine) => {
  const getApp = useTestApp(engine);
  runSecuritySuite(getApp, securityRoutes(getApp));
});
