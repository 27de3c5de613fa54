// The public shape of a policy (every member of the core Policy plus timestamps), its bodies and
// the mapping from its row. Bodies check JSON types; the core's validatePolicyInput judges values
// and cross-field consistency and reports every problem at once.
import { LICENSE_MODELS, OVERAGE_STRATEGIES, RENEW_FROM, TRIAL_STARTS_AT } from '@licentia/core';
import type { PolicyRow } from '@licentia/db';
import { type TLiteral, type TUnion, Type } from 'typebox';
import { IdParam, Nullable, PageQuery, Timestamp } from '../../http/schemas.ts';
import { AccountId } from '../accounts/account-schema.ts';
import { ProductId } from '../catalog/product-schema.ts';
import { FeatureValue } from '../catalog/release-feature-schema.ts';
import { Text } from '../catalog/text-schema.ts';

// Built from the core's closed lists so the API and the domain can never disagree.
type Literals<T extends readonly string[]> = { -readonly [K in keyof T]: TLiteral<T[K]> };
function oneOf<const T extends readonly string[]>(values: T): TUnion<Literals<T>> {
  return Type.Union(values.map((v) => Type.Literal(v))) as unknown as TUnion<Literals<T>>;
}
export const LicenseModel = oneOf(LICENSE_MODELS);
export const PolicyId = IdParam('Policy', 'pol');
const Duration = (description: string) =>
  Nullable(Text({ maxLength: 64, description: `ISO 8601 duration: ${description}` }));
const Limit = (description: string) => Nullable(Type.Integer({ description }));

export const Entitlement = Type.Object(
  { code: Text({ maxLength: 200 }), value: Type.Optional(FeatureValue) },
  { additionalProperties: false },
);

/** Every member of a policy's terms, as the core's PolicyInput names them. */
const terms = {
  name: Text({ maxLength: 400 }),
  model: LicenseModel,
  durationIso: Duration('license duration (P1Y); null = never expires'),
  maintenanceDurationIso: Duration('maintenance after issue; null = no version gating'),
  gracePeriodIso: Duration('valid with a warning after expiry'),
  maxMachines: Limit('null = unlimited; seats for FLOATING'),
  maxUsers: Limit('null = unlimited'),
  overage: oneOf(OVERAGE_STRATEGIES),
  heartbeatIntervalSeconds: Limit('null = no heartbeat'),
  allowedCountries: Type.Array(Text({ maxLength: 100 }), { maxItems: 300 }),
  allowedDepartments: Type.Array(Text({ maxLength: 200 }), { maxItems: 300 }),
  versionRange: Nullable(Text({ maxLength: 200, description: 'semver range, e.g. >=2.0.0 <3.0.0' })),
  entitlements: Type.Array(Entitlement, { maxItems: 500 }),
  priceCents: Limit('price per billing period per seat in cents'),
  billingPeriodIso: Duration('billing period'),
  renewFrom: oneOf(RENEW_FROM),
  trialStartsAt: oneOf(TRIAL_STARTS_AT),
  maxBorrowHours: Limit('FLOATING: longest offline borrow'),
};

type Terms = typeof terms;
const optional = <K extends keyof Terms>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, Type.Optional(terms[k])])) as {
    [P in K]: ReturnType<typeof Type.Optional<Terms[P]>>;
  };
const { name, model, ...rest } = terms;
const restKeys = Object.keys(rest) as (keyof typeof rest)[];

export const Policy = Type.Object(
  {
    id: Type.String(),
    accountId: Type.String(),
    productId: Type.String(),
    ...terms,
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'Policy' },
);

export const PolicyBody = Type.Object(
  { productId: ProductId, name, model, ...optional(restKeys) },
  { additionalProperties: false },
);

/** Any member of the terms; the product of a policy is fixed (its licenses belong to it). */
export const PolicyPatch = Type.Object(optional(Object.keys(terms) as (keyof Terms)[]), {
  additionalProperties: false,
  minProperties: 1,
});

export const PolicyParams = Type.Object(
  { accountId: AccountId, policyId: PolicyId },
  { additionalProperties: false },
);

export const PolicyListQuery = Type.Object(
  {
    limit: PageQuery.properties.limit,
    cursor: Type.Optional(PolicyId),
    productId: Type.Optional(ProductId),
    model: Type.Optional(LicenseModel),
  },
  { additionalProperties: false },
);

/** The terms of a stored policy, without ids and timestamps. */
export function termsOf(row: PolicyRow) {
  const { id: _id, accountId: _a, productId: _p, createdAt: _c, updatedAt: _u, ...value } = row;
  return value;
}

export function toPolicy(row: PolicyRow) {
  return { ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}
