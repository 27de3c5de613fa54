// The shapes of the floating-license API (/v1/floating/…) as the SDK sends and receives them.

/** A seat lease as the server reports it; times are ISO-8601 from the database clock. */
export interface FloatingLease {
  id: string;
  licenseId: string;
  feature: string;
  count: number;
  user: string;
  host: string;
  startedAt: string;
  /** Heartbeat deadline (or borrow end): the seat returns to the pool after it. */
  expiresAt: string;
  heartbeatIntervalSeconds: number;
  borrowedUntil?: string;
  /** Set after a check-in with linger: the seat stays held until then. */
  lingerUntil?: string;
  department?: string;
  group?: string;
  display?: string;
}

export interface FloatingMeta {
  ts: string;
  nonce: string | null;
  requestId: string;
}

/** Who asks for a seat; the options rules (RESERVE, MAX, INCLUDE, EXCLUDE) match on these. */
export interface CheckoutInput {
  feature: string;
  /** Seats taken by this lease; default 1. */
  count?: number;
  user: string;
  host: string;
  fingerprint?: string;
  department?: string;
  group?: string;
  display?: string;
  /** Wait in the queue when no seat is free instead of being denied. */
  wait?: boolean;
  /** Borrow for offline use until this instant. */
  borrowUntil?: Date | string;
  /** A retried check-out with the same key gets the lease it already holds. */
  idempotencyKey?: string;
}

export interface QueueTicket {
  entryId: string;
  position: number;
  pollAfterSeconds: number;
  expiresAt: string;
}

export type CheckoutAnswer =
  | { granted: true; lease: FloatingLease; leaseToken: string; meta: FloatingMeta }
  | { granted: false; queued: true; queue: QueueTicket; meta: FloatingMeta }
  | {
      granted: false;
      queued: false;
      /** NO_SEATS, EXCLUDED, MAX_REACHED, NOT_INCLUDED, BORROW_…, LICENSE_INVALID, FEATURE_NOT_ENTITLED … */
      code: string;
      detail: string;
      violations?: { code: string; detail: string }[];
      meta: FloatingMeta;
    };

export type HeartbeatAnswer =
  | { renewed: true; lease: FloatingLease; leaseToken: string; meta: FloatingMeta }
  | { renewed: false; code: 'LEASE_NOT_FOUND' | 'LEASE_EXPIRED' | 'LEASE_REVOKED'; meta: FloatingMeta };

/** NORMAL by default; EXIT when the process is ending. */
export type CheckinReason = 'NORMAL' | 'EXIT';

export type CheckinAnswer =
  | { checkedIn: true; lingerUntil?: string; meta: FloatingMeta }
  | { checkedIn: false; code: 'LEASE_NOT_FOUND'; meta: FloatingMeta };

export type QueuePollAnswer =
  | { state: 'WAITING'; position: number; pollAfterSeconds: number; meta: FloatingMeta }
  | { state: 'GRANTED'; lease: FloatingLease; leaseToken: string; meta: FloatingMeta }
  | { state: 'EXPIRED' | 'NOT_FOUND'; meta: FloatingMeta };

/** The claims of a lease token (JWS typ `lease+jwt`); times in seconds since the epoch. */
export interface LeaseClaims {
  iss: string;
  /** The lease id. */
  sub: string;
  lic: string;
  acct: string;
  feat: string;
  cnt: number;
  usr: string;
  host: string;
  fp?: string;
  iat: number;
  /** Lease expiry, or the borrow end for a borrowed lease. */
  exp: number;
  brw?: true;
}
