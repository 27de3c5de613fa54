// The snapshot model of an `lmstat -a` output: servers, vendor daemons, features, holders, queue, reservations.
import type { SkippedLine } from './usage-event.ts';

/** A license server line: "host2: license server UP (MASTER) v11.13" or "host3: Cannot connect …". */
export interface LmstatServer {
  name: string;
  status: 'UP' | 'DOWN';
  master: boolean;
  version?: string;
  error?: string;
}

/** A vendor daemon line: "VENDOR1: UP v11.6" or "vendor1: The desired vendor daemon is down. …". */
export interface LmstatVendor {
  name: string;
  status: 'UP' | 'DOWN';
  version?: string;
  error?: string;
}

/** One checked-out license. `user` may contain spaces; `display` is free text (often garbage). */
export interface LmstatHolder {
  user: string;
  host: string;
  display?: string;
  version: string;
  server: string;
  port: number;
  handle: number;
  count: number;
  /** UTC; lmstat prints no year, so it is taken from the header date (previous year if later than it). */
  startedAt: Date;
  /** "(linger: a / b)": the license stays held after check-in; `seconds` = a, `remaining` = b as printed. */
  linger?: { seconds: number; remaining: number };
  line: number;
}

/** A "queued for N licenses" line: demand that could not be served. */
export interface LmstatQueued {
  user: string;
  host: string;
  display?: string;
  version: string;
  server: string;
  handle: number;
  count: number;
  line: number;
}

/** "10 RESERVATIONs for GROUP GROUP1 (host3/27002)": seats set aside, not usage. */
export interface LmstatReservation {
  count: number;
  /** HOST, GROUP, USER, HOST_GROUP, DISPLAY, INTERNET … as printed. */
  target: string;
  name: string;
  server: string;
}

/** One "Users of FEATURE:" section. `issued` is null for uncounted features. */
export interface LmstatFeature {
  feature: string;
  vendor?: string;
  issued: number | null;
  inUse: number;
  error?: string;
  holders: LmstatHolder[];
  queued: LmstatQueued[];
  reservations: LmstatReservation[];
}

/**
 * A parsed snapshot. `status` is DOWN when no license server answered (not zero usage), UNKNOWN when the
 * text is not an `lmstat -a` output. `takenAt` is UTC, from the header (or the caller's `observedAt`).
 */
export interface LmstatSnapshot {
  takenAt: Date | undefined;
  status: 'UP' | 'DOWN' | 'UNKNOWN';
  servers: LmstatServer[];
  vendors: LmstatVendor[];
  features: LmstatFeature[];
  skipped: SkippedLine[];
}
