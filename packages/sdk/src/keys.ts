// Public verification keys: from a JWKS object, a JWKS URL (cached, refetched on an unknown kid at
// most once a minute) or a single PEM/JWK — each parsed into a KeyObject once, never per verify.
import { createPublicKey, type KeyObject } from 'node:crypto';

/** Where verification keys come from: `get(kid)` resolves the public key named by a JWS `kid`. */
export interface KeySet {
  get(kid: string): Promise<KeyObject | undefined>;
}

/** A public JWK as served by Licentia (`kty: OKP`, `crv: Ed25519`). */
export interface PublicJwk {
  kty: string;
  crv?: string;
  x?: string;
  kid?: string;
  alg?: string;
  use?: string;
}

export interface Jwks {
  keys: PublicJwk[];
}

/** Anything {@link loadKeys} accepts: a KeySet, a JWKS, a JWKS URL, a PEM string or one JWK. */
export type KeySource = KeySet | Jwks | PublicJwk | URL | string;

/** Minimum time between two fetches of a JWKS URL caused by unknown kids. */
export const JWKS_REFETCH_INTERVAL_MS = 60_000;

// Only Ed25519 signing keys can verify Licentia tokens; anything else in a JWKS is skipped, not fatal.
function isEd25519(jwk: PublicJwk): boolean {
  return jwk.kty === 'OKP' && jwk.crv === 'Ed25519' && typeof jwk.x === 'string' && jwk.use !== 'enc';
}

function parseJwks(jwks: Jwks): Map<string, KeyObject> {
  if (!jwks || !Array.isArray(jwks.keys)) throw new TypeError('a JWKS must be an object with a keys array');
  const keys = new Map<string, KeyObject>();
  for (const jwk of jwks.keys) {
    if (!isEd25519(jwk) || typeof jwk.kid !== 'string') continue;
    keys.set(jwk.kid, createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, format: 'jwk' }));
  }
  return keys;
}

/**
 * A key set from a JWKS object (`{ keys: [...] }`): only Ed25519 keys with a `kid` are kept.
 * @example const keys = keysFromJwks(await (await fetch(jwksUrl)).json());
 */
export function keysFromJwks(jwks: Jwks): KeySet {
  const keys = parseJwks(jwks);
  return { get: async (kid) => keys.get(kid) };
}

/**
 * A single public key (PEM text or a JWK). Without a `kid` (PEM, or a JWK without one) it answers
 * for every kid; with one it answers only for that kid.
 * @example const keys = keysFromPublicKey(readFileSync('vendor-public.pem', 'utf8'));
 */
export function keysFromPublicKey(key: string | PublicJwk, kid?: string): KeySet {
  const parsed =
    typeof key === 'string' ? createPublicKey(key) : createPublicKey({ key: { ...key }, format: 'jwk' });
  if (parsed.asymmetricKeyType !== 'ed25519') throw new TypeError('Licentia keys are Ed25519 public keys');
  const only = kid ?? (typeof key === 'string' ? undefined : key.kid);
  return { get: async (k) => (only === undefined || only === k ? parsed : undefined) };
}

export interface JwksUrlOptions {
  fetch?: typeof globalThis.fetch;
  /** Milliseconds since the epoch; injectable for tests. */
  nowMs?: () => number;
  refetchIntervalMs?: number;
}

/**
 * A key set fetched from a JWKS URL on first use and cached. An unknown kid (a key rotated in since)
 * triggers one refetch, at most once per {@link JWKS_REFETCH_INTERVAL_MS}, so a flood of tokens
 * with made-up kids cannot turn into a flood of requests. A failed refetch keeps the cached keys.
 * @example const keys = keysFromJwksUrl('https://licentia.example.com/v1/accounts/acct_01…/jwks.json');
 */
export function keysFromJwksUrl(url: string | URL, options: JwksUrlOptions = {}): KeySet {
  const doFetch = options.fetch ?? globalThis.fetch;
  const nowMs = options.nowMs ?? Date.now;
  const interval = options.refetchIntervalMs ?? JWKS_REFETCH_INTERVAL_MS;
  let cached: Map<string, KeyObject> | undefined;
  let lastFetchMs = Number.NEGATIVE_INFINITY;
  let inFlight: Promise<void> | undefined;
  let lastError: Error | undefined;

  const refresh = (): Promise<void> => {
    inFlight ??= (async () => {
      lastFetchMs = nowMs();
      const init = { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(10_000) };
      const response = await doFetch(url, init);
      if (!response.ok) throw new Error(`JWKS fetch from ${String(url)} answered ${response.status}`);
      cached = parseJwks((await response.json()) as Jwks);
    })().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };

  return {
    async get(kid) {
      const known = cached?.get(kid);
      if (known) return known;
      const recent = nowMs() - lastFetchMs < interval;
      // Never fetched successfully: the first failure propagates (no keys at all is not "unknown kid").
      if (!cached) {
        if (recent && lastError) throw lastError;
        await refresh().catch((error: unknown) => {
          lastError = error instanceof Error ? error : new Error(String(error));
          throw lastError;
        });
      } else if (!recent) await refresh().catch(() => undefined);
      return cached?.get(kid);
    },
  };
}

const isKeySet = (source: unknown): source is KeySet =>
  typeof (source as KeySet | undefined)?.get === 'function';

/**
 * Normalize any {@link KeySource}: a string starting with `http(s)://` or a URL is a JWKS URL, other
 * strings are PEM; an object with `keys` is a JWKS, one with `kty` a single JWK.
 * @example const keys = loadKeys(process.env.LICENTIA_JWKS_URL!);
 */
export function loadKeys(source: KeySource, options: JwksUrlOptions = {}): KeySet {
  if (isKeySet(source)) return source;
  if (source instanceof URL) return keysFromJwksUrl(source, options);
  if (typeof source === 'string')
    return /^https?:\/\//i.test(source) ? keysFromJwksUrl(source, options) : keysFromPublicKey(source);
  if (Array.isArray((source as Jwks).keys)) return keysFromJwks(source as Jwks);
  return keysFromPublicKey(source as PublicJwk);
}
