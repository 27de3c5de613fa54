// Token buckets in process memory: per license for validation, activation and deactivation, and
// per client address for lookups of unknown keys (key guessing). Eventually consistent across
// processes by design — each process enforces its own buckets; seats are never decided here.
export interface RateLimit {
  /** Requests allowed at once (the bucket's size). */
  burst: number;
  /** Sustained requests per second (the refill rate). */
  perSecond: number;
}

export interface RateLimits {
  validate: RateLimit;
  activate: RateLimit;
  deactivate: RateLimit;
  unknownKey: RateLimit;
}

/**
 * Defaults (stated in the routes' OpenAPI descriptions): a license validates 120 times at once and 20/s sustained;
 * it activates or deactivates 60 machines at once and 30/min sustained; one client address looks
 * up 60 unknown keys at once and 10/s sustained.
 */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  validate: { burst: 120, perSecond: 20 },
  activate: { burst: 60, perSecond: 0.5 },
  deactivate: { burst: 60, perSecond: 0.5 },
  unknownKey: { burst: 60, perSecond: 10 },
};

interface Bucket {
  tokens: number;
  at: number;
}

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly limit: RateLimit,
    private readonly maxKeys = 100_000,
  ) {}

  /** Take one token for `key`: 0 when allowed, else the seconds until one is available. */
  take(key: string, nowMs: number): number {
    const { burst, perSecond } = this.limit;
    const bucket = this.buckets.get(key);
    const tokens = bucket ? Math.min(burst, bucket.tokens + ((nowMs - bucket.at) / 1000) * perSecond) : burst;
    if (tokens < 1) {
      if (bucket) Object.assign(bucket, { tokens, at: nowMs });
      return Math.max(1, Math.ceil((1 - tokens) / perSecond));
    }
    if (bucket) Object.assign(bucket, { tokens: tokens - 1, at: nowMs });
    else this.buckets.set(key, { tokens: tokens - 1, at: nowMs });
    if (this.buckets.size > this.maxKeys) this.prune(nowMs);
    return 0;
  }

  /** A full bucket is the same as no bucket: drop those; if still too many, drop the oldest. */
  private prune(nowMs: number): void {
    const { burst, perSecond } = this.limit;
    for (const [key, b] of this.buckets)
      if (b.tokens + ((nowMs - b.at) / 1000) * perSecond >= burst) this.buckets.delete(key);
    for (const key of this.buckets.keys()) {
      if (this.buckets.size <= this.maxKeys * 0.9) break;
      this.buckets.delete(key);
    }
  }
}
