// Fixtures of the floating analytics suites: a floating license with seeded pools and events written
// straight to floating_pools and floating_events, so every count and time is known in advance.
import { randomUUID } from 'node:crypto';
import type { FloatingUsageRecord } from '@licentia/core';
import type { Tenant, TestApp } from './harness.ts';
import { seedLicense } from './licensing-fixtures.ts';
import { licenseFixture } from './validation-helpers.ts';

export const HOUR = 3_600_000;
export const MINUTE = 60_000;

/** Midnight UTC three days ago: seeded windows lie wholly in the past, as the route requires. */
export function pastDay(): number {
  return Math.floor(Date.now() / (24 * HOUR)) * 24 * HOUR - 3 * 24 * HOUR;
}

export interface FloatingFixture {
  licenseId: string;
  productId: string;
  policyId: string;
  key: string;
}

/** A FLOATING license of the tenant's organization (or `organizationId`) with one pool per feature. */
export async function floatingLicense(
  t: TestApp,
  tenant: Tenant,
  pools: Record<string, { seats: number; inUse?: number; borrowed?: number; queued?: number }>,
  organizationId = tenant.organizationId,
): Promise<FloatingFixture> {
  const f = await licenseFixture(t, tenant, { model: 'FLOATING', maxMachines: 5 });
  let licenseId = f.licenseId;
  if (organizationId !== tenant.organizationId) {
    const seeded = await seedLicense(t, { ...f, accountId: tenant.accountId, organizationId });
    licenseId = seeded.id;
  }
  for (const [feature, pool] of Object.entries(pools)) {
    await t.database.db
      .insertInto('floating_pools')
      .values({
        id: `fpool_${randomUUID()}`,
        account_id: tenant.accountId,
        organization_id: organizationId,
        license_id: licenseId,
        feature,
        seats: pool.seats,
        in_use: pool.inUse ?? 0,
        borrowed: pool.borrowed ?? 0,
        queued: pool.queued ?? 0,
        next_due_at: null,
      })
      .execute();
  }
  return { ...f, licenseId };
}

export type SeedEvent = Partial<FloatingUsageRecord> &
  Pick<FloatingUsageRecord, 'kind' | 'at' | 'inUseAfter'>;

/** Writes events of one license; `feature` defaults to 'cad', `user` to 'alice'. */
export async function seedEvents(
  t: TestApp,
  accountId: string,
  licenseId: string,
  events: readonly SeedEvent[],
): Promise<void> {
  if (events.length === 0) return;
  await t.database.db
    .insertInto('floating_events')
    .values(
      events.map((e) => ({
        id: `fevt_${randomUUID()}`,
        account_id: accountId,
        organization_id: null,
        license_id: licenseId,
        feature: e.feature ?? 'cad',
        kind: e.kind,
        lease_id: null,
        count: e.count ?? 1,
        user_name: e.user ?? 'alice',
        host: 'ws1',
        department: e.department ?? null,
        group_name: null,
        reason: e.reason ?? null,
        occurred_at: new Date(e.at),
        in_use_after: e.inUseAfter,
        wait_ms: e.waitMs ?? null,
      })),
    )
    .execute();
}

export function analyticsUrl(accountId: string, query: Record<string, string | number>): string {
  const params = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  return `/v1/accounts/${accountId}/floating/analytics?${params}`;
}
