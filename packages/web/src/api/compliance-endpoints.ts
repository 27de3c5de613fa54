// The usage-monitoring part of the API client for the portal's usage pages: compliance modes with
// their remedy, counted users per day, license servers with status, harvesting agents, and the
// deduplicated denials of the usage store. Shapes follow docs/compliance.md.
import { type Query, type Send, withQuery } from './licensing-endpoints.ts';

export type ComplianceMode = 'NORMAL' | 'GRACE' | 'LIGHT_RESTRICTED' | 'RESTRICTED';

export interface LicenseCompliance {
  licenseId: string;
  licenseName: string | null;
  productId: string;
  mode: ComplianceMode;
  reason: string;
  title: string;
  remedy: string[];
  restricted: string[];
  countedUsers: number;
  userLimit: number | null;
  ceiling: number | null;
  since: string | null;
  graceStartedAt: string | null;
  graceEndsAt: string | null;
  gracePeriodDays: number;
  extension: { userLimit: number; until: string } | null;
  problems: { code: string; detail: string; remedy: string[] }[];
  evaluatedAt: string | null;
}

export interface OrganizationCompliance {
  organizationId: string;
  mode: ComplianceMode;
  reason: string;
  remedy: string[];
  restricted: string[];
  licenseId: string | null;
  licenses: LicenseCompliance[];
}

export interface UserCountDay {
  licenseId: string;
  day: string;
  countedUsers: number;
  userLimit: number | null;
  mode: string;
}

export interface LicenseServerStatus {
  id: string;
  name: string;
  hosts: string[];
  enabled: boolean;
  version: string | null;
  lastSeenAt: string | null;
  status: 'ONLINE' | 'OFFLINE' | 'ERROR';
  reason: string;
  acceptsData: boolean;
  detail: string;
  remedy: string[];
}

export interface HarvestingAgent {
  id: string;
  host: string;
  registeredAt: string;
  lastReportAt: string | null;
  harvestingGroupId: string | null;
  harvestingEnabled: boolean;
  harvest: string;
  harvestLabel: string;
}

export interface AgentsGrid {
  data: HarvestingAgent[];
  harvesting: {
    plan: string;
    harvestingIncluded: boolean;
    agentLimit: number | null;
    licensed: number;
    mode: string;
  };
}

/** One deduplicated denial row (user, feature, UTC day) of the usage store. */
export interface DenialDay {
  day: string;
  feature: string;
  user: string;
  denials: number;
}

export function complianceEndpoints(send: Send) {
  const seg = encodeURIComponent;
  const org = (accountId: string, organizationId: string) =>
    `/v1/accounts/${seg(accountId)}/organizations/${seg(organizationId)}`;
  return {
    organizationCompliance: (accountId: string, organizationId: string) =>
      send<OrganizationCompliance>('GET', `${org(accountId, organizationId)}/compliance`),
    evaluateCompliance: (accountId: string, organizationId: string) =>
      send<OrganizationCompliance>('POST', `${org(accountId, organizationId)}/compliance/evaluate`),
    userCounts: (accountId: string, organizationId: string, query?: Query) =>
      send<{ from: string; to: string; data: UserCountDay[] }>(
        'GET',
        withQuery(`${org(accountId, organizationId)}/compliance/user-counts`, query),
      ),
    licenseServerStatus: (accountId: string, organizationId: string) =>
      send<{ maintenanceEndsAt: string | null; data: LicenseServerStatus[] }>(
        'GET',
        `${org(accountId, organizationId)}/compliance/license-servers`,
      ),
    harvestingAgents: (accountId: string, organizationId: string) =>
      send<AgentsGrid>('GET', `${org(accountId, organizationId)}/agents`),
    usageDenials: (accountId: string, organizationId: string, query?: Query) =>
      send<{ data: DenialDay[]; nextCursor: string | null; distinct: number; raw: number }>(
        'GET',
        withQuery(`${org(accountId, organizationId)}/usage/denials`, query),
      ),
  };
}
