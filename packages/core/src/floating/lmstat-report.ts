// Formats pools as an `lmstat -a`-like report: one "Users of FEATURE:" section per pool, one line per holder.

import type { FeatureOptions } from './options.ts';
import type { Lease, PoolState } from './pool-state.ts';

/** Where the report says the licenses are served from, and how to print times. */
export interface LmstatReportOptions {
  server: string;
  port: number;
  /** The version printed as `(v1.0)`. */
  version: string;
  /** IANA zone for start times (lmstat prints the server's local time). */
  timeZone: string;
  /** When given, a "status on" header line and linger remainders are printed. */
  now?: number;
  /** Per feature, for RESERVATION lines. */
  options?: Record<string, FeatureOptions>;
}

function parts(at: number, timeZone: string) {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const p = Object.fromEntries(format.formatToParts(at).map((x) => [x.type, x.value]));
  return {
    weekday: p.weekday!,
    month: Number(p.month),
    day: Number(p.day),
    year: p.year!,
    time: `${Number(p.hour)}:${p.minute}`,
  };
}

function holderLine(lease: Lease, handle: number, report: LmstatReportOptions): string {
  const t = parts(lease.startedAt, report.timeZone);
  const who = [lease.user, lease.host, lease.display ?? lease.host].join(' ');
  let line = `    ${who} (v${report.version}) (${report.server}/${report.port} ${handle}), start ${t.weekday} ${t.month}/${t.day} ${t.time}`;
  if (lease.count > 1) line += `, ${lease.count} licenses`;
  if (lease.lingerUntil !== undefined && report.now !== undefined) {
    const total = Math.round((lease.lingerUntil - report.now) / 1000);
    line += ` (linger: ${Math.max(total, 0)} / ${Math.max(total, 0)})`;
  }
  return line;
}

/**
 * The report text. In use counts leases (live, borrowed, lingering); seats held for queued clients are
 * not in use yet. Handles are 1-based positions across the report (the pool has no lmgrd handles).
 * Queued entries print as "queued for N licenses" lines; RESERVE rules as RESERVATION lines.
 * @example
 * formatLmstatReport([pool], { server: 'lic1', port: 27000, version: '1.0', timeZone: 'UTC' });
 * // 'Users of cad:  (Total of 10 licenses issued;  Total of 1 license in use)\n\n    alice ws1 ws1 (v1.0) (lic1/27000 1), start Thu 10/6 9:41\n'
 */
export function formatLmstatReport(pools: readonly PoolState[], report: LmstatReportOptions): string {
  const lines: string[] = [];
  if (report.now !== undefined) {
    const t = parts(report.now, report.timeZone);
    lines.push(`Flexible License Manager status on ${t.weekday} ${t.month}/${t.day}/${t.year} ${t.time}`, '');
  }
  let handle = 0;
  for (const pool of pools) {
    const inUse = pool.leases.reduce((sum, l) => sum + l.count, 0);
    const plural = (n: number) => (n === 1 ? 'license' : 'licenses');
    lines.push(
      `Users of ${pool.feature}:  (Total of ${pool.seats} ${plural(pool.seats)} issued;  Total of ${inUse} ${plural(inUse)} in use)`,
      '',
    );
    for (const r of report.options?.[pool.feature]?.reserve ?? []) {
      lines.push(
        `  ${r.count} RESERVATION${r.count === 1 ? '' : 's'} for ${r.subject.kind} ${r.subject.name} (${report.server}/${report.port})`,
      );
    }
    for (const lease of pool.leases) lines.push(holderLine(lease, ++handle, report));
    for (const e of pool.queue) {
      const r = e.request;
      lines.push(
        `    ${r.user} ${r.host} ${r.display ?? r.host} (v${report.version}) (${report.server}/${report.port} ${++handle}) queued for ${r.count} ${plural(r.count)}`,
      );
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}
