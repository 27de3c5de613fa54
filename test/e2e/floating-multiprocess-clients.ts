// The client side of the multi-process floating test: N async loops, each bound to one server process,
// checking a seat out, holding it briefly (sometimes heartbeating through another process) and
// checking it in — and, once their process is killed, moving to the survivors. Half of the clients
// whose check-in fails with the killed process abandon the lease (it must expire); the others check
// it in through a surviving process.
import type { FloatingClient } from '../../packages/sdk/src/index.ts';

export interface RunRecord {
  /** Leases granted through each server process. */
  grantedVia: number[];
  denied: number;
  /** Requests that failed in transit (the killed process), per server process, and the first of each. */
  errors: number[];
  firstErrors: string[];
  heartbeats: { renewed: number; refused: number };
  /**
   * The most unexpired leases the clients held at once (granted, not yet sent back, `expiresAt` still
   * ahead): a lower bound of the live leases. Leases past `expiresAt` are not counted — under load an
   * answer can arrive after its short lease already lapsed and the seat was rightly given to another.
   */
  maxClientHeld: number;
  /** Leases granted by the killed process that their client never checked in. */
  abandoned: Map<string, { expiresAt: string }>;
  /** Leases granted by the killed process and checked in through another one. */
  handedOver: Set<string>;
  /** Check-ins through a surviving process that failed in transit. */
  handoverFailures: string[];
}

/** A running set of clients: the record once they stop, and who holds a seat through which process now. */
export interface ClientRun {
  result: Promise<RunRecord>;
  /** Numbers of the clients holding a lease granted by process `via` right now. */
  holdersVia(via: number): number[];
}

export interface RunOptions {
  clients: FloatingClient[];
  feature: string;
  count: number;
  durationMs: number;
  killedIndex: number;
  isKilled: () => boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const jitter = (min: number, spread: number) => min + Math.floor(Math.random() * spread);
// The first clients of the process to be killed hold their seats 1–2 s (within the lease's 4 s), so
// some of them are sure to hold leases through it when it dies; the others hold 10–70 ms.
const LONG_HOLDERS = 12;

export function runClients(options: RunOptions): ClientRun {
  const { clients, feature, killedIndex, isKilled } = options;
  const record: RunRecord = {
    grantedVia: clients.map(() => 0),
    denied: 0,
    errors: clients.map(() => 0),
    firstErrors: clients.map(() => ''),
    heartbeats: { renewed: 0, refused: 0 },
    maxClientHeld: 0,
    abandoned: new Map(),
    handedOver: new Set(),
    handoverFailures: [],
  };
  const survivors = clients.map((_, i) => i).filter((i) => i !== killedIndex);
  const deadline = Date.now() + options.durationMs;
  const held = new Map<string, number>();
  const holding = new Map<number, number>();
  const failed = (via: number, error: unknown) => {
    record.errors[via]!++;
    record.firstErrors[via] ||= String(error);
  };
  const hold = (leaseId: string, expiresAt: string) => {
    // 50 ms of margin for the database clock and Date.now() reading the same system clock apart.
    const now = Date.now() + 50;
    for (const [id, until] of held) if (until <= now) held.delete(id);
    held.set(leaseId, Date.parse(expiresAt));
    record.maxClientHeld = Math.max(record.maxClientHeld, held.size);
  };

  async function loop(n: number): Promise<void> {
    const home = n % clients.length;
    const survivor = survivors[n % survivors.length]!;
    const request = { feature, user: `user-${n}`, host: `host-${n % 40}` };
    while (Date.now() < deadline) {
      const via = home === killedIndex && isKilled() ? survivor : home;
      let answer: Awaited<ReturnType<FloatingClient['checkout']>>;
      try {
        answer = await clients[via]!.checkout(request);
      } catch (error) {
        failed(via, error);
        await sleep(50);
        continue;
      }
      if (!answer.granted) {
        record.denied++;
        await sleep(jitter(50, 200));
        continue;
      }
      const leaseId = answer.lease.id;
      record.grantedVia[via]!++;
      hold(leaseId, answer.lease.expiresAt);
      holding.set(n, via);
      const long = home === killedIndex && n < LONG_HOLDERS * clients.length;
      await sleep(long ? jitter(1_000, 1_000) : jitter(10, 60));
      if (n % 10 === 0) await heartbeatElsewhere(leaseId, via);
      held.delete(leaseId);
      holding.delete(n);
      try {
        await clients[via]!.checkin(leaseId);
      } catch (error) {
        failed(via, error);
        if (via !== killedIndex) throw new Error(`check-in of ${leaseId} through a live process failed`);
        if (n % 2 === 0) record.abandoned.set(leaseId, { expiresAt: answer.lease.expiresAt });
        else await handOver(leaseId, survivor);
      }
    }
  }

  async function heartbeatElsewhere(leaseId: string, via: number): Promise<void> {
    const other = survivors.find((i) => i !== via) ?? survivors[0]!;
    try {
      const beat = await clients[other]!.heartbeat(leaseId);
      if (beat.renewed) record.heartbeats.renewed++;
      else record.heartbeats.refused++;
    } catch (error) {
      failed(other, error);
    }
  }

  async function handOver(leaseId: string, survivor: number): Promise<void> {
    // LEASE_NOT_FOUND is fine here: the killed process may have committed the check-in before dying.
    try {
      await clients[survivor]!.checkin(leaseId);
      record.handedOver.add(leaseId);
    } catch (error) {
      record.handoverFailures.push(`${leaseId}: ${String(error)}`);
    }
  }

  const loops = Array.from({ length: options.count }, (_, n) => loop(n));
  return {
    result: Promise.all(loops).then(() => record),
    holdersVia: (via) => [...holding].filter(([, v]) => v === via).map(([n]) => n),
  };
}
