// Checks a signed online answer: the `licentia-signature` header is Ed25519 over
// "licentia-response-v1\n" + the exact body bytes by the key named in keyid; then the echoed nonce
// and the server time, so a forged, altered, replayed or stale answer is refused before it is read.
import { verify } from 'node:crypto';
import { LicentiaResponseError } from './errors.ts';
import type { KeySet } from './keys.ts';

export const SIGNATURE_HEADER = 'licentia-signature';
const PREFIX = Buffer.from('licentia-response-v1\n', 'utf8');
/** How far the answer's `meta.ts` may be from local time, either way. */
export const DEFAULT_MAX_RESPONSE_AGE_MS = 5 * 60_000;

/**
 * Parse `keyid="…", alg="…", sig="…"` (members in any order); null when malformed.
 * @example parseSignatureHeader('keyid="key_1", alg="EdDSA", sig="abc"') // { keyid: 'key_1', alg: 'EdDSA', sig: 'abc' }
 */
export function parseSignatureHeader(value: string): { keyid: string; alg: string; sig: string } | null {
  const members = new Map<string, string>();
  for (const part of value.split(',')) {
    const match = /^\s*([a-z]+)="([^"]*)"\s*$/.exec(part);
    if (!match || members.has(match[1]!)) return null;
    members.set(match[1]!, match[2]!);
  }
  const keyid = members.get('keyid');
  const alg = members.get('alg');
  const sig = members.get('sig');
  return keyid && alg && sig ? { keyid, alg, sig } : null;
}

export interface SignedAnswerExpectations {
  keys: KeySet;
  /** The nonce sent with the request; `null` means the answer must carry no nonce. */
  nonce: string | null;
  now: Date;
  maxAgeMs?: number;
}

/**
 * Verify the signature over `body` (the exact bytes received), then parse it and check
 * `meta.nonce` and `meta.ts`. Returns the parsed body; throws {@link LicentiaResponseError}.
 * @example
 * const bytes = new Uint8Array(await response.arrayBuffer());
 * const answer = await verifySignedAnswer(bytes, response.headers.get('licentia-signature'), { keys, nonce, now: new Date() });
 */
export async function verifySignedAnswer(
  body: Uint8Array,
  header: string | null,
  expect: SignedAnswerExpectations,
): Promise<Record<string, unknown>> {
  if (!header)
    throw new LicentiaResponseError('UNSIGNED_RESPONSE', 'the answer carries no licentia-signature');
  const parsed = parseSignatureHeader(header);
  if (parsed?.alg !== 'EdDSA')
    throw new LicentiaResponseError('BAD_SIGNATURE', 'the licentia-signature header is malformed');
  const key = await expect.keys.get(parsed.keyid);
  if (!key)
    throw new LicentiaResponseError('BAD_SIGNATURE', `the answer is signed by unknown key ${parsed.keyid}`);
  const signature = Buffer.from(parsed.sig, 'base64url');
  const canonical = signature.length === 64 && signature.toString('base64url') === parsed.sig;
  if (!canonical || !verify(null, Buffer.concat([PREFIX, body]), key, signature))
    throw new LicentiaResponseError('BAD_SIGNATURE', 'the answer does not match its signature');
  let answer: Record<string, unknown>;
  try {
    answer = JSON.parse(Buffer.from(body).toString('utf8')) as Record<string, unknown>;
  } catch {
    throw new LicentiaResponseError('BAD_SIGNATURE', 'the signed answer is not JSON');
  }
  const meta = (answer?.meta ?? {}) as { ts?: unknown; nonce?: unknown };
  if ((meta.nonce ?? null) !== expect.nonce)
    throw new LicentiaResponseError('NONCE_MISMATCH', 'the answer does not echo this request’s nonce');
  const ts = typeof meta.ts === 'string' ? Date.parse(meta.ts) : Number.NaN;
  const maxAge = expect.maxAgeMs ?? DEFAULT_MAX_RESPONSE_AGE_MS;
  if (!Number.isFinite(ts) || Math.abs(expect.now.getTime() - ts) > maxAge)
    throw new LicentiaResponseError('STALE_RESPONSE', 'the answer’s server time is too far from local time');
  return answer;
}
