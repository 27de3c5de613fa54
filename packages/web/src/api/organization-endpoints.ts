// The customer-organization administration part of the API client: environments, people with their
// environment accounts, and permission groups with their members (docs/customer-organizations.md).
import type { Organization, Page } from './api-types.ts';
import { type Query, type Send, withQuery } from './licensing-endpoints.ts';
import type {
  Environment,
  EnvironmentKind,
  PermissionGroup,
  Person,
  PersonDetail,
  PersonStatus,
  UserLicenseType,
} from './organization-types.ts';

/** The organization a portal page works on: a vendor account and one of its customers. */
export interface OrgScope {
  accountId: string;
  organizationId: string;
}

const seg = encodeURIComponent;

/** `/v1/accounts/{a}/organizations/{o}`, the prefix of every organization route. */
export function orgPath(scope: OrgScope): string {
  return `/v1/accounts/${seg(scope.accountId)}/organizations/${seg(scope.organizationId)}`;
}

export interface PersonInput {
  username: string;
  email: string;
  name: string;
  status?: PersonStatus;
  environmentIds?: string[];
}

export function organizationEndpoints(send: Send) {
  return {
    getOrganization: (scope: OrgScope) => send<Organization>('GET', orgPath(scope)),
    listEnvironments: (scope: OrgScope, query?: Query) =>
      send<Page<Environment>>('GET', withQuery(`${orgPath(scope)}/environments`, query)),
    createEnvironment: (
      scope: OrgScope,
      input: { name: string; kind: EnvironmentKind; productionEnvironmentId?: string | null },
    ) => send<Environment>('POST', `${orgPath(scope)}/environments`, input),
    updateEnvironment: (
      scope: OrgScope,
      environmentId: string,
      input: { name?: string; productionEnvironmentId?: string },
    ) => send<Environment>('PATCH', `${orgPath(scope)}/environments/${seg(environmentId)}`, input),
    deleteEnvironment: (scope: OrgScope, environmentId: string) =>
      send<unknown>('DELETE', `${orgPath(scope)}/environments/${seg(environmentId)}`),
    /** Vendor only: install a product license in a production environment (null uninstalls). */
    installLicense: (scope: OrgScope, licenseId: string, environmentId: string | null) =>
      send<{ licenseId: string; environmentId: string | null }>(
        'PUT',
        `${orgPath(scope)}/licenses/${seg(licenseId)}/environment`,
        { environmentId },
      ),

    listPeople: (scope: OrgScope, query?: Query) =>
      send<Page<Person>>('GET', withQuery(`${orgPath(scope)}/people`, query)),
    getPerson: (scope: OrgScope, personId: string) =>
      send<PersonDetail>('GET', `${orgPath(scope)}/people/${seg(personId)}`),
    createPerson: (scope: OrgScope, input: PersonInput) =>
      send<PersonDetail>('POST', `${orgPath(scope)}/people`, input),
    updatePerson: (scope: OrgScope, personId: string, input: Partial<Omit<PersonInput, 'environmentIds'>>) =>
      send<PersonDetail>('PATCH', `${orgPath(scope)}/people/${seg(personId)}`, input),
    deletePerson: (scope: OrgScope, personId: string) =>
      send<unknown>('DELETE', `${orgPath(scope)}/people/${seg(personId)}`),
    addEnvironmentAccount: (scope: OrgScope, personId: string, environmentId: string) =>
      send<PersonDetail>(
        'PUT',
        `${orgPath(scope)}/people/${seg(personId)}/environments/${seg(environmentId)}`,
      ),
    removeEnvironmentAccount: (scope: OrgScope, personId: string, environmentId: string) =>
      send<unknown>('DELETE', `${orgPath(scope)}/people/${seg(personId)}/environments/${seg(environmentId)}`),

    listPermissionGroups: (scope: OrgScope, query?: Query) =>
      send<Page<PermissionGroup>>('GET', withQuery(`${orgPath(scope)}/permission-groups`, query)),
    createPermissionGroup: (
      scope: OrgScope,
      input: { environmentId: string; name: string; userLicenseType: UserLicenseType },
    ) => send<PermissionGroup>('POST', `${orgPath(scope)}/permission-groups`, input),
    updatePermissionGroup: (
      scope: OrgScope,
      groupId: string,
      input: { name?: string; userLicenseType?: UserLicenseType },
    ) => send<PermissionGroup>('PATCH', `${orgPath(scope)}/permission-groups/${seg(groupId)}`, input),
    deletePermissionGroup: (scope: OrgScope, groupId: string) =>
      send<unknown>('DELETE', `${orgPath(scope)}/permission-groups/${seg(groupId)}`),
    listGroupMembers: (scope: OrgScope, groupId: string, query?: Query) =>
      send<Page<Person>>(
        'GET',
        withQuery(`${orgPath(scope)}/permission-groups/${seg(groupId)}/members`, query),
      ),
    addGroupMember: (scope: OrgScope, groupId: string, personId: string) =>
      send<PermissionGroup>(
        'PUT',
        `${orgPath(scope)}/permission-groups/${seg(groupId)}/members/${seg(personId)}`,
      ),
    removeGroupMember: (scope: OrgScope, groupId: string, personId: string) =>
      send<unknown>('DELETE', `${orgPath(scope)}/permission-groups/${seg(groupId)}/members/${seg(personId)}`),
  };
}
