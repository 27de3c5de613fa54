// LISTEN on PostgreSQL through one dedicated connection (never a pooled one: a pooled client runs
// other sessions' queries and may be closed). It reconnects with backoff, and tells subscribers
// when notifications may have been missed, so caches that depend on them can drop what they hold.
import pg from 'pg';

/** What a subscriber to a notification channel is told. */
export interface ListenSubscriber {
  /** A NOTIFY payload on the channel. */
  onNotify(payload: string): void;
  /**
   * The channel went down (`false`: notifications from now on may be lost) or is live again
   * (`true`: anything learnt while it was down may be stale). Called first once the LISTEN is live.
   */
  onState?(live: boolean): void;
}

/** Stop one subscription. */
export type Unlisten = () => Promise<void>;

const MAX_BACKOFF_MS = 5_000;
const quote = (channel: string) => `"${channel.replaceAll('"', '""')}"`;

export class PgListener {
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private readonly channels = new Map<string, Set<ListenSubscriber>>();
  private backoffMs = 100;
  private retry: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly url: string) {}

  async listen(channel: string, subscriber: ListenSubscriber): Promise<Unlisten> {
    const subscribers = this.channels.get(channel) ?? new Set<ListenSubscriber>();
    this.channels.set(channel, subscribers);
    subscribers.add(subscriber);
    if (this.client) {
      await this.client.query(`LISTEN ${quote(channel)}`).catch(() => {});
      if (this.client) subscriber.onState?.(true);
    } else {
      await this.connect();
    }
    return async () => {
      subscribers.delete(subscriber);
      if (subscribers.size > 0) return;
      this.channels.delete(channel);
      await this.client?.query(`UNLISTEN ${quote(channel)}`).catch(() => {});
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }

  /** One connection attempt (shared by concurrent callers); on failure a retry is scheduled. */
  private connect(): Promise<void> {
    this.connecting ??= this.attempt().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async attempt(): Promise<void> {
    if (this.closed || this.client) return;
    const client = new pg.Client({ connectionString: this.url });
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    client.on('notification', (message) => {
      for (const s of this.channels.get(message.channel) ?? []) s.onNotify(message.payload ?? '');
    });
    try {
      await client.connect();
      for (const channel of this.channels.keys()) await client.query(`LISTEN ${quote(channel)}`);
    } catch {
      await client.end().catch(() => {});
      this.scheduleRetry();
      return;
    }
    if (this.closed) return void (await client.end().catch(() => {}));
    this.client = client;
    this.backoffMs = 100;
    this.broadcast(true);
  }

  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = null;
    client.end().catch(() => {});
    this.broadcast(false);
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.closed || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.connect();
    }, this.backoffMs);
    this.retry.unref();
    this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
  }

  private broadcast(live: boolean): void {
    for (const subscribers of this.channels.values()) for (const s of subscribers) s.onState?.(live);
  }
}
