// The idempotency key of a stored usage event: 128 bits of SHA-256 over the source and the event's
// deterministic identity, written as a UUID so PostgreSQL keeps it in 16 bytes.
import { createHash } from 'node:crypto';
import type { UsageSource } from '@licentia/db';

/**
 * Same source and identity → same key, so importing a file twice (or an overlapping file) inserts
 * nothing the second time. The identity never contains line numbers.
 * @example
 * usageDedupeKey('FLEXNET_DEBUG', eventKey(event)); // '3f2a…-…'
 */
export function usageDedupeKey(source: UsageSource, identity: string): string {
  const hex = createHash('sha256').update(source).update('\u0000').update(identity).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
