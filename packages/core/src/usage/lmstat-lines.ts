// Line readers for `lmstat -a`: holder and queued lines parsed from the right, reservations, feature headers.

/** The left part of a holder line split into user (may contain spaces), host and display. */
export interface HolderIdentity {
  user: string;
  host: string;
  display?: string;
}

const HOSTNAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Splits "user host display" from the right: the host is the rightmost hostname-like token that has
 * at least one token after it (the display, which may be garbage with spaces); everything before it
 * is the user. With only two tokens they are user and host.
 * @example
 * splitIdentity('John Doe John_D "U,K$ iQw<&!'); // { user: 'John Doe', host: 'John_D', display: '"U,K$ iQw<&!' }
 */
export function splitIdentity(left: string): HolderIdentity | undefined {
  const tokens = left.trim().split(/\s+/);
  if (tokens.length < 2) return undefined;
  if (tokens.length === 2) return { user: tokens[0]!, host: tokens[1]! };
  let i = tokens.length - 2;
  while (i > 0 && !HOSTNAME.test(tokens[i]!)) i--;
  if (i === 0) i = tokens.length - 2;
  return { user: tokens.slice(0, i).join(' '), host: tokens[i]!, display: tokens.slice(i + 1).join(' ') };
}

const HOLDER =
  /^\s+(.+?) \(v([^)]*)\) \(([^/\s]+)\/(\d+)\s+(\d+)\), start \w{3} (\d{1,2})\/(\d{1,2}) (\d{1,2}):(\d{2})(.*)$/;
const QUEUED = /^\s+(.+?) \(v([^)]*)\) \(([^/\s]+)\/(\d+)\s+(\d+)\) queued for (\d+) licenses?/;

/** A holder line before its start time gets a year. */
export interface RawHolder extends HolderIdentity {
  version: string;
  server: string;
  port: number;
  handle: number;
  count: number;
  month: number;
  day: number;
  minuteOfDay: number;
  linger?: { seconds: number; remaining: number };
}

/**
 * Reads "    jdoe host1 /dev/tty (v1.0) (server/27000 1234), start Thu 10/6 9:41[, 5 licenses][ (linger: a / b)]".
 * @example
 * parseHolderLine('    jdoe h1 /dev/tty (v1.0) (srv/27000 12), start Thu 10/6 9:41')?.minuteOfDay; // 581
 */
export function parseHolderLine(text: string): RawHolder | undefined {
  const m = HOLDER.exec(text);
  const who = m ? splitIdentity(m[1]!) : undefined;
  if (!m || !who) return undefined;
  const tail = m[10]!;
  const count = /, (\d+) licenses?/.exec(tail);
  const linger = /\(linger: (\d+)\s*\/\s*(\d+)\)/.exec(tail);
  return {
    ...who,
    version: m[2]!,
    server: m[3]!,
    port: Number(m[4]),
    handle: Number(m[5]),
    count: count ? Number(count[1]) : 1,
    month: Number(m[6]),
    day: Number(m[7]),
    minuteOfDay: Number(m[8]) * 60 + Number(m[9]),
    ...(linger ? { linger: { seconds: Number(linger[1]), remaining: Number(linger[2]) } } : {}),
  };
}

/**
 * Reads "    user3 host disp 2017.06 (v2017.06) (srv/27002 15480) queued for 1 license" (the bare
 * version before "(v…)" is dropped).
 * @example
 * parseQueuedLine('    u h d 1.0 (v1.0) (srv/27002 9) queued for 2 licenses')?.count; // 2
 */
export function parseQueuedLine(text: string) {
  const m = QUEUED.exec(text);
  if (!m) return undefined;
  const left = m[1]!.trim().replace(/\s+v?\d+(\.\d+)*$/, '');
  const who = splitIdentity(left);
  if (!who) return undefined;
  return { ...who, version: m[2]!, server: m[3]!, handle: Number(m[5]), count: Number(m[6]) };
}

/**
 * Reads the counts in "Users of FEATURE:  (Total of N licenses issued;  Total of M licenses in use)",
 * "(Uncounted, node-locked)" and "(Error: …)".
 * @example
 * parseFeatureHeader('Users of f1:  (Total of 10 licenses issued;  Total of 2 licenses in use)'); // { feature: 'f1', issued: 10, inUse: 2 }
 */
export function parseFeatureHeader(
  text: string,
): { feature: string; issued: number | null; inUse: number; error?: string } | undefined {
  const m = /^Users of (.+?):\s+\((.*)\)\s*$/.exec(text);
  if (!m) return undefined;
  const inner = m[2]!;
  const totals = /Total of (\d+) licenses? issued;\s+Total of (\d+) licenses? in use/.exec(inner);
  if (totals) return { feature: m[1]!, issued: Number(totals[1]), inUse: Number(totals[2]) };
  if (/^Uncounted/i.test(inner)) return { feature: m[1]!, issued: null, inUse: 0 };
  return { feature: m[1]!, issued: 0, inUse: 0, error: inner.replace(/^Error:\s*/, '') };
}
