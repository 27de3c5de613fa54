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
  'catalog:read',
  'catalog:write', // products, releases, features, policies
  'license:read',
  'license:write', // issue, suspend, renew, amend, request transfers
  'approval:decide', // approve or reject transfers requested by someone else
  'machine:write', // activate and deactivate machines
  'floating:write', // force-remove floating leases, edit floating options
  'license:validate', // online validation and activation by a licensed application
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ACCOUNT_ROLES = ['admin', 'developer', 'read-only'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

export const ORGANIZATION_ROLES = ['org-admin', 'org-read'] as const;
export type OrganizationRole = (typeof ORGANIZATION_ROLES)[number];

export const PRODUCT_ROLES = ['licensed-app'] as const;
export type ProductRole = (typeof PRODUCT_ROLES)[number];

export type TokenKind = 'operator' | 'account' | 'organization' | 'product';
export type Role = 'operator' | AccountRole | OrganizationRole | ProductRole;

const ALL = new Set<Permission>(PERMISSIONS);
const READS = new Set<Permission>(PERMISSIONS.filter((p) => p.endsWith(':read')));
// Vendor-side roles never validate as a licensed app would; product tokens do that.
const VENDOR = new Set<Permission>(PERMISSIONS.filter((p) => p !== 'license:validate'));

/** Permissions granted by each role, inside the scope the token is bound to. */
export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  operator: ALL,
  admin: new Set([...VENDOR].filter((p) => p !== 'account:manage')),
  developer: new Set<Permission>([
    ...READS,
    'organization:write',
    'catalog:write',
    'license:write',
    'machine:write',
    'floating:write',
  ]),
  'read-only': READS,
  'org-admin': new Set<Permission>([
    'organization:read',
    'organization:write',
    'token:read',
    'token:write',
    'license:read',
    'machine:write',
    'floating:write',
  ]),
  'org-read': new Set<Permission>(['organization:read', 'license:read']),
  // A product token is embedded in licensed apps: it can validate and activate, nothing else.
  'licensed-app': new Set<Permission>(['license:validate', 'machine:write']),
};

/** Roles a token of each kind may carry. */
export const ROLES_BY_KIND: Record<TokenKind, readonly Role[]> = {
  operator: ['operator'],
  account: ACCOUNT_ROLES,
  organization: ORGANIZATION_ROLES,
  product: PRODUCT_ROLES,
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  const granted = new Set<Permission>();
  for (const role of roles) for (const p of ROLE_PERMISSIONS[role]) granted.add(p);
  return granted;
}
