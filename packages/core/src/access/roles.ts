// Who may do what: the roles a token can carry and the permissions each role grants.
// The table is data so the docs, the OpenAPI descriptions and the tests can all read it.

export const PERMISSIONS = [
  'account:read',
  'account:manage', // create and delete vendor accounts: operator only
  'organization:read',
  'organization:write',
  'token:read',
  'token:write',
  'audit:read',
  'signing-key:write',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ACCOUNT_ROLES = ['admin', 'developer', 'read-only'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

export const ORGANIZATION_ROLES = ['org-admin', 'org-read'] as const;
export type OrganizationRole = (typeof ORGANIZATION_ROLES)[number];

export type TokenKind = 'operator' | 'account' | 'organization';
export type Role = 'operator' | AccountRole | OrganizationRole;

const ALL = new Set<Permission>(PERMISSIONS);
const READS = new Set<Permission>(PERMISSIONS.filter((p) => p.endsWith(':read')));

/** Permissions granted by each role, inside the scope the token is bound to. */
export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  operator: ALL,
  admin: new Set([...ALL].filter((p) => p !== 'account:manage')),
  developer: new Set<Permission>([...READS, 'organization:write']),
  'read-only': READS,
  'org-admin': new Set<Permission>(['organization:read', 'organization:write', 'token:read', 'token:write']),
  'org-read': new Set<Permission>(['organization:read']),
};

/** Roles a token of each kind may carry. */
export const ROLES_BY_KIND: Record<TokenKind, readonly Role[]> = {
  operator: ['operator'],
  account: ACCOUNT_ROLES,
  organization: ORGANIZATION_ROLES,
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  const granted = new Set<Permission>();
  for (const role of roles) for (const p of ROLE_PERMISSIONS[role]) granted.add(p);
  return granted;
}
