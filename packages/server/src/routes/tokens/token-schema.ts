// The public shape of an API token (never its secret, which is returned once at creation).
import type { TokenRow } from '@licentia/db';
import { Type } from 'typebox';
import { IdParam, Nullable, Timestamp } from '../../http/schemas.ts';

export const TokenId = IdParam('Token', 'tok');
export const TokenKind = Type.Union([
  Type.Literal('operator'),
  Type.Literal('account'),
  Type.Literal('organization'),
  Type.Literal('product'),
]);

export const Token = Type.Object(
  {
    id: Type.String(),
    kind: TokenKind,
    accountId: Nullable(Type.String()),
    organizationId: Nullable(Type.String()),
    productId: Nullable(Type.String()),
    personId: Nullable(
      Type.String({ description: 'Organization tokens bound to a person act with its privileges' }),
    ),
    name: Type.String(),
    roles: Type.Array(Type.String()),
    hint: Type.String({ description: 'Prefix and first characters, to recognise the token' }),
    createdBy: Nullable(Type.String()),
    expiresAt: Nullable(Timestamp),
    revokedAt: Nullable(Timestamp),
    createdAt: Timestamp,
  },
  { $id: 'Token' },
);

export const TokenParams = Type.Object({ tokenId: TokenId }, { additionalProperties: false });

export function toToken(row: TokenRow) {
  return {
    ...row,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
