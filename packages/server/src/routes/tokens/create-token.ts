// POST /v1/tokens — mint an API token. The secret is in this response only; it is stored hashed.
// A caller can grant only roles it holds itself, inside its own tenant (see core mayGrant).
import { AppError, mayBindPerson, mayGrant, notFound, type Role, type Scope } from '@licentia/core';
import {
  accountRepository,
  organizationRepository,
  privilegeRepository,
  productRepository,
} from '@licentia/db';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import { type AppContext, mutate, principalOf } from '../../http/context.ts';
import { errorResponses, Timestamp } from '../../http/schemas.ts';
import { AccountId } from '../accounts/account-schema.ts';
import { OrganizationId } from '../organizations/organization-schema.ts';
import { issueToken } from './issue-token.ts';
import { Token, TokenKind, toToken } from './token-schema.ts';

const Body = Type.Object(
  {
    kind: TokenKind,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    roles: Type.Array(Type.String({ maxLength: 40 }), { minItems: 1, maxItems: 8, uniqueItems: true }),
    accountId: Type.Optional(AccountId),
    organizationId: Type.Optional(OrganizationId),
    productId: Type.Optional(
      Type.String({ pattern: '^prod_[0-9a-z]{26}$', description: 'For product tokens' }),
    ),
    expiresAt: Type.Optional(Timestamp),
    personId: Type.Optional(
      Type.String({
        pattern: '^person_[0-9a-z]{26}$',
        description: 'For organization tokens: act with this person’s privileges',
      }),
    ),
  },
  { additionalProperties: false },
);

export function createToken(app: App, ctx: AppContext): void {
  app.post(
    '/v1/tokens',
    {
      schema: {
        summary: 'Create an API token (the secret is shown once)',
        tags: ['tokens'],
        body: Body,
        response: { 201: Type.Object({ token: Token, secret: Type.String() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const body = request.body;
      const accountId = body.kind === 'operator' ? null : (body.accountId ?? principal.accountId);
      const organizationId =
        body.kind === 'organization' ? (body.organizationId ?? principal.organizationId) : null;
      if (body.kind !== 'operator' && !accountId)
        throw new AppError('INVALID_FIELD', 'accountId is required', { field: 'body.accountId' });
      const productId = body.kind === 'product' ? (body.productId ?? null) : null;
      if (body.kind === 'product' && !productId) {
        throw new AppError('INVALID_FIELD', 'productId is required', { field: 'body.productId' });
      }
      if (body.kind === 'organization' && !organizationId) {
        throw new AppError('INVALID_FIELD', 'organizationId is required', { field: 'body.organizationId' });
      }
      if (body.personId && body.kind !== 'organization')
        throw new AppError('INVALID_FIELD', 'personId is only for organization tokens', {
          field: 'body.personId',
        });
      // A person-bound caller mints tokens of its own person (given or implied), never unbound ones.
      const personId = body.kind === 'organization' ? (body.personId ?? principal.personId ?? null) : null;
      const expiresAt = body.expiresAt ? new Date(body.expiresAt) : null;
      if (expiresAt && expiresAt <= ctx.clock())
        throw new AppError('INVALID_FIELD', 'expiresAt must be in the future', { field: 'body.expiresAt' });
      const scope: Scope = { accountId, organizationId };
      const decision = mayGrant(principal, body.kind, body.roles as Role[], scope);
      if (decision === 'not-found')
        throw notFound(organizationId ? 'organization' : 'account', organizationId ?? accountId ?? '');
      if (decision === 'forbidden')
        throw new AppError(
          'FORBIDDEN',
          `This token may not grant ${body.kind} roles ${body.roles.join(', ')}`,
        );
      if (body.kind === 'organization' && !mayBindPerson(principal, personId))
        throw new AppError(
          'FORBIDDEN',
          'A token bound to a person may only create tokens bound to the same person',
        );

      const { row, secret } = await mutate(ctx, request, async (trx, audit) => {
        if (accountId && !(await accountRepository.get(trx, accountId))) throw notFound('account', accountId);
        if (
          accountId &&
          organizationId &&
          !(await organizationRepository.get(trx, accountId, organizationId))
        ) {
          throw notFound('organization', organizationId);
        }
        if (
          accountId &&
          organizationId &&
          personId &&
          !(await privilegeRepository.person(trx, accountId, organizationId, personId))
        ) {
          throw notFound('person', personId);
        }
        if (accountId && productId && !(await productRepository.get(trx, accountId, productId))) {
          throw notFound('product', productId);
        }
        return issueToken(ctx, trx, audit, {
          kind: body.kind,
          name: body.name,
          roles: body.roles as Role[],
          accountId,
          organizationId,
          productId,
          personId,
          expiresAt,
          createdBy: principal.tokenId,
        });
      });
      return reply.code(201).send({ token: toToken(row), secret });
    },
  );
}
