// Which organization a portal page works on and what the caller may do there. An organization
// token is bound to its organization; the vendor console passes the customer it opened instead.
// Privileges come from GET …/my-privileges so pages show only the actions that will work (the
// server still decides).
import type { ReactNode } from 'react';
import type { OrgPrivilege } from '../../api/change-request-endpoints.ts';
import type { OrgScope } from '../../api/organization-endpoints.ts';
import { EmptyState } from '../../ui/feedback.tsx';
import { useResource } from '../../ui/use-resource.ts';
import { useSignedIn } from '../auth/session.tsx';

/** The signed-in organization token's own organization, or null for other tokens. */
export function usePortalScope(): OrgScope | null {
  const { me } = useSignedIn();
  if (me.kind !== 'organization' || !me.accountId || !me.organizationId) return null;
  return { accountId: me.accountId, organizationId: me.organizationId };
}

/** Renders the page for the token's organization, or says that only organization tokens have one. */
export function PortalScoped(props: { children: (scope: OrgScope) => ReactNode }) {
  const scope = usePortalScope();
  if (!scope) {
    return (
      <EmptyState>This page belongs to the customer portal: sign in with an organization token.</EmptyState>
    );
  }
  return <>{props.children(scope)}</>;
}

export interface OrgAbilities {
  loaded: boolean;
  /** The person a person-bound token acts for. */
  personId: string | null;
  has(privilege: OrgPrivilege): boolean;
}

export function useOrgAbilities(scope: OrgScope): OrgAbilities {
  const { api } = useSignedIn();
  const mine = useResource(
    () => api.myPrivileges(scope),
    `my-privileges:${scope.accountId}:${scope.organizationId}`,
  );
  const held = new Set(mine.data?.privileges ?? []);
  return {
    loaded: mine.data !== undefined,
    personId: mine.data?.personId ?? null,
    has: (privilege) => held.has(privilege),
  };
}
