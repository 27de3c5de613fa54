// The floating-license part of the API client: pools and leases of a license (with force-remove) and
// the usage analytics of an account. Shapes follow docs/floating.md and docs/floating-analytics.md.
import { type Query, type Send, withQuery } from './licensing-endpoints.ts';

export interface FloatingPool {
  feature: string;
  seats: number;
  inUse: number;
  borrowed: number;
  lingering?: number;
  queued: number;
  reserved?: number;
  heartbeatIntervalSeconds?: number;
}

export interface FloatingLease {
  id: string;
  licenseId: string;
  feature: string;
  count: number;
  user: string;
  host: string;
  startedAt: string;
  expiresAt: string;
  heartbeatIntervalSeconds?: number;
  borrowedUntil?: string | null;
  lingerUntil?: string | null;
}

export type AnalyticsBucket = 'hour' | 'day';

interface DenialCounts {
  denials: number;
  users: number;
}

export interface FloatingAnalytics {
  window: { from: string; to: string; bucket: AnalyticsBucket };
  current: {
    licenseId: string;
    feature: string;
    seats: number;
    inUse: number;
    borrowed: number;
    queued: number;
  }[];
  peaks: { licenseId: string; feature: string; bucketStart: string; peak: number; seats: number | null }[];
  denials: {
    byFeature: (DenialCounts & { feature: string })[];
    byUser: (DenialCounts & { user: string })[];
    byDepartment: (DenialCounts & { department: string | null })[];
  };
  utilization: {
    licenseId: string;
    feature: string;
    seats: number;
    percent: number;
    seatHoursUsed: number;
    seatHoursAvailable: number;
    series: { bucketStart: string; percent: number }[];
  }[];
  queueWait: {
    feature: string;
    queued: number;
    count: number;
    p50Ms: number;
    p90Ms: number;
    maxMs: number;
    abandoned: number;
  }[];
}

export function floatingEndpoints(send: Send) {
  const seg = encodeURIComponent;
  const floating = (accountId: string, licenseId: string) =>
    `/v1/accounts/${seg(accountId)}/licenses/${seg(licenseId)}/floating`;
  return {
    listFloatingPools: (accountId: string, licenseId: string) =>
      send<{ data: FloatingPool[] }>('GET', `${floating(accountId, licenseId)}/pools`),
    listFloatingLeases: (accountId: string, licenseId: string, query?: Query) =>
      send<{ data: FloatingLease[] }>('GET', withQuery(`${floating(accountId, licenseId)}/leases`, query)),
    /** Force-removes a lease (check-in reason ADMIN_REMOVED): its seat is free at once. */
    removeFloatingLease: (accountId: string, licenseId: string, leaseId: string) =>
      send<unknown>('DELETE', `${floating(accountId, licenseId)}/leases/${seg(leaseId)}`),
    floatingAnalytics: (accountId: string, query: Query) =>
      send<FloatingAnalytics>('GET', withQuery(`/v1/accounts/${seg(accountId)}/floating/analytics`, query)),
  };
}
