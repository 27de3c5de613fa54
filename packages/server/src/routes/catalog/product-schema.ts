// The public shape of a catalog product, its request bodies and the mapping from its row.
// Bodies check JSON types only; the core's validateProductInput judges the values (all at once).
import type { ProductRow } from '@licentia/db';
import { Type } from 'typebox';
import { IdParam, PageQuery, Timestamp } from '../../http/schemas.ts';
import { AccountId } from '../accounts/account-schema.ts';
import { Text } from './text-schema.ts';

export const ProductId = IdParam('Product', 'prod');
export const ProductKind = Type.Union([Type.Literal('BASE'), Type.Literal('ADD_ON')]);
const Audience = Type.Union([Type.Literal('INTERNAL'), Type.Literal('EXTERNAL')]);

export const Product = Type.Object(
  {
    id: Type.String(),
    accountId: Type.String(),
    code: Type.String(),
    name: Type.String(),
    kind: ProductKind,
    requiresProductIds: Type.Array(Type.String()),
    generation: Type.Integer(),
    rank: Type.Integer(),
    audience: Audience,
    createdAt: Timestamp,
  },
  { $id: 'Product' },
);

export const ProductParams = Type.Object(
  { accountId: AccountId, productId: ProductId },
  { additionalProperties: false },
);

const editable = {
  code: Text({ maxLength: 200, description: 'Lowercase slug, unique in the account' }),
  name: Text({ maxLength: 400 }),
  requiresProductIds: Type.Array(ProductId, {
    maxItems: 100,
    description: 'For ADD_ON: base products of the same account, one of which must be licensed too',
  }),
  generation: Type.Integer({ description: 'License generation (≥ 1)' }),
  rank: Type.Integer({ description: 'Higher rank wins when licenses overlap (≥ 0)' }),
  audience: Audience,
};

export const ProductBody = Type.Object(
  {
    code: editable.code,
    name: editable.name,
    kind: Type.Optional(ProductKind),
    requiresProductIds: Type.Optional(editable.requiresProductIds),
    generation: Type.Optional(editable.generation),
    rank: Type.Optional(editable.rank),
    audience: Type.Optional(editable.audience),
  },
  { additionalProperties: false },
);

/** Every member but the kind may change: add-ons and licenses depend on a product's kind. */
export const ProductPatch = Type.Object(
  {
    code: Type.Optional(editable.code),
    name: Type.Optional(editable.name),
    requiresProductIds: Type.Optional(editable.requiresProductIds),
    generation: Type.Optional(editable.generation),
    rank: Type.Optional(editable.rank),
    audience: Type.Optional(editable.audience),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const ProductListQuery = Type.Object(
  {
    limit: PageQuery.properties.limit,
    cursor: Type.Optional(ProductId),
    kind: Type.Optional(ProductKind),
  },
  { additionalProperties: false },
);

export function toProduct(row: ProductRow) {
  return { ...row, requiresProductIds: [...row.requiresProductIds], createdAt: row.createdAt.toISOString() };
}
