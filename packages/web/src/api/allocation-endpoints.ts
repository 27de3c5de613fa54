// The effective-license allocation part of the API client: the consumption report (JSON and CSV),
// products, groups, the recompute log, refused logins, a full recompute and the login check. Shapes
// follow docs/allocation.md.
import { type Query, type Send, withQuery } from './licensing-endpoints.ts';

export type UserLicenseType = 'USER' | 'LIGHT' | 'MEMBER';

export interface AllocationConsumption {
  organizationId: string;
  generatedAt: string;
  products: {
    code: string;
    name: string;
    kind: string;
    userLicenseType: UserLicenseType;
    quantity: number | null;
    consumed: number;
    released: number;
    overQuantity: boolean;
  }[];
  environments: { id: string; name: string; kind: string; products: { code: string; consumed: number }[] }[];
  releases: { code: string; rule: string; inFavourOf: string | null; people: number; why: string }[];
  loginRefused: number;
  userLicenses: {
    types: { type: UserLicenseType; consumed: number; counted: number; purchased: number }[];
    agrees: boolean;
    differences: {
      personId: string;
      allocation: UserLicenseType | null;
      permissionGroups: UserLicenseType | null;
    }[];
  };
}

export interface AllocationRecompute {
  trigger: string;
  peopleReached: number;
  peopleChanged: number;
  durationMs: number;
}

export interface AllocationRecomputeEntry extends AllocationRecompute {
  id: string;
  createdAt: string;
}

export interface LoginRefusal {
  id: string;
  personId: string;
  reasons: string[];
  occurredAt: string;
}

export function allocationEndpoints(send: Send, text: (path: string) => Promise<string>) {
  const seg = encodeURIComponent;
  const base = (accountId: string, organizationId: string) =>
    `/v1/accounts/${seg(accountId)}/organizations/${seg(organizationId)}/allocation`;
  return {
    allocationConsumption: (accountId: string, organizationId: string) =>
      send<AllocationConsumption>('GET', `${base(accountId, organizationId)}/consumption`),
    allocationConsumptionCsv: (accountId: string, organizationId: string) =>
      text(`${base(accountId, organizationId)}/consumption.csv`),
    allocationRecomputes: (accountId: string, organizationId: string, query?: Query) =>
      send<{ data: AllocationRecomputeEntry[]; nextCursor: string | null }>(
        'GET',
        withQuery(`${base(accountId, organizationId)}/recomputes`, query),
      ),
    allocationLoginRefusals: (accountId: string, organizationId: string, query?: Query) =>
      send<{ data: LoginRefusal[]; nextCursor: string | null }>(
        'GET',
        withQuery(`${base(accountId, organizationId)}/login-refusals`, query),
      ),
    recomputeAllocation: (accountId: string, organizationId: string) =>
      send<{ refresh: AllocationRecompute | null; recompute: AllocationRecompute }>(
        'POST',
        `${base(accountId, organizationId)}/recompute`,
      ),
  };
}
