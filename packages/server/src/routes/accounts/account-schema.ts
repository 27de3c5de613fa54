// The public shape of a vendor account and the mapping from its row.
import type { AccountRow } from '@licentia/db';
import { Type } from 'typebox';
import { IdParam, Timestamp } from '../../http/schemas.ts';

export const AccountId = IdParam('Account', 'acct');

export const Account = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    isDefault: Type.Boolean({ description: 'The account whose JWKS is served at /.well-known/jwks.json' }),
    createdAt: Timestamp,
  },
  { $id: 'Account' },
);

export const AccountParams = Type.Object({ accountId: AccountId }, { additionalProperties: false });

export function toAccount(row: AccountRow) {
  return { id: row.id, name: row.name, isDefault: row.isDefault, createdAt: row.createdAt.toISOString() };
}
