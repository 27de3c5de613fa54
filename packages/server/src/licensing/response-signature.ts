// Signed answers: Ed25519 over "licentia-response-v1\n" + the exact response body bytes, in the
// `licentia-signature` header, so a licensed app detects a forged or altered answer (and, with its
// nonce echoed in the body, a replayed one). The prefix keeps these signatures apart from tokens.
import { type KeyObject, sign, verify } from 'node:crypto';
import type { Signer } from '../signing/key-vault.ts';

export const SIGNATURE_HEADER = 'licentia-signature';
const PREFIX = Buffer.from('licentia-response-v1\n', 'utf8');

/**
 * The header value for `body` (the exact string sent). Signs on libuv's thread pool (the callback
 * form of crypto.sign): the signature is the costliest step of a validation, and off the event
 * loop it overlaps with parsing and answering other requests.
 */
export function signResponse(body: string, signer: Signer): Promise<string> {
  const data = Buffer.concat([PREFIX, Buffer.from(body, 'utf8')]);
  return new Promise((resolve, reject) =>
    sign(null, data, signer.privateKey, (error, signature) =>
      error
        ? reject(error)
        : resolve(`keyid="${signer.kid}", alg="EdDSA", sig="${signature.toString('base64url')}"`),
    ),
  );
}

export interface ParsedSignature {
  keyid: string;
  alg: string;
  sig: string;
}

/** Parse `keyid="…", alg="…", sig="…"`; null when a member is missing or malformed. */
export function parseSignatureHeader(value: string): ParsedSignature | null {
  const members = new Map<string, string>();
  for (const part of value.split(',')) {
    const m = /^\s*([a-z]+)="([^"]*)"\s*$/.exec(part);
    if (!m) return null;
    members.set(m[1]!, m[2]!);
  }
  const keyid = members.get('keyid');
  const alg = members.get('alg');
  const sig = members.get('sig');
  return keyid && alg && sig ? { keyid, alg, sig } : null;
}

/** True when `header` is a valid signature of `body` by `publicKey` (tests; the SDK has its own). */
export function verifyResponse(body: string | Buffer, header: string, publicKey: KeyObject): boolean {
  const parsed = parseSignatureHeader(header);
  if (parsed?.alg !== 'EdDSA') return false;
  const signature = Buffer.from(parsed.sig, 'base64url');
  if (signature.length !== 64) return false;
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return verify(null, Buffer.concat([PREFIX, bytes]), publicKey, signature);
}
