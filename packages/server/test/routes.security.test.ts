// Every authenticated route is listed in a security table (security-routes/<capability>.ts); a route
// missing from all of them fails here. The suite itself runs in routes.security-shard-N.test.ts.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachEngine } from '../../db/test/test-databases.ts';
import { call, useTestApp } from './harness.ts';
import { allSecurityTables } from './security-tables.ts';

const tables = await allSecurityTables();

forEachEngine('security tables', (engine) => {
  const getApp = useTestApp(engine);
  const routes = tables.flatMap((table) => table.securityRoutes(getApp));

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
