// The realtime usage feed: floating check-outs, check-ins, queue moves and denials reach the usage
// store off the floating hot path. A periodic pass reads floating_events from a persisted cursor and
// records them with recordRealtimeUsageBatch (idempotent by event id), one organization batch at a time.
import { type FeedFloatingEvent, type Schema, usageFeedRepository } from '@licentia/db';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import { type RealtimeUsageEvent, recordRealtimeUsageBatch } from './realtime-usage.ts';

const FEED = 'floating';

export interface RealtimeFeedOptions {
  /** Period of the timer in ms (0: no timer). Default 5000 (LICENTIA_USAGE_FEED_MS). */
  intervalMs?: number;
  /**
   * Events are re-read this far behind the cursor: several server processes stamp occurred_at before
   * they commit, so an event can become visible after a later one was fed. Default 60 s.
   */
  overlapMs?: number;
  /** Events per transaction. Default 2000. */
  pageSize?: number;
}

export interface RealtimeFeedPass {
  /** false: another process was running a pass (nothing done). */
  ran: boolean;
  /** Floating events read (including re-reads of the overlap window) and usage events newly stored. */
  read: number;
  recorded: number;
}

export interface RealtimeUsageFeed {
  /** One pass to the end of the events, waiting for another process's pass to finish first. */
  runOnce(): Promise<RealtimeFeedPass>;
  stop(): Promise<void>;
}

const toUsage = (e: FeedFloatingEvent): RealtimeUsageEvent => ({
  eventId: e.id,
  kind: e.kind as RealtimeUsageEvent['kind'],
  feature: e.feature,
  user: e.user,
  host: e.host,
  occurredAt: new Date(e.occurredAt),
  count: e.count,
  licenseId: e.licenseId,
  reason: e.reason,
});

/**
 * Start the feed: a pass every `intervalMs` (the timer does not keep the process alive; a pass still
 * running is not overlapped; a pass another process holds the lock for is skipped).
 * @example const feed = startRealtimeUsageFeed(ctx.db, app.log, { intervalMs: 5000 }); await feed.runOnce();
 */
export function startRealtimeUsageFeed(
  db: Kysely<Schema>,
  log: FastifyBaseLogger,
  options: RealtimeFeedOptions = {},
): RealtimeUsageFeed {
  const { intervalMs = 5000, overlapMs = 60_000, pageSize = 2000 } = options;
  // Ids fed by this process inside the overlap window, so re-reads are not written again (another
  // process's re-reads are; the dedupe key absorbs them). Bounded by the events of one window.
  const fed = new Map<string, number>();
  let latestFedMs = 0;
  let running: Promise<RealtimeFeedPass> | null = null;

  const page = (wait: boolean, after: { at: string; id: string } | undefined) =>
    db.transaction().execute(async (trx) => {
      if (!(await usageFeedRepository.lock(trx, wait))) return null;
      const since = await usageFeedRepository.position(trx, FEED);
      const rows = await usageFeedRepository.floatingEvents(trx, {
        since,
        overlapMs,
        after,
        limit: pageSize,
      });
      const byOrg = new Map<string, { accountId: string; events: RealtimeUsageEvent[] }>();
      for (const row of rows) {
        if (fed.has(row.id)) continue;
        const entry = byOrg.get(row.organizationId) ?? { accountId: row.accountId, events: [] };
        entry.events.push(toUsage(row));
        byOrg.set(row.organizationId, entry);
      }
      let recorded = 0;
      // Organizations in a fixed order: two passes never take their usage locks crosswise.
      for (const organizationId of [...byOrg.keys()].sort()) {
        const { accountId, events } = byOrg.get(organizationId)!;
        recorded += await recordRealtimeUsageBatch(trx, accountId, organizationId, events);
      }
      const last = rows.at(-1);
      if (last) await usageFeedRepository.advance(trx, FEED, last.at);
      return { rows, recorded };
    });

  const pass = async (wait: boolean): Promise<RealtimeFeedPass> => {
    const result: RealtimeFeedPass = { ran: false, read: 0, recorded: 0 };
    let after: { at: string; id: string } | undefined;
    for (;;) {
      const done = await page(wait, after);
      if (!done) return result;
      result.ran = true;
      result.read += done.rows.length;
      result.recorded += done.recorded;
      for (const row of done.rows) {
        const atMs = new Date(row.occurredAt).getTime();
        fed.set(row.id, atMs);
        latestFedMs = Math.max(latestFedMs, atMs);
      }
      const last = done.rows.at(-1);
      if (!last || done.rows.length < pageSize) break;
      after = { at: last.at, id: last.id };
    }
    forgetBefore(fed, latestFedMs - 2 * overlapMs);
    return result;
  };

  const run = (wait: boolean) => {
    running ??= pass(wait).finally(() => {
      running = null;
    });
    return running;
  };
  const timer =
    intervalMs > 0
      ? setInterval(() => {
          run(false).catch((error) => log.error({ err: error }, 'realtime usage feed pass failed'));
        }, intervalMs)
      : undefined;
  timer?.unref();
  return {
    async runOnce() {
      // A pass of the timer may be running with try-lock semantics: let it finish, then run one that waits.
      await running?.catch(() => undefined);
      return run(true);
    },
    async stop() {
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}

function forgetBefore(fed: Map<string, number>, cutoffMs: number): void {
  for (const [id, atMs] of fed) if (atMs < cutoffMs) fed.delete(id);
}
