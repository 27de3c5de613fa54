// What the signed-in token may do, used only to decide which pages and buttons to show. It mirrors
// the role table of @licentia/core; the server stays the authority and refuses anything else.
import type { Me, TokenKind } from '../../api/api-types.ts';

export type Permission =
  | 'account:read'
  | 'account:manage'
  | 'organization:read'
  | 'organization:write'
  | 'token:read'
  | 'token:write'
  | 'audit:read'
  | 'signing-key:write'
  | 'catalog:read'
  | 'catalog:write'
  | 'license:read'
  | 'license:write'
  | 'approval:decide'
  | 'machine:write'
  | 'floating:write'
  | 'license:validate';

const READS: Permission[] = [
  'account:read',
  'organization:read',
  'token:read',
  'audit:read',
  'catalog:read',
  'license:read',
];
const ALL: Permission[] = [
  ...READS,
  'account:manage',
  'organization:write',
  'token:write',
  'signing-key:write',
  'catalog:write',
  'license:write',
  'approval:decide',
  'machine:write',
  'floating:write',
  'license:validate',
];
// Vendor-side roles never validate as a licensed app would; product tokens do that.
const VENDOR = ALL.filter((p) => p !== 'license:validate');

const ROLE_PERMISSIONS: Record<string, readonly Permission[]> = {
  operator: ALL,
  admin: VENDOR.filter((p) => p !== 'account:manage'),
  developer: [
    ...READS,
    'organization:write',
    'catalog:write',
    'license:write',
    'machine:write',
    'floating:write',
  ],
  'read-only': READS,
  'org-admin': [
    'organization:read',
    'organization:write',
    'token:read',
    'token:write',
    'license:read',
    'machine:write',
    'floating:write',
  ],
  'org-read': ['organization:read', 'license:read'],
  'licensed-app': ['license:validate', 'machine:write'],
};

/** Roles a token of each kind may carry, in the order the create form lists them. */
export const ROLES_BY_KIND: Record<TokenKind, readonly string[]> = {
  operator: ['operator'],
  account: ['admin', 'developer', 'read-only'],
  organization: ['org-admin', 'org-read'],
  product: ['licensed-app'],
};

export const ROLE_DESCRIPTIONS: Record<string, string> = {
  operator: 'Everything, across all accounts',
  admin: 'Full control of the account',
  developer: 'Read everything, manage organizations, the catalog, licenses and machines',
  'read-only': 'Read everything',
  'org-admin': 'Manage one organization, its tokens and its machines; read its licenses',
  'org-read': 'Read one organization and its licenses',
  'licensed-app': 'Validate licenses and activate machines of one product',
};

export function permissionsOf(roles: readonly string[]): ReadonlySet<Permission> {
  const granted = new Set<Permission>();
  for (const role of roles) for (const p of ROLE_PERMISSIONS[role] ?? []) granted.add(p);
  return granted;
}

/**
 * Token kinds the caller may mint: the operator any kind, an account token account and
 * organization tokens, an organization token only organization tokens of its own organization.
 */
export function grantableKinds(me: Me): TokenKind[] {
  if (me.kind === 'operator') return ['account', 'organization', 'operator'];
  if (me.kind === 'account') return ['account', 'organization'];
  return ['organization'];
}

/** A short human label for the signed-in principal, shown in the header. */
export function describePrincipal(me: Me): { title: string; subtitle: string } {
  if (me.kind === 'operator') return { title: 'Operator', subtitle: 'All accounts' };
  if (me.kind === 'account') {
    return {
      title: me.accountName ?? me.accountId ?? 'Account',
      subtitle: `Account · ${me.roles.join(', ')}`,
    };
  }
  if (me.kind === 'product') {
    return {
      title: 'Licensed app',
      subtitle: `${me.accountName ?? 'Product token'} · ${me.roles.join(', ')}`,
    };
  }
  return {
    title: me.organizationName ?? me.organizationId ?? 'Organization',
    subtitle: `${me.accountName ?? 'Organization'} · ${me.roles.join(', ')}`,
  };
}
