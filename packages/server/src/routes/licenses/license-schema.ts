// Public shapes of licenses and their request bodies (the License JSON of docs/licensing-contract.md).
import { LICENSE_MODELS, LICENSE_STATUSES, OVERAGE_STRATEGIES } from '@licentia/core';
import type { FastifyRequest } from 'fastify';
import { type TLiteral, type TUnion, Type } from 'typebox';
import { IdParam, Nullable, PageQuery, Timestamp } from '../../http/schemas.ts';
import { LICENSE_STATES } from '../../licensing/license-view.ts';
import { AccountId } from '../accounts/account-schema.ts';

export const LicenseId = IdParam('License', 'lic');
export const PolicyId = IdParam('Policy', 'pol');
type Literals<T extends readonly string[]> = { -readonly [K in keyof T]: TLiteral<T[K]> };
/** A union of string literals that keeps its static type (so responses type-check). */
export function literals<const T extends readonly string[]>(values: T): TUnion<Literals<T>> {
  return Type.Union(values.map((v) => Type.Literal(v))) as unknown as TUnion<Literals<T>>;
}

export const LicenseParams = Type.Object(
  { accountId: AccountId, licenseId: LicenseId },
  { additionalProperties: false },
);

const Limit = Nullable(Type.Integer({ minimum: 1, maximum: 1_000_000_000 }));
const FeatureValue = Type.Union([Type.Number(), Type.String({ maxLength: 200 }), Type.Boolean()]);
const Entitlement = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 100 }), value: Type.Optional(FeatureValue) },
  { additionalProperties: false },
);

/** Shape only; the core (validateLicenseOverrides) checks countries, ranges and duplicates. */
export const Overrides = Type.Object(
  {
    maxMachines: Type.Optional(Limit),
    maxUsers: Type.Optional(Limit),
    overage: Type.Optional(literals(OVERAGE_STRATEGIES)),
    entitlements: Type.Optional(Type.Array(Entitlement, { maxItems: 200 })),
    allowedCountries: Type.Optional(Type.Array(Type.String({ maxLength: 2 }), { maxItems: 250 })),
    allowedDepartments: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 200 })),
    versionRange: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  },
  { additionalProperties: false },
);

export const Fingerprint = Type.String({
  pattern: '^[0-9a-f]{64}$',
  description: 'Machine fingerprint (64 hex)',
});

export const IssueLicenseBody = Type.Object(
  {
    policyId: PolicyId,
    organizationId: IdParam('Organization', 'org'),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    startsAt: Type.Optional(Timestamp),
    overrides: Type.Optional(Overrides),
    boundFingerprints: Type.Optional(Type.Array(Fingerprint, { maxItems: 1000, uniqueItems: true })),
    metadata: Type.Optional(
      Type.Record(Type.String({ maxLength: 100 }), Type.Unknown(), { maxProperties: 50 }),
    ),
  },
  { additionalProperties: false },
);

export const LicenseQuery = Type.Object(
  {
    ...PageQuery.properties,
    organizationId: Type.Optional(IdParam('Organization', 'org')),
    productId: Type.Optional(IdParam('Product', 'prod')),
    policyId: Type.Optional(PolicyId),
    status: Type.Optional(literals(LICENSE_STATUSES)),
    model: Type.Optional(literals(LICENSE_MODELS)),
    q: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: 'Searches name, id and key hint' }),
    ),
  },
  { additionalProperties: false },
);

/**
 * Route option for an optional JSON body: a POST without one validates as `{}` (the schema still
 * refuses anything else), so `POST …/suspend` works with or without `{ "reason": … }`.
 */
export const optionalBody = {
  preValidation: async (request: FastifyRequest) => {
    if (request.body === undefined || request.body === null) request.body = {};
  },
};

export const ReasonBody = Type.Object(
  { reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })) },
  { additionalProperties: false },
);

export const License = Type.Object({
  id: Type.String(),
  accountId: Type.String(),
  organizationId: Type.String(),
  productId: Type.String(),
  policyId: Type.String(),
  name: Nullable(Type.String()),
  status: literals(LICENSE_STATUSES),
  model: literals(LICENSE_MODELS),
  issuedAt: Timestamp,
  startsAt: Timestamp,
  expiresAt: Nullable(Timestamp),
  maintenanceEndsAt: Nullable(Timestamp),
  trialActivatedAt: Nullable(Timestamp),
  overrides: Type.Record(Type.String(), Type.Unknown()),
  boundFingerprints: Type.Array(Type.String()),
  metadata: Type.Record(Type.String(), Type.Unknown()),
  keyHint: Type.String(),
  lastValidatedAt: Nullable(Timestamp),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  state: literals(LICENSE_STATES),
});

export const Amendment = Type.Object({
  id: Nullable(Type.String({ description: 'null for a preview' })),
  licenseId: Type.String(),
  kind: literals(['UPGRADE', 'DOWNGRADE', 'SEAT_CHANGE', 'RENEWAL', 'TRIAL_CONVERSION'] as const),
  fromPolicyId: Nullable(Type.String()),
  toPolicyId: Nullable(Type.String()),
  creditCents: Type.Integer(),
  chargeCents: Type.Integer(),
  netCents: Type.Integer({ description: 'charge − credit: positive = the customer pays' }),
  termStart: Nullable(Timestamp),
  termEnd: Nullable(Timestamp),
  details: Type.Record(Type.String(), Type.Unknown()),
  createdAt: Nullable(Timestamp),
});

export const LicenseWithAmendment = Type.Object({ license: License, amendment: Amendment });
