// The public shape of an environment (with the products it is licensed for) and its inputs.
import type { EnvironmentProducts } from '@licentia/core';
import type { EnvironmentRow } from '@licentia/db';
import { Type } from 'typebox';
import { IdParam, Nullable, Timestamp } from '../../http/schemas.ts';
import { AccountId } from '../accounts/account-schema.ts';
import { OrganizationId } from '../organizations/organization-schema.ts';

export const EnvironmentId = IdParam('Environment', 'env');
export const EnvironmentKind = Type.Union([
  Type.Literal('PRODUCTION'),
  Type.Literal('TEST'),
  Type.Literal('TRAINING'),
  Type.Literal('STORAGE'),
]);

export const Environment = Type.Object(
  {
    id: Type.String(),
    organizationId: Type.String(),
    name: Type.String(),
    kind: EnvironmentKind,
    productionEnvironmentId: Nullable(Type.String()),
    licensedThroughId: Nullable(
      Type.String({ description: 'The production environment whose licenses apply (null for STORAGE)' }),
    ),
    products: Type.Array(Type.Object({ productId: Type.String(), productName: Type.String() }), {
      description: 'Products this environment is licensed for; test and training copies borrow production',
    }),
    createdAt: Timestamp,
  },
  { $id: 'Environment' },
);

export const EnvironmentParams = Type.Object(
  { accountId: AccountId, organizationId: OrganizationId, environmentId: EnvironmentId },
  { additionalProperties: false },
);

export const CreateEnvironmentBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    kind: EnvironmentKind,
    productionEnvironmentId: Type.Optional(Nullable(EnvironmentId)),
  },
  { additionalProperties: false },
);

export const UpdateEnvironmentBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    productionEnvironmentId: Type.Optional(EnvironmentId),
  },
  { additionalProperties: false },
);

export function toEnvironment(
  row: EnvironmentRow,
  licensed: EnvironmentProducts | undefined,
  productNames: ReadonlyMap<string, string>,
) {
  return {
    id: row.id,
    organizationId: row.organizationId,
    name: row.name,
    kind: row.kind,
    productionEnvironmentId: row.productionEnvironmentId,
    licensedThroughId: licensed?.licensedThroughId ?? null,
    products: (licensed?.productIds ?? []).map((productId) => ({
      productId,
      productName: productNames.get(productId) ?? productId,
    })),
    createdAt: row.createdAt.toISOString(),
  };
}
