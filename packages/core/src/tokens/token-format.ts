// API token format: `lt_<kind>_<secret>`. The kind prefix lets logs, scanners and humans tell an
// operator token from a vendor or customer token without a lookup; the secret is 32 random bytes
// in base64url (256 bits). Only a SHA-256 of the whole token is ever stored.
import type { TokenKind } from '../access/roles.ts';

export const TOKEN_PREFIX_BY_KIND: Record<TokenKind, string> = {
  operator: 'lt_op_',
  account: 'lt_acc_',
  organization: 'lt_org_',
  product: 'lt_prd_',
};

const SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** Build a token from its kind and 32 random bytes (randomness comes from the caller). */
export function formatToken(kind: TokenKind, randomBytes: Uint8Array): string {
  if (randomBytes.length !== 32) throw new RangeError('a token secret needs exactly 32 random bytes');
  return TOKEN_PREFIX_BY_KIND[kind] + Buffer.from(randomBytes).toString('base64url');
}

/** The kind of a well-formed token, or null when the string cannot be one of ours. */
export function parseTokenKind(token: string): TokenKind | null {
  for (const [kind, prefix] of Object.entries(TOKEN_PREFIX_BY_KIND) as [TokenKind, string][]) {
    if (token.startsWith(prefix) && SECRET_PATTERN.test(token.slice(prefix.length))) return kind;
  }
  return null;
}

/** What may be shown of a token after creation: its prefix and first characters. */
export function tokenHint(token: string): string {
  const prefix = Object.values(TOKEN_PREFIX_BY_KIND).find((p) => token.startsWith(p)) ?? '';
  return `${token.slice(0, prefix.length + 4)}…`;
}
