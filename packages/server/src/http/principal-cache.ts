// Per-process cache of authenticated tokens, so an authenticated request costs no lookup. It is
// only used while this process LISTENs to `licentia_tokens_changed` (sent by triggers on token
// revocation and on deletion of accounts, organizations and products): any notification, or the
// channel going down, empties it. Expiry is checked on every hit. The TTL is a safety net only.
import type { Principal } from '@licentia/core';

export const TOKENS_CHANGED_CHANNEL = 'licentia_tokens_changed';

interface Entry {
  principal: Principal;
  tokenExpiresAt: Date | null;
  revoked: boolean;
  cachedAt: number;
}

export interface CachedToken {
  principal: Principal;
  tokenExpiresAt: Date | null;
  revoked: boolean;
}

export class PrincipalCache {
  private readonly entries = new Map<string, Entry>();
  private live = false;
  /** Bumped by every clear: a lookup that overlapped one may have read a stale row, so it is not kept. */
  private epoch = 0;

  constructor(
    private readonly ttlMs = 30_000,
    private readonly maxEntries = 10_000,
  ) {}

  setLive(live: boolean): void {
    this.live = live;
    this.clear();
  }

  clear(): void {
    this.epoch++;
    this.entries.clear();
  }

  async get(
    tokenHash: string,
    load: () => Promise<CachedToken | undefined>,
  ): Promise<CachedToken | undefined> {
    const hit = this.entries.get(tokenHash);
    if (hit && this.live && Date.now() - hit.cachedAt < this.ttlMs) return hit;
    const epoch = this.epoch;
    const loaded = await load();
    // Unknown tokens are not cached: a flood of random tokens must not evict real ones.
    if (loaded && this.live && epoch === this.epoch) {
      if (this.entries.size >= this.maxEntries) this.entries.clear();
      this.entries.set(tokenHash, { ...loaded, cachedAt: Date.now() });
    }
    return loaded;
  }
}
