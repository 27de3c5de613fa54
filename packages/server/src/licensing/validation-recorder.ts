// Records validations off the request path: outcomes are grouped in memory and written every
// second (and on close) as validation_events rows plus last_validated_at times. Identical outcomes
// of one license within a second become one row with a count, so a hot license cannot flood the
// history; beyond `maxGroups` pending groups new outcomes are counted as dropped, never queued.
import type { Schema, ValidationEventRow } from '@licentia/db';
import { validationEventRepository } from '@licentia/db';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import { recordValidationUsage, type ValidationSighting } from '../usage/validation-usage.ts';

export interface ValidationRecord {
  accountId: string;
  licenseId: string;
  code: string;
  valid: boolean;
  fingerprint: string | null;
  version: string | null;
  at: Date;
  /** When the validation named a user: a realtime usage sighting (usage/validation-usage.ts). */
  organizationId?: string;
  user?: string | null;
  feature?: string | null;
}

interface Group extends ValidationRecord {
  count: number;
  firstAt: Date;
}

export interface RecorderOptions {
  intervalMs?: number;
  maxGroups?: number;
  newId: () => string;
  log?: FastifyBaseLogger;
}

export class ValidationRecorder {
  private groups = new Map<string, Group>();
  private dropped = 0;
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Kysely<Schema>,
    private readonly options: RecorderOptions,
  ) {}

  record(r: ValidationRecord): void {
    const key = `${r.licenseId}\u0000${r.code}\u0000${r.fingerprint ?? ''}\u0000${r.version ?? ''}\u0000${r.user ?? ''}\u0000${r.feature ?? ''}`;
    const group = this.groups.get(key);
    if (group) {
      group.count++;
      if (r.at > group.at) group.at = r.at;
    } else if (this.groups.size < (this.options.maxGroups ?? 10_000)) {
      this.groups.set(key, { ...r, count: 1, firstAt: r.at });
    } else {
      this.dropped++;
    }
  }

  start(): void {
    this.timer ??= setInterval(() => void this.flush(), this.options.intervalMs ?? 1000);
    this.timer.unref();
  }

  /** Stop the timer and write what is pending. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }

  /** Write pending outcomes now; flushes never overlap. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.write());
    return this.flushing;
  }

  private async write(): Promise<void> {
    if (this.groups.size === 0) return;
    const groups = [...this.groups.values()];
    const dropped = this.dropped;
    this.groups = new Map();
    this.dropped = 0;
    const rows: ValidationEventRow[] = groups.map((g) => ({
      id: this.options.newId(),
      accountId: g.accountId,
      licenseId: g.licenseId,
      occurredAt: g.at,
      code: g.code,
      valid: g.valid,
      fingerprint: g.fingerprint,
      version: g.version,
      details: { count: g.count, firstAt: g.firstAt.toISOString() },
    }));
    const latest = new Map<string, { accountId: string; licenseId: string; at: Date }>();
    for (const g of groups) {
      const seen = latest.get(g.licenseId);
      if (!seen || g.at > seen.at)
        latest.set(g.licenseId, { accountId: g.accountId, licenseId: g.licenseId, at: g.at });
    }
    try {
      for (let i = 0; i < rows.length; i += 500)
        await validationEventRepository.insertMany(this.db, rows.slice(i, i + 500));
      await validationEventRepository.touchLastValidated(this.db, [...latest.values()]);
      await recordValidationUsage(this.db, sightingsOf(groups));
      if (dropped > 0)
        this.options.log?.warn({ dropped }, 'validation history: outcomes dropped (backlog full)');
    } catch (error) {
      // History is best effort: a failed batch is logged and dropped, validation itself is unaffected.
      this.options.log?.error({ err: error, rows: rows.length }, 'validation history: batch not written');
    }
  }
}

function sightingsOf(groups: readonly Group[]): ValidationSighting[] {
  const out: ValidationSighting[] = [];
  for (const g of groups) {
    if (!g.user || !g.organizationId) continue;
    const { accountId, organizationId, licenseId, user, fingerprint, version, at } = g;
    out.push({
      accountId,
      organizationId,
      licenseId,
      user,
      feature: g.feature ?? null,
      fingerprint,
      version,
      at,
    });
  }
  return out;
}
