// The state of one feature's seat pool: leases, the wait queue and seats held for granted queue entries.

/** Who asks for or holds a seat; the subjects of the options rules are read from these fields. */
export interface SeatHolder {
  user: string;
  host: string;
  /** The client's declared group; a GROUP subject also matches users listed in the options' GROUP. */
  group?: string;
  department?: string;
  /** IPv4 address as dotted quad, matched by INTERNET subjects. */
  ip?: string;
  /** The X display or terminal, shown by the lmstat report only. */
  display?: string;
  /** The client machine's fingerprint, carried into the lease token (`fp`); no rule matches on it. */
  fingerprint?: string;
}

/** A check-out request. Times are epoch milliseconds. */
export interface SeatRequest extends SeatHolder {
  /** Caller-minted id (`lease_…`): the lease id when granted, the queue entry id when queued. */
  id: string;
  /** Seats asked for, a positive integer. */
  count: number;
  /** A retried request with the same key gets the lease it already holds. */
  idempotencyKey?: string;
  /** Wait in the queue instead of being denied when no seat is free. */
  wait?: boolean;
  /** Borrow (offline use) until this instant; the lease then needs no heartbeat. */
  borrowUntil?: number;
}

/** A live, borrowed or lingering lease. Invariant: it occupies `count` seats until `expiresAt`. */
export interface Lease extends SeatHolder {
  leaseId: string;
  count: number;
  startedAt: number;
  /** The one deadline: heartbeat expiry, borrow end, or linger end (whichever state the lease is in). */
  expiresAt: number;
  /** Last heartbeat that reported activity; the idle TIMEOUT option counts from here. */
  lastActiveAt: number;
  borrowedUntil?: number;
  /** Set once checked in with linger: the seat stays held until then and the lease is not renewable. */
  lingerUntil?: number;
  idempotencyKey?: string;
}

/** A waiting request. Invariant: `position` is its 1-based index in `PoolState.queue`. */
export interface QueueEntry {
  entryId: string;
  request: SeatRequest;
  enqueuedAt: number;
  lastHeartbeatAt: number;
  position: number;
}

/** Seats set aside for a queue entry that reached the head: claimed by checking out again before `holdUntil`. */
export interface Hold {
  entryId: string;
  request: SeatRequest;
  grantedAt: number;
  holdUntil: number;
}

/** The policy-derived settings of a pool (not FlexNet options). */
export interface PoolConfig {
  feature: string;
  seats: number;
  heartbeatIntervalSeconds: number;
  /** Missed heartbeats tolerated: a lease expires at last heartbeat + interval × tolerance. */
  heartbeatTolerance: number;
  /** How long seats stay held for a queue entry granted at the head of the queue. */
  holdSeconds: number;
  /** A queue entry without a poll or heartbeat for this long is dropped. */
  queueTimeoutSeconds: number;
}

/** One pool row: what the server reads and writes under the pool's row lock. */
export interface PoolState extends PoolConfig {
  leases: Lease[];
  queue: QueueEntry[];
  holds: Hold[];
}

/**
 * An empty pool.
 * @example createPoolState({ feature: 'cad', seats: 10, heartbeatIntervalSeconds: 60,
 *   heartbeatTolerance: 2, holdSeconds: 30, queueTimeoutSeconds: 120 }).leases; // []
 */
export function createPoolState(config: PoolConfig): PoolState {
  return { ...config, leases: [], queue: [], holds: [] };
}

/**
 * Everything occupying seats: leases (live, borrowed, lingering) and holds.
 * @example occupants(pool).reduce((n, o) => n + o.count, 0); // seats taken
 */
export function occupants(state: PoolState): (SeatHolder & { count: number })[] {
  return [...state.leases, ...state.holds.map((h) => h.request)];
}

/**
 * Seats taken by leases and holds. Invariant kept by every operation: `occupiedSeats(s) <= s.seats`.
 * @example occupiedSeats(pool); // 3
 */
export function occupiedSeats(state: PoolState): number {
  return occupants(state).reduce((sum, o) => sum + o.count, 0);
}

/**
 * Seats out on borrow (offline) leases.
 * @example borrowedSeats(pool); // 1
 */
export function borrowedSeats(state: PoolState): number {
  return state.leases.reduce((sum, l) => sum + (l.borrowedUntil === undefined ? 0 : l.count), 0);
}

/**
 * Lease lifetime granted by a check-out or heartbeat: interval × tolerance, in milliseconds.
 * @example leaseTtlMs({ heartbeatIntervalSeconds: 60, heartbeatTolerance: 2 }); // 120000
 */
export function leaseTtlMs(
  config: Pick<PoolConfig, 'heartbeatIntervalSeconds' | 'heartbeatTolerance'>,
): number {
  return config.heartbeatIntervalSeconds * config.heartbeatTolerance * 1000;
}

/**
 * Upper bound on how long a crashed client keeps its seat: interval × tolerance + the sweeper's period.
 * @example deadDetectionBoundMs(pool, 15); // 135000 for a 60 s interval and tolerance 2
 */
export function deadDetectionBoundMs(config: PoolConfig, sweepPeriodSeconds: number): number {
  return leaseTtlMs(config) + sweepPeriodSeconds * 1000;
}

/**
 * Renumbers queue positions after removals. Invariant restored: position = index + 1.
 * @example renumber([entryAtPosition2]); // [{ …entry, position: 1 }]
 */
export function renumber(queue: readonly QueueEntry[]): QueueEntry[] {
  return queue.map((e, i) => (e.position === i + 1 ? e : { ...e, position: i + 1 }));
}
