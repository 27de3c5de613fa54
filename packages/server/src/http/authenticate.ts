// Bearer-token authentication: hash the presented token, look it up, refuse revoked or expired
// ones. Runs for every route not marked `config: { public: true }` and sets `request.principal`.
import { createHash } from 'node:crypto';
import { AppError, type Principal, parseTokenKind, type Role } from '@licentia/core';
import { personRepository, tokenRepository } from '@licentia/db';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from './context.ts';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    /** Route needs no API token (health, metrics, docs, JWKS, license-key validation …). */
    public?: boolean;
  }
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function authenticate(request: FastifyRequest, ctx: AppContext): Promise<Principal> {
  const header = request.headers.authorization;
  if (!header)
    throw new AppError('UNAUTHENTICATED', 'An API token is required: Authorization: Bearer <token>');
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  const token = match?.[1];
  // Malformed tokens are refused before touching the database.
  if (!token || !parseTokenKind(token)) throw new AppError('UNAUTHENTICATED', 'The API token is malformed');
  const hash = hashToken(token);
  const found = await ctx.principals.get(hash, async () => {
    const row = await tokenRepository.findByHash(ctx.db, hash);
    if (!row) return undefined;
    const principal: Principal = {
      kind: row.kind,
      tokenId: row.id,
      roles: row.roles as Role[],
      accountId: row.accountId,
      organizationId: row.organizationId,
      productId: row.productId,
      personId: row.personId,
    };
    return { principal, tokenExpiresAt: row.expiresAt, revoked: row.revokedAt !== null };
  });
  if (!found) throw new AppError('UNAUTHENTICATED', 'The API token is not valid');
  if (found.revoked) throw new AppError('UNAUTHENTICATED', 'The API token was revoked');
  if (found.tokenExpiresAt && found.tokenExpiresAt <= ctx.clock()) {
    throw new AppError('UNAUTHENTICATED', 'The API token has expired');
  }
  const { personId, accountId, organizationId } = found.principal;
  // A token acting for a person works only while the person is ACTIVE: read now, never cached, so
  // disabling someone stops their tokens at once (and enabling them again restores them).
  if (personId && accountId && organizationId) {
    const status = await personRepository.status(ctx.db, accountId, organizationId, personId);
    if (status !== 'ACTIVE') {
      throw status
        ? new AppError('PERSON_DISABLED', 'The person this token acts for is disabled in the organization')
        : new AppError('UNAUTHENTICATED', 'The API token is not valid');
    }
  }
  return found.principal;
}
