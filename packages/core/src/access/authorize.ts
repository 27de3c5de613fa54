// The pure access decision: may this principal perform this permission on a resource in this scope?
// A principal that may not even see the scope gets 'not-found' (rendered as the same 404 as a
// missing resource), one that sees it but lacks the permission gets 'forbidden'.
import { type Permission, permissionsOf, ROLES_BY_KIND, type Role, type TokenKind } from './roles.ts';

export interface Principal {
  kind: TokenKind;
  tokenId: string;
  roles: readonly Role[];
  /** Set for account and organization tokens. */
  accountId: string | null;
  /** Set for organization tokens. */
  organizationId: string | null;
  /** Set for product tokens (licensed apps). */
  productId?: string | null;
  /** Set for organization tokens bound to a person: their privileges are the person's (core privileges/). */
  personId?: string | null;
}

/** Where a resource lives; absent members mean "deployment-wide". */
export interface Scope {
  accountId?: string | null;
  organizationId?: string | null;
  productId?: string | null;
}

export type Decision = 'allow' | 'forbidden' | 'not-found';

/** True when the principal's tenant contains the scope. */
export function canSee(principal: Principal, scope: Scope): boolean {
  if (principal.kind === 'operator') return true;
  if (!scope.accountId || scope.accountId !== principal.accountId) return false;
  if (principal.kind === 'organization') return scope.organizationId === principal.organizationId;
  if (principal.kind === 'product') return scope.productId === principal.productId;
  return true;
}

/**
 * Decide one action.
 * @example authorize(p, 'organization:write', { accountId: 'acct_…' }) // 'allow'
 */
export function authorize(principal: Principal, permission: Permission, scope: Scope): Decision {
  if (!canSee(principal, scope)) return 'not-found';
  return permissionsOf(principal.roles).has(permission) ? 'allow' : 'forbidden';
}

/**
 * A principal may mint a token only inside its own scope and only with roles it could exercise:
 * no privilege escalation through token creation.
 */
export function mayGrant(
  principal: Principal,
  kind: TokenKind,
  roles: readonly Role[],
  scope: Scope,
): Decision {
  const visible = kind === 'operator' ? principal.kind === 'operator' : canSee(principal, scope);
  if (!visible) return principal.kind === 'operator' ? 'forbidden' : 'not-found';
  if (roles.length === 0 || roles.some((r) => !ROLES_BY_KIND[kind].includes(r))) return 'forbidden';
  if (principal.kind === 'operator') return 'allow';
  const mine = permissionsOf(principal.roles);
  if (!mine.has('token:write')) return 'forbidden';
  // Product tokens are embedded in licensed apps; whoever may issue licenses may mint them.
  if (kind === 'product') return mine.has('license:write') ? 'allow' : 'forbidden';
  const wanted = permissionsOf(roles);
  for (const p of wanted) if (!mine.has(p)) return 'forbidden';
  return 'allow';
}
