// Fixtures of the SDK's floating suites without a server: a `fetch` that answers /v1/floating/…
// from a handler and signs like the server (echoing the nonce), lease tokens, and a fake process.
import { sign } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { signJws } from '@licentia/core';
import type { ExitTarget, FloatingLease, LeaseClaims } from '../src/index.ts';
import type { Vendor } from './fixtures.ts';

export type Handler = (path: string, body: Record<string, unknown>) => Record<string, unknown>;

export interface FakeFetch {
  fetch: typeof globalThis.fetch;
  calls: { path: string; body: Record<string, unknown> }[];
}

/** A fetch answering every POST with `handler`'s object plus a signed `meta` echoing the nonce. */
export function signedFetch(vendor: Vendor, handler: Handler): FakeFetch {
  const calls: FakeFetch['calls'] = [];
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const path = new URL(String(input)).pathname;
    const body = JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>;
    calls.push({ path, body });
    const answer = handler(path, body);
    const meta = { ts: new Date().toISOString(), nonce: body.nonce ?? null, requestId: 'req_test' };
    const json = JSON.stringify({ ...answer, meta });
    const sig = sign(null, Buffer.from(`licentia-response-v1\n${json}`), vendor.privateKey);
    return new Response(json, {
      status: 200,
      headers: {
        'content-type': 'application/json',
        'licentia-signature': `keyid="${vendor.kid}", alg="EdDSA", sig="${sig.toString('base64url')}"`,
      },
    });
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

/** A lease as the server reports it, expiring `interval × 2` seconds after `now`. */
export function leaseOf(id: string, now: Date, patch: Partial<FloatingLease> = {}): FloatingLease {
  const interval = patch.heartbeatIntervalSeconds ?? 60;
  return {
    id,
    licenseId: 'lic_test',
    feature: 'solver',
    count: 1,
    user: 'ann',
    host: 'ws-1',
    startedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + interval * 2000).toISOString(),
    heartbeatIntervalSeconds: interval,
    ...patch,
  };
}

/** Lease claims valid from `now` for `seconds`. */
export function leaseClaims(now: Date, seconds: number, patch: Partial<LeaseClaims> = {}): LeaseClaims {
  const iat = Math.floor(now.getTime() / 1000);
  return {
    iss: 'licentia',
    sub: 'lease_test',
    lic: 'lic_test',
    acct: 'acct_test',
    feat: 'solver',
    cnt: 1,
    usr: 'ann',
    host: 'ws-1',
    iat,
    exp: iat + seconds,
    ...patch,
  };
}

/** A lease token signed by `vendor` (typ lease+jwt unless given). */
export function signLease(vendor: Vendor, claims: unknown, typ = 'lease+jwt'): string {
  return signJws({ alg: 'EdDSA', kid: vendor.kid, typ }, claims, vendor.privateKey);
}

/** A stand-in for `process` that records the signals it was asked to re-raise. */
export class FakeProcess extends EventEmitter implements ExitTarget {
  readonly pid = 4242;
  readonly killed: string[] = [];
  kill(_pid: number, signal: NodeJS.Signals): boolean {
    this.killed.push(signal);
    return true;
  }
}

/** Let pending promise callbacks (a fake fetch, a verification) run. */
export async function settle(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
