// Who is asking about which license, for the licensed-app routes (validate, activate, deactivate):
// the license key itself, or a product token (`lt_prd_…`) naming a key or a license id. A product
// token reaches only licenses of its product; anything else answers as an unknown license.
import { createHash } from 'node:crypto';
import {
  AppError,
  authorize,
  isValidLicenseKey,
  normalizeLicenseKey,
  type Permission,
  type Principal,
} from '@licentia/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authenticate } from '../../http/authenticate.ts';
import type { AppContext } from '../../http/context.ts';
import type { Snapshot } from '../../licensing/license-snapshot.ts';
import type { TokenBuckets } from '../../licensing/rate-limiter.ts';
import type { LicensingServices } from './validation-services.ts';

export interface LicenseReference {
  key?: string | undefined;
  licenseId?: string | undefined;
}

export type Credential = { keyHash: string } | { accountId: string; licenseId: string } | null;

export interface Caller {
  principal: Principal | null;
  /** null: the reference cannot name any license (malformed key, no tenant): NOT_FOUND, no lookup. */
  credential: Credential;
}

export const hashLicenseKey = (normalized: string) => createHash('sha256').update(normalized).digest('hex');

// Licensed apps send the same key again and again: remember key → hash (null: not a valid key), so
// the hot path skips normalizing, checking and hashing. Bounded; emptied when full.
const KEY_MEMO_SIZE = 10_000;
const keyHashes = new Map<string, string | null>();

function keyHashOf(key: string): string | null {
  let hash = keyHashes.get(key);
  if (hash !== undefined) return hash;
  // A typo (bad check character) is refused before any lookup: no round trip, no timing signal.
  const normalized = normalizeLicenseKey(key);
  hash = normalized !== null && isValidLicenseKey(normalized) ? hashLicenseKey(normalized) : null;
  if (keyHashes.size >= KEY_MEMO_SIZE) keyHashes.clear();
  keyHashes.set(key, hash);
  return hash;
}

/** Authenticate the optional bearer token and turn the body's reference into a lookup. */
export async function identifyCaller(
  request: FastifyRequest,
  ctx: AppContext,
  ref: LicenseReference,
): Promise<Caller> {
  const principal = request.headers.authorization ? await authenticate(request, ctx) : null;
  request.principal = principal;
  if (ref.key !== undefined) {
    const keyHash = keyHashOf(ref.key);
    return { principal, credential: keyHash ? { keyHash } : null };
  }
  if (ref.licenseId !== undefined) {
    if (!principal)
      throw new AppError(
        'UNAUTHENTICATED',
        'licenseId needs a product token; without one, send the license key',
      );
    const accountId = principal.accountId;
    return { principal, credential: accountId ? { accountId, licenseId: ref.licenseId } : null };
  }
  throw new AppError('INVALID_FIELD', 'body.key or body.licenseId is required', { field: 'body.key' });
}

/**
 * The snapshot the caller may act on, or undefined (unknown, or another product's or tenant's:
 * the same answer). A token that sees the license but lacks `permission` is refused (403).
 */
export async function resolveLicense(
  services: LicensingServices,
  caller: Caller,
  permission: Permission,
): Promise<Snapshot | undefined> {
  const { credential, principal } = caller;
  if (!credential) return undefined;
  const snapshot =
    'keyHash' in credential
      ? await services.byKeyHash(credential.keyHash)
      : await services.byId(credential.accountId, credential.licenseId);
  if (!snapshot || !principal) return snapshot;
  const decision = authorize(principal, permission, {
    accountId: snapshot.accountId,
    organizationId: snapshot.organizationId,
    productId: snapshot.productId,
  });
  if (decision === 'not-found') return undefined;
  if (decision === 'forbidden')
    throw new AppError('FORBIDDEN', `This token's roles do not include ${permission}`);
  return snapshot;
}

/** Take a token from `buckets` for `key`, or refuse with 429 and Retry-After. */
export function throttle(reply: FastifyReply, buckets: TokenBuckets, key: string, what: string): void {
  const waitSeconds = buckets.take(key, Date.now());
  if (waitSeconds === 0) return;
  reply.header('retry-after', String(waitSeconds));
  throw new AppError('RATE_LIMITED', `Too many ${what}; retry in ${waitSeconds} s`, {
    extensions: { retryAfterSeconds: waitSeconds },
  });
}
