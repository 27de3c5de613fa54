// The online client of a licensed app: validate, activate and deactivate over HTTP, believing an
// answer only once its signature, nonce and server time check out.
import { randomBytes } from 'node:crypto';
import type {
  ActivateInput,
  ActivationAnswer,
  DeactivateInput,
  DeactivationAnswer,
  ValidateInput,
  ValidationAnswer,
} from './client-types.ts';
import { LicentiaApiError } from './errors.ts';
import { type KeySet, type KeySource, loadKeys } from './keys.ts';
import { SIGNATURE_HEADER, verifySignedAnswer } from './response-signature.ts';

export interface LicentiaClientOptions {
  /** The server's base URL, e.g. `https://licentia.example.com`. */
  url: string;
  /** A product token (`lt_prd_…`, role licensed-app); needed to name a license by id. */
  productToken?: string;
  /** The vendor account's public keys: a JWKS URL, a JWKS, a PEM/JWK or a KeySet. */
  keys: KeySource;
  fetch?: typeof globalThis.fetch;
  /** Local time (tests); defaults to the system clock. */
  now?: () => Date;
  /** How far `meta.ts` may be from local time; default 5 minutes. */
  maxResponseAgeMs?: number;
  /** Per-request timeout; default 10 seconds. */
  timeoutMs?: number;
}

/**
 * A client for `/v1/licenses/validate|activate|deactivate`. Validate and activate answers must be
 * signed (`licentia-signature`) by a key of `keys`; both send a fresh random nonce that
 * the answer must echo. An untrustworthy answer throws `LicentiaResponseError`; a server problem
 * throws `LicentiaApiError`; licensing outcomes (expired, not entitled …) are data.
 * An unknown key answered without a product token cannot be signed (no account to sign with), so it
 * surfaces as `UNSIGNED_RESPONSE`: treat every thrown error as "not licensed".
 * @example
 * const client = new LicentiaClient({ url: 'https://licentia.example.com', keys: jwksUrl });
 * const answer = await client.validate({ key, scope: { fingerprint, version: '2.4.0', feature: 'export' } });
 * if (!answer.valid) console.error(answer.code, answer.violations);
 */
export class LicentiaClient {
  private readonly base: string;
  private readonly keys: KeySet;
  private readonly doFetch: typeof globalThis.fetch;
  private readonly now: () => Date;

  constructor(private readonly options: LicentiaClientOptions) {
    this.base = options.url.replace(/\/+$/, '');
    this.doFetch = options.fetch ?? globalThis.fetch;
    this.keys = loadKeys(options.keys, { fetch: this.doFetch });
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Ask whether this copy may run, and with what. Every violation comes back, `code` the most severe.
   * @example const { valid, code } = await client.validate({ key, scope: { version: '2.4.0' } });
   */
  async validate(input: ValidateInput): Promise<ValidationAnswer> {
    const nonce = randomBytes(18).toString('base64url');
    const body = { ...ref(input), scope: { ...input.scope, nonce } };
    return (await this.signedPost('/v1/licenses/validate', body, nonce)) as unknown as ValidationAnswer;
  }

  /**
   * Activate this machine (idempotent for a live fingerprint). A refusal is `activated: false`.
   * @example const a = await client.activate({ key, fingerprint, hostname: hostname(), platform: process.platform });
   */
  async activate(input: ActivateInput): Promise<ActivationAnswer> {
    const { fingerprint, hostname, platform, components } = input;
    const nonce = randomBytes(18).toString('base64url');
    const body = { ...ref(input), fingerprint, hostname, platform, components, nonce };
    return (await this.signedPost('/v1/licenses/activate', body, nonce)) as unknown as ActivationAnswer;
  }

  /**
   * Release this machine's activation. The answer is not signed: a forged "deactivated" costs the
   * attacker nothing they could not do by blocking the request.
   * @example await client.deactivate({ key, fingerprint });
   */
  async deactivate(input: DeactivateInput): Promise<DeactivationAnswer> {
    const response = await this.post('/v1/licenses/deactivate', {
      ...ref(input),
      fingerprint: input.fingerprint,
    });
    return JSON.parse(Buffer.from(await response.arrayBuffer()).toString('utf8')) as DeactivationAnswer;
  }

  private async signedPost(path: string, body: unknown, nonce: string | null) {
    const response = await this.post(path, body);
    const bytes = new Uint8Array(await response.arrayBuffer());
    return verifySignedAnswer(bytes, response.headers.get(SIGNATURE_HEADER), {
      keys: this.keys,
      nonce,
      now: this.now(),
      ...(this.options.maxResponseAgeMs !== undefined ? { maxAgeMs: this.options.maxResponseAgeMs } : {}),
    });
  }

  private async post(path: string, body: unknown): Promise<Response> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/json',
    };
    if (this.options.productToken) headers.authorization = `Bearer ${this.options.productToken}`;
    const response = await this.doFetch(`${this.base}${path}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
    });
    if (!response.ok) throw LicentiaApiError.from(response.status, await response.text());
    return response;
  }
}

// Only the member that was given: the server's schemas refuse unknown and undefined-valued members.
function ref(input: { key?: string; licenseId?: string }): { key: string } | { licenseId: string } {
  if (typeof input.key === 'string') return { key: input.key };
  if (typeof input.licenseId === 'string') return { licenseId: input.licenseId };
  throw new TypeError('pass a license key or a license id');
}
