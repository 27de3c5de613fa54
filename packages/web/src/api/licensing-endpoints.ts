// The licensing part of the API client: catalog, policies, licenses, machines and validation
// history of one vendor account. Kept apart from api-client.ts so each file stays one topic.
import type {
  Feature,
  FeatureValue,
  IssuedLicense,
  IssueLicenseInput,
  License,
  Machine,
  Page,
  Policy,
  PolicyInput,
  Product,
  ProductInput,
  Release,
  ValidationEvent,
} from './api-types.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Query = Record<string, string | number | null | undefined>;
export type Send = <T>(method: Method, path: string, body?: unknown) => Promise<T>;

/** The lifecycle steps a vendor can take on a license; renew answers `{license, amendment}`. */
export type LicenseAction = 'suspend' | 'reinstate' | 'revoke' | 'renew';

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== null && value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export function licensingEndpoints(send: Send) {
  const seg = encodeURIComponent;
  const account = (accountId: string) => `/v1/accounts/${seg(accountId)}`;
  const product = (accountId: string, productId: string) =>
    `${account(accountId)}/products/${seg(productId)}`;
  const license = (accountId: string, licenseId: string) =>
    `${account(accountId)}/licenses/${seg(licenseId)}`;

  return {
    listProducts: (accountId: string, query?: Query) =>
      send<Page<Product>>('GET', withQuery(`${account(accountId)}/products`, query)),
    getProduct: (accountId: string, productId: string) => send<Product>('GET', product(accountId, productId)),
    createProduct: (accountId: string, input: ProductInput) =>
      send<Product>('POST', `${account(accountId)}/products`, input),
    listReleases: (accountId: string, productId: string, query?: Query) =>
      send<Page<Release>>('GET', withQuery(`${product(accountId, productId)}/releases`, query)),
    createRelease: (accountId: string, productId: string, input: { version: string; releasedAt: string }) =>
      send<Release>('POST', `${product(accountId, productId)}/releases`, input),
    listFeatures: (accountId: string, productId: string, query?: Query) =>
      send<Page<Feature>>('GET', withQuery(`${product(accountId, productId)}/features`, query)),
    createFeature: (
      accountId: string,
      productId: string,
      input: { code: string; name: string; value?: FeatureValue },
    ) => send<Feature>('POST', `${product(accountId, productId)}/features`, input),
    listPolicies: (accountId: string, query?: Query) =>
      send<Page<Policy>>('GET', withQuery(`${account(accountId)}/policies`, query)),
    createPolicy: (accountId: string, input: PolicyInput) =>
      send<Policy>('POST', `${account(accountId)}/policies`, input),
    listLicenses: (accountId: string, query?: Query) =>
      send<Page<License>>('GET', withQuery(`${account(accountId)}/licenses`, query)),
    getLicense: (accountId: string, licenseId: string) => send<License>('GET', license(accountId, licenseId)),
    issueLicense: (accountId: string, input: IssueLicenseInput) =>
      send<IssuedLicense>('POST', `${account(accountId)}/licenses`, input),
    /** Reveals the human key; every reveal is an audit event on the server. */
    getLicenseKey: (accountId: string, licenseId: string) =>
      send<{ key: string }>('GET', `${license(accountId, licenseId)}/key`),
    getLicenseToken: (accountId: string, licenseId: string) =>
      send<{ token: string; kid: string }>('GET', `${license(accountId, licenseId)}/token`),
    changeLicense: async (accountId: string, licenseId: string, action: LicenseAction, reason?: string) => {
      const path = `${license(accountId, licenseId)}/${action}`;
      // Renew takes no body; the status steps take an optional reason.
      if (action === 'renew') return (await send<{ license: License }>('POST', path)).license;
      return send<License>('POST', path, reason ? { reason } : {});
    },
    listMachines: (accountId: string, licenseId: string, query?: Query) =>
      send<Page<Machine>>('GET', withQuery(`${license(accountId, licenseId)}/machines`, query)),
    removeMachine: (accountId: string, licenseId: string, machineId: string) =>
      send<Machine>('DELETE', `${license(accountId, licenseId)}/machines/${seg(machineId)}`),
    listValidations: (accountId: string, licenseId: string, query?: Query) =>
      send<Page<ValidationEvent>>('GET', withQuery(`${license(accountId, licenseId)}/validations`, query)),
  };
}
