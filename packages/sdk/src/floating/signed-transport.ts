// The HTTP leg of the floating client: POST JSON with a fresh nonce, then believe the answer only
// once its licentia-signature, echoed nonce and server time check out (as LicentiaClient does).
import { randomBytes } from 'node:crypto';
import type { LicentiaClientOptions } from '../client.ts';
import { LicentiaApiError } from '../errors.ts';
import { type KeySet, loadKeys } from '../keys.ts';
import { SIGNATURE_HEADER, verifySignedAnswer } from '../response-signature.ts';

export class SignedTransport {
  readonly keys: KeySet;
  private readonly base: string;
  private readonly doFetch: typeof globalThis.fetch;
  private readonly now: () => Date;

  constructor(private readonly options: LicentiaClientOptions) {
    this.base = options.url.replace(/\/+$/, '');
    this.doFetch = options.fetch ?? globalThis.fetch;
    this.keys = loadKeys(options.keys, { fetch: this.doFetch });
    this.now = options.now ?? (() => new Date());
  }

  /** POST `body` plus a random nonce; the answer must be signed and echo that nonce. */
  async signed<T>(
    path: string,
    body: Record<string, unknown>,
    extra: { timeoutMs?: number; signal?: AbortSignal } = {},
  ): Promise<T> {
    const nonce = randomBytes(18).toString('base64url');
    const response = await this.post(path, { ...body, nonce }, extra);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const maxAgeMs = this.options.maxResponseAgeMs;
    return (await verifySignedAnswer(bytes, response.headers.get(SIGNATURE_HEADER), {
      keys: this.keys,
      nonce,
      now: this.now(),
      ...(maxAgeMs !== undefined ? { maxAgeMs } : {}),
    })) as T;
  }

  /** POST without believing the answer's signature: for answers a forger gains nothing from. */
  async unsigned<T>(path: string, body: Record<string, unknown>): Promise<T> {
    const response = await this.post(path, body, {});
    return JSON.parse(Buffer.from(await response.arrayBuffer()).toString('utf8')) as T;
  }

  private async post(
    path: string,
    body: unknown,
    extra: { timeoutMs?: number; signal?: AbortSignal },
  ): Promise<Response> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/json',
    };
    if (this.options.productToken) headers.authorization = `Bearer ${this.options.productToken}`;
    // A long poll may legitimately take its wait on top of the usual timeout.
    const timeout = AbortSignal.timeout((this.options.timeoutMs ?? 10_000) + (extra.timeoutMs ?? 0));
    const response = await this.doFetch(`${this.base}${path}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      signal: extra.signal ? AbortSignal.any([extra.signal, timeout]) : timeout,
    });
    if (!response.ok) throw LicentiaApiError.from(response.status, await response.text());
    return response;
  }
}
