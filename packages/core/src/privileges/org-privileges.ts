// Privilege levels inside a customer organization (SUPERVISOR, LICENSING, REPORTING) and the
// privileges a principal holds: unbound organization tokens by role, person-bound ones by the
// person's grants capped by the role. Pure: the caller loads the person and their grants.
import type { Principal } from '../access/authorize.ts';
import type { Role } from '../access/roles.ts';

export const ORG_PRIVILEGES = ['SUPERVISOR', 'LICENSING', 'REPORTING'] as const;
/** SUPERVISOR manages privileges; LICENSING changes license data; REPORTING reads reports and packs. */
export type OrgPrivilege = (typeof ORG_PRIVILEGES)[number];

/** What each organization role may ever exercise, whoever holds the token. */
export const ROLE_PRIVILEGE_CAP: Readonly<Partial<Record<Role, readonly OrgPrivilege[]>>> = {
  'org-admin': ORG_PRIVILEGES,
  'org-read': ['REPORTING'],
};

/** The person a token is bound to, as loaded at request time (absent when the person was deleted). */
export interface BoundPerson {
  organizationId: string;
  status: 'ACTIVE' | 'DISABLED';
  privileges: readonly OrgPrivilege[];
}

export function isOrgPrivilege(value: unknown): value is OrgPrivilege {
  return typeof value === 'string' && (ORG_PRIVILEGES as readonly string[]).includes(value);
}

/** Privileges in the canonical order (SUPERVISOR, LICENSING, REPORTING), without duplicates. */
export function sortPrivileges(privileges: Iterable<OrgPrivilege>): OrgPrivilege[] {
  const set = new Set(privileges);
  return ORG_PRIVILEGES.filter((p) => set.has(p));
}

/** The union of the caps of the roles a token carries. */
export function privilegeCap(roles: readonly Role[]): Set<OrgPrivilege> {
  const cap = new Set<OrgPrivilege>();
  for (const role of roles) for (const p of ROLE_PRIVILEGE_CAP[role] ?? []) cap.add(p);
  return cap;
}

/**
 * The organization privileges of an organization-token principal.
 * Unbound org-admin → all three; unbound org-read → REPORTING; person-bound → the person's grants
 * capped by the role. A bound person who is missing, disabled or of another organization holds none
 * (fail closed). Vendor and operator tokens are not judged here: they act through permissions.
 * @example
 * effectivePrivileges({ …orgRead, personId: 'person_1' }, { organizationId: 'org_1', status: 'ACTIVE',
 *   privileges: ['LICENSING', 'REPORTING'] }) // → Set { 'REPORTING' }
 */
export function effectivePrivileges(
  principal: Pick<Principal, 'kind' | 'roles' | 'organizationId' | 'personId'>,
  person?: BoundPerson | null,
): Set<OrgPrivilege> {
  if (principal.kind !== 'organization') return new Set();
  const cap = privilegeCap(principal.roles);
  if (!principal.personId) return cap;
  if (person?.status !== 'ACTIVE' || person.organizationId !== principal.organizationId) {
    return new Set();
  }
  return new Set(person.privileges.filter((p) => cap.has(p)));
}

/** True when the holder has at least one of the accepted privileges. */
export function holdsAny(held: ReadonlySet<OrgPrivilege>, accepted: readonly OrgPrivilege[]): boolean {
  return accepted.some((p) => held.has(p));
}

/**
 * May this principal mint an organization token bound to `personId` (null: unbound)? A person-bound
 * principal only for its own person: an unbound token would hold every privilege of its role, and a
 * token of another person would act as them.
 */
export function mayBindPerson(principal: Pick<Principal, 'personId'>, personId: string | null): boolean {
  return !principal.personId || principal.personId === personId;
}
