// The license-overview part of the API client: the four-tab overview, the vendor's plan and
// entitlement management, and named-user seats with utilization and self-service (my licenses).
import type { Page } from './api-types.ts';
import { type Query, type Send, withQuery } from './licensing-endpoints.ts';
import { type OrgScope, orgPath } from './organization-endpoints.ts';
import type {
  EntitlementKind,
  LicenseOverview,
  OrgEntitlement,
  PersonLicenses,
  Plan,
  Seat,
  SeatLicense,
  SeatUtilization,
} from './organization-types.ts';

export interface EntitlementInput {
  kind: EntitlementKind;
  code: string;
  name: string;
  quantity: number;
  startsAt?: string;
  endsAt?: string | null;
}

const seg = encodeURIComponent;

export function licenseOverviewEndpoints(send: Send, sendText: (path: string) => Promise<string>) {
  const seats = (scope: OrgScope, licenseId: string) => `${orgPath(scope)}/licenses/${seg(licenseId)}/seats`;
  return {
    licenseOverview: (scope: OrgScope) => send<LicenseOverview>('GET', `${orgPath(scope)}/license-overview`),
    /** The Users tab as CSV (plan feature REPORTING_EXPORT). */
    exportUserLicenses: (scope: OrgScope) => sendText(`${orgPath(scope)}/license-overview/users.csv`),
    /** Vendor only; organization tokens get CONTACT_ACCOUNT_MANAGER. */
    setPlan: (scope: OrgScope, plan: Plan) =>
      send<{ organizationId: string; plan: Plan }>('PUT', `${orgPath(scope)}/plan`, { plan }),

    listEntitlements: (scope: OrgScope, query?: Query) =>
      send<Page<OrgEntitlement>>('GET', withQuery(`${orgPath(scope)}/entitlements`, query)),
    createEntitlement: (scope: OrgScope, input: EntitlementInput) =>
      send<OrgEntitlement>('POST', `${orgPath(scope)}/entitlements`, input),
    updateEntitlement: (
      scope: OrgScope,
      entitlementId: string,
      input: Partial<Pick<EntitlementInput, 'name' | 'quantity' | 'startsAt' | 'endsAt'>>,
    ) => send<OrgEntitlement>('PATCH', `${orgPath(scope)}/entitlements/${seg(entitlementId)}`, input),
    deleteEntitlement: (scope: OrgScope, entitlementId: string) =>
      send<unknown>('DELETE', `${orgPath(scope)}/entitlements/${seg(entitlementId)}`),

    listSeats: (scope: OrgScope, licenseId: string, query?: Query) =>
      send<Page<Seat> & { license: SeatLicense }>('GET', withQuery(seats(scope, licenseId), query)),
    assignSeat: (scope: OrgScope, licenseId: string, personId: string) =>
      send<Seat>('POST', seats(scope, licenseId), { personId }),
    unassignSeat: (scope: OrgScope, licenseId: string, personId: string) =>
      send<unknown>('DELETE', `${seats(scope, licenseId)}/${seg(personId)}`),
    transferSeat: (scope: OrgScope, licenseId: string, fromPersonId: string, toPersonId: string) =>
      send<Seat>('POST', `${seats(scope, licenseId)}/transfer`, { fromPersonId, toPersonId }),
    seatUtilization: (scope: OrgScope) => send<SeatUtilization>('GET', `${orgPath(scope)}/seat-utilization`),
    personLicenses: (scope: OrgScope, personId: string) =>
      send<PersonLicenses>('GET', `${orgPath(scope)}/people/${seg(personId)}/licenses`),
    /** Self-service of a person-bound organization token. */
    myLicenses: () => send<PersonLicenses>('GET', '/v1/me/licenses'),
  };
}
