// Mint a token: random secret, SHA-256 stored, audit event in the same transaction. Shared by the
// POST /v1/tokens route and the first-start bootstrap (which may bring its own secret).
import { formatToken, type Role, type TokenKind, tokenHint } from '@licentia/core';
import { type Schema, type TokenRow, tokenRepository } from '@licentia/db';
import type { Transaction } from 'kysely';
import { hashToken } from '../../http/authenticate.ts';
import type { AppContext, AuditEntry } from '../../http/context.ts';

export interface TokenRequest {
  kind: TokenKind;
  name: string;
  roles: Role[];
  accountId: string | null;
  organizationId: string | null;
  productId: string | null;
  /** Binds an organization token to a person of its organization (their privileges apply). */
  personId?: string | null;
  expiresAt: Date | null;
  createdBy: string | null;
}

export async function issueToken(
  ctx: AppContext,
  trx: Transaction<Schema>,
  audit: (entry: AuditEntry) => Promise<void>,
  request: TokenRequest,
  presetSecret?: string,
): Promise<{ row: TokenRow; secret: string }> {
  const secret = presetSecret ?? formatToken(request.kind, ctx.randomBytes(32));
  const row = await tokenRepository.insert(trx, {
    id: ctx.newId('token'),
    ...request,
    tokenHash: hashToken(secret),
    hint: tokenHint(secret),
  });
  await audit({
    chainId: request.accountId ?? 'system',
    action: 'token.created',
    targetType: 'token',
    targetId: row.id,
    changes: {
      kind: row.kind,
      name: row.name,
      roles: row.roles,
      organizationId: row.organizationId,
      ...(row.personId ? { personId: row.personId } : {}),
      expiresAt: row.expiresAt,
    },
  });
  return { row, secret };
}
