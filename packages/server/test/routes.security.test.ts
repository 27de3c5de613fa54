// Every authenticated route runs the shared security suite. Each capability lists its routes in
// security-routes/<capability>.ts; a route missing from all of them fails the coverage test.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { it } from 'node:test';
import { forEachEngine } from '../../db/test/test-databases.ts';
import { call, type TestApp, useTestApp } from './harness.ts';
import { runSecuritySuite, type SecuredRoute } from './security-suite.ts';

type RouteTable = { securityRoutes: (getApp: () => TestApp) => SecuredRoute[] };
const tables: RouteTable[] = await Promise.all(
  readdirSync(new URL('./security-routes/', import.meta.url))
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((f) => import(`./security-routes/${f}`) as Promise<RouteTable>),
);

forEachEngine('shared security suite', (engine) => {
  const getApp = useTestApp(engine);
  const routes = tables.flatMap((table) => table.securityRoutes(getApp));
  runSecuritySuite(getApp, routes);

  it('covers every authenticated route of the OpenAPI document', async () => {
    const doc = (await call(getApp(), 'GET', '/openapi.json')).json;
    const covered = new Set(routes.map((r) => `${r.method} ${r.path}`));
    const uncovered: string[] = [];
    for (const [path, ops] of Object.entries<Record<string, { security?: unknown[] }>>(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const isPublic = Array.isArray(op.security) && op.security.length === 0;
        if (!isPublic && !covered.has(`${method.toUpperCase()} ${path}`))
          uncovered.push(`${method.toUpperCase()} ${path}`);
      }
    }
    assert.deepEqual(uncovered, []);
  });
});
