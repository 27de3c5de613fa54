// Names for the ids a license carries (organization, product, policy), loaded once per account
// and only where the token may read them: organization tokens see ids for the vendor's catalog.
import type { Organization, Page, Policy, Product } from '../../api/api-types.ts';
import { useResource } from '../../ui/use-resource.ts';
import { useSignedIn } from '../auth/session.tsx';

export interface LicenseLookups {
  organizations: Organization[];
  products: Product[];
  policies: Policy[];
  name(kind: 'organization' | 'product' | 'policy', id: string): string;
}

const none = <T>(): Promise<Page<T>> => Promise.resolve({ data: [], nextCursor: null });

export function useLicenseLookups(accountId: string): LicenseLookups {
  const { api, can } = useSignedIn();
  const catalog = Boolean(accountId) && can('catalog:read');
  const orgs = useResource(
    () =>
      accountId && can('organization:read')
        ? api.listOrganizations(accountId, { limit: 200 })
        : none<Organization>(),
    `lookup-orgs:${accountId}`,
  );
  const products = useResource(
    () => (catalog ? api.listProducts(accountId, { limit: 200 }) : none<Product>()),
    `lookup-products:${accountId}`,
  );
  const policies = useResource(
    () => (catalog ? api.listPolicies(accountId, { limit: 200 }) : none<Policy>()),
    `lookup-policies:${accountId}`,
  );
  const organizations = orgs.data?.data ?? [];
  const productList = products.data?.data ?? [];
  const policyList = policies.data?.data ?? [];
  const names = new Map<string, string>([
    ...organizations.map((o) => [o.id, o.name] as const),
    ...productList.map((p) => [p.id, p.name] as const),
    ...policyList.map((p) => [p.id, p.name] as const),
  ]);
  return {
    organizations,
    products: productList,
    policies: policyList,
    name: (_kind, id) => names.get(id) ?? id,
  };
}
