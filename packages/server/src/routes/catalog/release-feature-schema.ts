// The public shape of a product release and feature, their bodies and the mappings from rows.
import type { FeatureRow, ReleaseRow } from '@licentia/db';
import { Type } from 'typebox';
import { IdParam, Timestamp } from '../../http/schemas.ts';
import { AccountId } from '../accounts/account-schema.ts';
import { ProductId } from './product-schema.ts';
import { Text } from './text-schema.ts';

export const Release = Type.Object(
  {
    id: Type.String(),
    accountId: Type.String(),
    productId: Type.String(),
    version: Type.String({ description: 'Strict semantic version, e.g. 2.4.0' }),
    releasedAt: Timestamp,
    createdAt: Timestamp,
  },
  { $id: 'Release' },
);

export const ReleaseBody = Type.Object(
  {
    version: Text({ maxLength: 300, description: 'Strict semantic version without a "v" prefix' }),
    releasedAt: Text({ maxLength: 64, description: 'ISO 8601 date-time with a time zone' }),
  },
  { additionalProperties: false },
);

export const ReleaseParams = Type.Object(
  { accountId: AccountId, productId: ProductId, releaseId: IdParam('Release', 'rel') },
  { additionalProperties: false },
);

export function toRelease(row: ReleaseRow) {
  return { ...row, releasedAt: row.releasedAt.toISOString(), createdAt: row.createdAt.toISOString() };
}

export const FeatureValue = Type.Union([Type.Number(), Text({ maxLength: 200 }), Type.Boolean()], {
  description: 'Default value granted with the feature, e.g. a limit',
});

export const Feature = Type.Object(
  {
    id: Type.String(),
    accountId: Type.String(),
    productId: Type.String(),
    code: Type.String(),
    name: Type.String(),
    value: Type.Optional(FeatureValue),
    createdAt: Timestamp,
  },
  { $id: 'Feature' },
);

export const FeatureBody = Type.Object(
  {
    code: Text({ maxLength: 200, description: 'SCREAMING_SNAKE, unique per product' }),
    name: Text({ maxLength: 400 }),
    value: Type.Optional(FeatureValue),
  },
  { additionalProperties: false },
);

export const FeatureParams = Type.Object(
  { accountId: AccountId, productId: ProductId, featureId: IdParam('Feature', 'feat') },
  { additionalProperties: false },
);

export function toFeature(row: FeatureRow) {
  const { value, ...rest } = row;
  return { ...rest, ...(value === null ? {} : { value }), createdAt: row.createdAt.toISOString() };
}
