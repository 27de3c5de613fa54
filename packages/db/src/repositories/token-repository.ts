// API tokens: only the SHA-256 of a token is stored; the secret is shown once at creation.
// Lists and lookups take the tenant scope explicitly (account, and organization for org tokens).
import type { Kysely } from 'kysely';
import type { Schema } from '../schema.ts';
import { keysetPage } from './keyset-page.ts';
import type { Page, PageRequest } from './page.ts';

export interface TokenRow {
  id: string;
  kind: 'operator' | 'account' | 'organization' | 'product';
  accountId: string | null;
  organizationId: string | null;
  productId: string | null;
  /** Organization tokens bound to a person act with that person's privileges. */
  personId: string | null;
  name: string;
  roles: string[];
  hint: string;
  createdBy: string | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
}

/** Where a listing looks: everything (operator), one account, or one organization. */
export interface TokenScope {
  accountId?: string | null;
  organizationId?: string | null;
  productId?: string | null;
}

const columns = [
  'api_tokens.id',
  'api_tokens.kind',
  'api_tokens.account_id as accountId',
  'api_tokens.organization_id as organizationId',
  'api_tokens.product_id as productId',
  'api_tokens.person_id as personId',
  'api_tokens.name',
  'api_tokens.roles',
  'api_tokens.hint',
  'api_tokens.created_by as createdBy',
  'api_tokens.expires_at as expiresAt',
  'api_tokens.revoked_at as revokedAt',
  'api_tokens.created_at as createdAt',
] as const;

function scoped(db: Kysely<Schema>, scope: TokenScope) {
  let q = db.selectFrom('api_tokens').select(columns);
  if (scope.accountId) q = q.where('api_tokens.account_id', '=', scope.accountId);
  if (scope.organizationId) q = q.where('api_tokens.organization_id', '=', scope.organizationId);
  return q;
}

export const tokenRepository = {
  async insert(
    db: Kysely<Schema>,
    row: Omit<TokenRow, 'revokedAt' | 'createdAt' | 'personId'> & {
      tokenHash: string;
      personId?: string | null;
    },
  ): Promise<TokenRow> {
    return db
      .insertInto('api_tokens')
      .values({
        id: row.id,
        kind: row.kind,
        account_id: row.accountId,
        organization_id: row.organizationId,
        product_id: row.productId,
        person_id: row.personId ?? null,
        name: row.name,
        roles: row.roles,
        token_hash: row.tokenHash,
        hint: row.hint,
        created_by: row.createdBy,
        expires_at: row.expiresAt,
      })
      .returning(columns)
      .executeTakeFirstOrThrow();
  },

  /** The token with this hash, if its account and organization still exist. */
  async findByHash(db: Kysely<Schema>, tokenHash: string): Promise<TokenRow | undefined> {
    return db
      .selectFrom('api_tokens')
      .leftJoin('accounts', 'accounts.id', 'api_tokens.account_id')
      .leftJoin('organizations', 'organizations.id', 'api_tokens.organization_id')
      .leftJoin('products', 'products.id', 'api_tokens.product_id')
      .select(columns)
      .where('api_tokens.token_hash', '=', tokenHash)
      .where('accounts.deleted_at', 'is', null)
      .where('organizations.deleted_at', 'is', null)
      .where('products.deleted_at', 'is', null)
      .executeTakeFirst();
  },

  async get(db: Kysely<Schema>, scope: TokenScope, id: string): Promise<TokenRow | undefined> {
    return scoped(db, scope).where('api_tokens.id', '=', id).executeTakeFirst();
  },

  async list(db: Kysely<Schema>, scope: TokenScope, page: PageRequest): Promise<Page<TokenRow>> {
    return keysetPage(scoped(db, scope), 'api_tokens.id', page);
  },

  async revoke(db: Kysely<Schema>, scope: TokenScope, id: string, at: Date): Promise<TokenRow | undefined> {
    let q = db
      .updateTable('api_tokens')
      .set({ revoked_at: at })
      .where('id', '=', id)
      .where('revoked_at', 'is', null);
    if (scope.accountId) q = q.where('account_id', '=', scope.accountId);
    if (scope.organizationId) q = q.where('organization_id', '=', scope.organizationId);
    const r = await q.returning('id').executeTakeFirst();
    return r ? this.get(db, scope, id) : undefined;
  },

  async countOperatorTokens(db: Kysely<Schema>): Promise<number> {
    const r = await db
      .selectFrom('api_tokens')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('kind', '=', 'operator')
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },

  async countLive(db: Kysely<Schema>, scope: TokenScope, now: Date): Promise<number> {
    let q = db
      .selectFrom('api_tokens')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('revoked_at', 'is', null)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]));
    if (scope.accountId) q = q.where('account_id', '=', scope.accountId);
    if (scope.organizationId) q = q.where('organization_id', '=', scope.organizationId);
    return Number((await q.executeTakeFirstOrThrow()).n);
  },
};
