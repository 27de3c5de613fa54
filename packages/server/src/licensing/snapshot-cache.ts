// Per-process cache of license snapshots, by key hash and by license id. Correctness rests on the
// database's NOTIFY licentia_license_changed (one per changed license, policy or product's
// releases): entries are evicted when told, everything is dropped when the channel goes down, and
// nothing is cached while it is down. A TTL and a size bound are the safety net, not the mechanism.
import type { Snapshot } from './license-snapshot.ts';

export interface SnapshotCacheOptions {
  maxEntries?: number;
  ttlMs?: number;
  now?: () => number;
}

interface Entry {
  snapshot: Snapshot;
  expiresAt: number;
}

type Load = () => Promise<Snapshot | undefined>;

export class SnapshotCache {
  readonly stats = { hits: 0, misses: 0, evictions: 0 };
  private readonly entries = new Map<string, Entry>();
  private readonly idByKeyHash = new Map<string, string>();
  private readonly inflight = new Map<string, Promise<Snapshot | undefined>>();
  private live = false;
  /** Bumped by every eviction: a load that overlapped one may have read stale rows, so it is not kept. */
  private epoch = 0;
  private readonly maxEntries: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(options: SnapshotCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? 50_000;
    this.ttlMs = options.ttlMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  /** The invalidation channel is up (cache usable) or down (cache emptied and bypassed). */
  setLive(live: boolean): void {
    this.live = live;
    this.clear();
  }

  byKeyHash(keyHash: string, load: Load): Promise<Snapshot | undefined> {
    const id = this.idByKeyHash.get(keyHash);
    const hit = id === undefined ? undefined : this.fresh(id);
    return hit ? Promise.resolve(hit) : this.fill(`k:${keyHash}`, load);
  }

  byId(accountId: string, licenseId: string, load: Load): Promise<Snapshot | undefined> {
    const hit = this.fresh(licenseId);
    if (hit) return Promise.resolve(hit.accountId === accountId ? hit : undefined);
    return this.fill(`i:${licenseId}`, load);
  }

  /** Apply one notification payload: `<licenseId>`, `policy:<policyId>` or `product:<productId>`. */
  invalidate(payload: string): void {
    this.epoch++;
    const [kind, id] = payload.includes(':') ? payload.split(':', 2) : ['license', payload];
    if (kind === 'license') {
      this.drop(payload);
      return;
    }
    const field = kind === 'policy' ? 'policyId' : 'productId';
    for (const [licenseId, entry] of this.entries) if (entry.snapshot[field] === id) this.drop(licenseId);
  }

  clear(): void {
    this.epoch++;
    this.entries.clear();
    this.idByKeyHash.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private fresh(licenseId: string): Snapshot | undefined {
    const entry = this.entries.get(licenseId);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.drop(licenseId);
      return undefined;
    }
    this.stats.hits++;
    return entry.snapshot;
  }

  /** One load per key at a time; the result is kept only if nothing was evicted meanwhile. */
  private fill(flightKey: string, load: Load): Promise<Snapshot | undefined> {
    const pending = this.inflight.get(flightKey);
    if (pending) return pending;
    this.stats.misses++;
    const epoch = this.epoch;
    const promise = load()
      .then((snapshot) => {
        if (snapshot && this.live && epoch === this.epoch) this.store(snapshot);
        return snapshot;
      })
      .finally(() => this.inflight.delete(flightKey));
    this.inflight.set(flightKey, promise);
    return promise;
  }

  private store(snapshot: Snapshot): void {
    this.drop(snapshot.licenseId);
    this.entries.set(snapshot.licenseId, { snapshot, expiresAt: this.now() + this.ttlMs });
    this.idByKeyHash.set(snapshot.keyHash, snapshot.licenseId);
    // Maps iterate in insertion order: the first entry is the oldest one stored.
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.drop(oldest);
    }
  }

  private drop(licenseId: string): void {
    const entry = this.entries.get(licenseId);
    if (!entry) return;
    this.entries.delete(licenseId);
    this.idByKeyHash.delete(entry.snapshot.keyHash);
    this.stats.evictions++;
  }
}
