// Loads the per-capability security tables (security-routes/*.ts) and splits them into shards, so
// the shared security suite runs as several test files in parallel instead of one long file.
import { readdirSync } from 'node:fs';
import type { TestApp } from './harness.ts';
import type { SecuredRoute } from './security-suite.ts';

export type RouteTable = { securityRoutes: (getApp: () => TestApp) => SecuredRoute[] };

export const SECURITY_SHARDS = 4;

const files = readdirSync(new URL('./security-routes/', import.meta.url))
  .filter((f) => f.endsWith('.ts'))
  .sort();

/** Every table, for the coverage check. */
export async function allSecurityTables(): Promise<RouteTable[]> {
  return Promise.all(files.map((f) => import(`./security-routes/${f}`) as Promise<RouteTable>));
}

/** The tables of shard `index` (0-based): files dealt round-robin in name order. */
export async function securityShard(index: number): Promise<RouteTable[]> {
  const mine = files.filter((_f, i) => i % SECURITY_SHARDS === index);
  return Promise.all(mine.map((f) => import(`./security-routes/${f}`) as Promise<RouteTable>));
}
