// The summary an import returns (CLI --json, upload API): events parsed per kind, events newly
// stored, distinct users and features, the time span, and every skipped line with its reason.
import { normalizeUsername, USAGE_KINDS, type UsageEvent, type UsageKind } from '@licentia/core';

/** Skipped lines kept in the answer; beyond it only `skippedTotal` grows (memory stays bounded). */
export const MAX_REPORTED_SKIPS = 10_000;

export interface UsageImportReport {
  events: Record<UsageKind, number>;
  new: number;
  users: number;
  features: number;
  first: string | null;
  last: string | null;
  skipped: { line: number; reason: string }[];
  /** Lines read, skipped lines in all (may exceed `skipped.length`), and non-fatal oddities. */
  lines: number;
  skippedTotal: number;
  warnings: { line: number; reason: string }[];
  /** lmstat imports: what the snapshot said about the server. */
  snapshot?: { status: 'UP' | 'DOWN' | 'UNKNOWN'; takenAt: string | null };
  /**
   * Present when the license server takes no new data (disabled, or updated to a version released
   * after the maintenance end): the file was read and reported, nothing was stored (`new: 0`).
   */
  refused?: { reason: string; detail: string };
}

/** Accumulates a report while events stream by; holds the distinct user and feature names only. */
export class ImportReportBuilder {
  private readonly counts = Object.fromEntries(USAGE_KINDS.map((k) => [k, 0])) as Record<UsageKind, number>;
  private readonly users = new Set<string>();
  private readonly features = new Set<string>();
  private first: Date | undefined;
  private last: Date | undefined;
  private readonly skipped: { line: number; reason: string }[] = [];
  private readonly warnings: { line: number; reason: string }[] = [];
  private skippedTotal = 0;
  inserted = 0;
  lines = 0;

  constructor(private readonly caseSensitive: boolean) {}

  event(e: UsageEvent): void {
    this.counts[e.kind]++;
    this.users.add(normalizeUsername(e.user, { caseSensitive: this.caseSensitive }));
    this.features.add(e.feature);
    if (!this.first || e.at < this.first) this.first = e.at;
    if (!this.last || e.at > this.last) this.last = e.at;
  }

  skip(line: number, reason: string): void {
    this.skippedTotal++;
    if (this.skipped.length < MAX_REPORTED_SKIPS) this.skipped.push({ line, reason });
  }

  warning(line: number, reason: string): void {
    if (this.warnings.length < MAX_REPORTED_SKIPS) this.warnings.push({ line, reason });
  }

  build(extra: Pick<UsageImportReport, 'snapshot' | 'refused'> = {}): UsageImportReport {
    return {
      events: { ...this.counts },
      new: this.inserted,
      users: this.users.size,
      features: this.features.size,
      first: this.first?.toISOString() ?? null,
      last: this.last?.toISOString() ?? null,
      skipped: [...this.skipped].sort((a, b) => a.line - b.line),
      lines: this.lines,
      skippedTotal: this.skippedTotal,
      warnings: this.warnings,
      ...extra,
    };
  }
}
