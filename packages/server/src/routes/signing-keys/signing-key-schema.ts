// Public view of a signing key: its JWK (public half only) and rotation state.
import type { SigningKeyRow } from '@licentia/db';
import { Type } from 'typebox';
import { IdParam, Nullable, Timestamp } from '../../http/schemas.ts';
import { toJwk } from '../../signing/key-vault.ts';
import { AccountId } from '../accounts/account-schema.ts';

export const Jwk = Type.Object({
  kty: Type.Literal('OKP'),
  crv: Type.Literal('Ed25519'),
  x: Type.String(),
  kid: Type.String(),
  alg: Type.Literal('EdDSA'),
  use: Type.Literal('sig'),
});

export const Jwks = Type.Object({ keys: Type.Array(Jwk) }, { description: 'JSON Web Key Set (RFC 7517)' });

export const SigningKey = Type.Object({
  kid: Type.String(),
  status: Type.Union([Type.Literal('ACTIVE'), Type.Literal('VERIFY_ONLY'), Type.Literal('RETIRED')]),
  jwk: Jwk,
  createdAt: Timestamp,
  rotatedAt: Nullable(Timestamp),
  retiredAt: Nullable(Timestamp),
});

export const SigningKeyParams = Type.Object(
  { accountId: AccountId, kid: IdParam('Signing key', 'key') },
  { additionalProperties: false },
);

export function toSigningKey(row: SigningKeyRow) {
  return {
    kid: row.id,
    status: row.status,
    jwk: toJwk(row),
    createdAt: row.createdAt.toISOString(),
    rotatedAt: row.rotatedAt?.toISOString() ?? null,
    retiredAt: row.retiredAt?.toISOString() ?? null,
  };
}
