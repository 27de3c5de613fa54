// Streaming parser for `lmstat -a` snapshots: push lines, get one snapshot at the end.

import { parseFeatureHeader, parseHolderLine, parseQueuedLine } from './lmstat-lines.ts';
import type { LmstatFeature, LmstatSnapshot } from './lmstat-types.ts';
import { assertZone, createZoneConverter, dayNumber } from './local-time.ts';

/** Options of {@link createLmstatParser}. */
export interface LmstatParserOptions {
  /** IANA zone of the license server's clock (lmstat prints local times). */
  timeZone: string;
  /** When the command ran, used only if the output has no header date (e.g. the server is down). */
  observedAt?: Date;
}

const HEADER = /status on \w{3} (\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2})/;
const SERVER = /^(\S+): license server (UP|DOWN)( \(MASTER\))?(?: v(\S+))?/;
const SERVER_ERROR = /^(\S+): (Cannot connect to license server.*|lmgrd is not running.*)$/;
const VENDOR = /^\s+(\S+): (UP|DOWN)?(?: v(\S+))?(.*)$/;
const FEATURE_INFO = /^\s*"[^"]+" v\S+, vendor: ([^,\s]+)/;
const RESERVATION = /^\s+(\d+) RESERVATIONs? for (\S+) (.+?) \(([^/\s]+)\/\d+\)/;
const LOOKS_LIKE_HOLDER = /\(v[^)]*\) \([^)]*\/\d+/;

/**
 * Creates an lmstat parser. Holder start times carry no year: the header's year is used, or the year
 * before when that would put the start after the header. RESERVATION lines are kept apart from usage,
 * "queued for N" lines are demand, and a server that cannot be reached makes the snapshot DOWN.
 * @example
 * const p = createLmstatParser({ timeZone: 'UTC' });
 * for (const line of lines) p.push(line);
 * const snapshot = p.end(); // { takenAt, status, servers, vendors, features, skipped }
 */
export function createLmstatParser(options: LmstatParserOptions): {
  push(line: string): void;
  end(): LmstatSnapshot;
} {
  assertZone(options.timeZone);
  const toUtc = createZoneConverter(options.timeZone);
  const snap: LmstatSnapshot = {
    takenAt: undefined,
    status: 'UNKNOWN',
    servers: [],
    vendors: [],
    features: [],
    skipped: [],
  };
  let header: { day: number; minute: number } | undefined;
  let section: 'top' | 'vendors' | 'features' = 'top';
  let feature: LmstatFeature | undefined;
  let lineNo = 0;
  let listingOnly = false;
  let unreachable = false;

  const startedAt = (month: number, day: number, minute: number): Date | undefined => {
    if (!header) return undefined;
    const year = new Date(header.day * 86_400_000).getUTCFullYear();
    let d = dayNumber(year, month, day);
    if (d !== undefined && d * 1440 + minute > header.day * 1440 + header.minute)
      d = dayNumber(year - 1, month, day);
    return d === undefined ? undefined : toUtc(d, minute * 60).at;
  };

  const push = (text: string): void => {
    lineNo++;
    const h = HEADER.exec(text);
    if (h && !header) {
      const day = dayNumber(Number(h[3]), Number(h[1]), Number(h[2]));
      if (day === undefined) return void snap.skipped.push({ line: lineNo, reason: 'invalid header date' });
      header = { day, minute: Number(h[4]) * 60 + Number(h[5]) };
      snap.takenAt = toUtc(day, header.minute * 60).at;
      return;
    }
    if (/^NOTE: lmstat -i/.test(text)) listingOnly = true;
    if (/Cannot connect to license server/i.test(text)) unreachable = true;
    const s = SERVER.exec(text);
    if (s) {
      const server = { name: s[1]!, status: s[2] as 'UP' | 'DOWN', master: s[3] !== undefined };
      return void snap.servers.push(s[4] ? { ...server, version: s[4] } : server);
    }
    const e = SERVER_ERROR.exec(text);
    if (e) return void snap.servers.push({ name: e[1]!, status: 'DOWN', master: false, error: e[2]! });
    if (/^Vendor daemon status/.test(text)) section = 'vendors';
    else if (/^Feature usage info/.test(text)) section = 'features';
    const v = section === 'vendors' ? VENDOR.exec(text) : null;
    if (v) {
      const up = v[2] === 'UP';
      const vendor = { name: v[1]!, status: up ? ('UP' as const) : ('DOWN' as const) };
      snap.vendors.push(
        up ? { ...vendor, ...(v[3] ? { version: v[3] } : {}) } : { ...vendor, error: text.trim() },
      );
      return;
    }
    const f = parseFeatureHeader(text);
    if (f) {
      section = 'features';
      feature = { ...f, holders: [], queued: [], reservations: [] };
      return void snap.features.push(feature);
    }
    if (feature) readFeatureLine(text);
  };

  const readFeatureLine = (text: string): void => {
    const current = feature!;
    const info = FEATURE_INFO.exec(text);
    if (info) {
      current.vendor ??= info[1]!;
      return;
    }
    const r = RESERVATION.exec(text);
    if (r) {
      current.reservations.push({ count: Number(r[1]), target: r[2]!, name: r[3]!, server: r[4]! });
      return;
    }
    const q = parseQueuedLine(text);
    if (q) return void current.queued.push({ ...q, line: lineNo });
    const raw = parseHolderLine(text);
    if (!raw) {
      if (LOOKS_LIKE_HOLDER.test(text)) snap.skipped.push({ line: lineNo, reason: 'unreadable holder line' });
      return;
    }
    const at = startedAt(raw.month, raw.day, raw.minuteOfDay);
    if (!at) return void snap.skipped.push({ line: lineNo, reason: 'start time without a header date' });
    const { month: _m, day: _d, minuteOfDay: _t, ...holder } = raw;
    current.holders.push({ ...holder, startedAt: at, line: lineNo });
  };

  return {
    push,
    end() {
      snap.takenAt ??= options.observedAt;
      const anyUp = snap.servers.some((s) => s.status === 'UP');
      if (listingOnly && !header) {
        snap.skipped.push({
          line: 1,
          reason: 'not an lmstat -a output (lmstat -i lists license files, no usage)',
        });
      } else if (anyUp || (snap.servers.length === 0 && snap.features.length > 0)) snap.status = 'UP';
      else if (snap.servers.length > 0 || unreachable) snap.status = 'DOWN';
      return snap;
    },
  };
}
