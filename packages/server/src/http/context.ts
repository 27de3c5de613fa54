// What every route receives from the composition root: storage, the clock, id and randomness
// sources (injected so tests control time), and helpers for guarded, audited mutations.
import { randomBytes as nodeRandomBytes } from 'node:crypto';
import {
  AppError,
  authorize,
  CONTACT_ACCOUNT_MANAGER_DETAIL,
  ID_PREFIXES,
  type IdKind,
  type Permission,
  type Principal,
  type Scope,
} from '@licentia/core';
import { auditRepository, type Database, retryingTransaction, type Schema } from '@licentia/db';
import type { FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import { typeid } from 'typeid-js';
import type { RateLimits } from '../licensing/rate-limiter.ts';
import type { LicensingServices } from '../routes/validation/validation-services.ts';
import { KeyVault } from '../signing/key-vault.ts';
import { PrincipalCache } from './principal-cache.ts';

export interface AppDeps {
  database: Database;
  /** 32 bytes encrypting signing keys at rest; random per process when absent (tests). */
  masterKey?: Uint8Array;
  clock?: () => Date;
  newId?: (kind: IdKind) => string;
  randomBytes?: (size: number) => Uint8Array;
  /** Overrides of the per-license rate limits of validation and activation (benchmarks raise them). */
  rateLimits?: Partial<RateLimits>;
}

export interface AuditEntry {
  chainId: string;
  action: string;
  targetType: string;
  targetId: string;
  changes?: unknown;
}

export interface AppContext {
  db: Kysely<Schema>;
  keys: KeyVault;
  /** Authenticated tokens cached while change notifications are live (http/principal-cache.ts). */
  principals: PrincipalCache;
  database: Database;
  clock: () => Date;
  newId: (kind: IdKind) => string;
  randomBytes: (size: number) => Uint8Array;
  rateLimits?: Partial<RateLimits>;
  /** Snapshot cache, validation recorder and rate limiters; created by registerValidationRoutes. */
  licensing?: LicensingServices;
}

export function createContext(deps: AppDeps): AppContext {
  return {
    db: deps.database.db,
    keys: new KeyVault(deps.masterKey ?? new Uint8Array(nodeRandomBytes(32))),
    principals: new PrincipalCache(),
    database: deps.database,
    clock: deps.clock ?? (() => new Date()),
    newId: deps.newId ?? ((kind) => typeid(ID_PREFIXES[kind]).toString()),
    randomBytes: deps.randomBytes ?? ((size) => new Uint8Array(nodeRandomBytes(size))),
    ...(deps.rateLimits ? { rateLimits: deps.rateLimits } : {}),
  };
}

/** The authenticated principal of a non-public route. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('UNAUTHENTICATED');
  return request.principal;
}

// Only the vendor changes product and integration licenses (and its catalog): a customer's token
// asking for these inside its vendor account is sent to its account manager, whatever the target, so
// the answer says nothing about the resource. Another account stays invisible (404).
const VENDOR_ONLY: ReadonlySet<Permission> = new Set<Permission>(['license:write', 'catalog:write']);

/**
 * Refuse unless the caller may act in the scope: a scope the caller cannot see answers exactly as
 * a missing resource does (`notFoundDetail`), a visible one without the permission answers 403
 * (CONTACT_ACCOUNT_MANAGER for an organization token attempting a vendor-only change).
 */
export function guard(
  request: FastifyRequest,
  permission: Permission,
  scope: Scope,
  notFoundDetail: string,
): Principal {
  const principal = principalOf(request);
  if (
    principal.kind === 'organization' &&
    VENDOR_ONLY.has(permission) &&
    scope.accountId &&
    scope.accountId === principal.accountId
  ) {
    throw new AppError('CONTACT_ACCOUNT_MANAGER', CONTACT_ACCOUNT_MANAGER_DETAIL);
  }
  const decision = authorize(principal, permission, scope);
  if (decision === 'not-found') throw new AppError('NOT_FOUND', notFoundDetail);
  if (decision === 'forbidden')
    throw new AppError('FORBIDDEN', `This token's roles do not include ${permission}`);
  return principal;
}

/**
 * Run a change and its audit events in one transaction: either both are stored or neither.
 * `audit` appends to the chain of the entry's account (or 'system').
 */
export function mutate<T>(
  ctx: AppContext,
  request: FastifyRequest,
  work: (trx: Transaction<Schema>, audit: (entry: AuditEntry) => Promise<void>) => Promise<T>,
): Promise<T> {
  const actor = request.principal
    ? { actorType: `${request.principal.kind}-token`, actorId: request.principal.tokenId }
    : { actorType: 'anonymous', actorId: request.ip };
  return auditedTransaction(ctx, request, actor, work);
}

/** {@link mutate} with the audit events' actor given by the caller. */
export function auditedTransaction<T>(
  ctx: AppContext,
  request: FastifyRequest,
  actor: { actorType: string; actorId: string },
  work: (trx: Transaction<Schema>, audit: (entry: AuditEntry) => Promise<void>) => Promise<T>,
): Promise<T> {
  // A deadlock victim is run again (retryingTransaction): `work` must keep its effects in `trx`.
  return retryingTransaction(
    ctx.db,
    (trx) =>
      work(trx, async (entry) => {
        await auditRepository.append(trx, {
          id: ctx.newId('auditEvent'),
          occurredAt: ctx.clock(),
          ...actor,
          requestId: request.id,
          ...entry,
          changes: entry.changes ?? {},
        });
      }),
    { onRetry: (err, attempt) => request.log.warn({ err, attempt }, 'transaction retried after a conflict') },
  );
}
