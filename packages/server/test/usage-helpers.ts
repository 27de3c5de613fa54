// Helpers of the usage suites: a license server per test, imports through the streaming service (in
// small chunks, so lines and CRLF split across chunks), and plain-text oracles over the sample files.
import { readFileSync } from 'node:fs';
import { type LicenseServerRow, licenseServerRepository } from '@licentia/db';
import type { UsageImportReport } from '../src/usage/import-report.ts';
import { importUsage } from '../src/usage/usage-import-service.ts';
import type { UsageFormat } from '../src/usage/usage-readers.ts';
import type { Tenant, TestApp } from './harness.ts';

export const SAMPLES = new URL('../../../../shared/samples/flexnet/', import.meta.url);

export const readSample = (name: string) => readFileSync(new URL(name, SAMPLES));

export async function newServer(
  t: TestApp,
  tenant: Tenant,
  name = `lic-${Math.random().toString(36).slice(2, 8)}`,
  timeZone = 'Europe/Madrid',
): Promise<LicenseServerRow> {
  return licenseServerRepository.insert(t.database.db, tenant, {
    id: t.ctx.newId('licenseServer'),
    name,
    hosts: [],
    vendorDaemons: [],
    timeZone,
    enabled: true,
    now: new Date(),
  });
}

/** Yields `bytes` in chunks of `size` bytes (a stream as a socket would deliver it). */
export async function* chunks(bytes: Uint8Array, size = 4096): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

export function importBytes(
  t: TestApp,
  tenant: Tenant,
  server: LicenseServerRow,
  format: UsageFormat,
  bytes: Uint8Array | string,
  options: { licenseId?: string; now?: Date; batchSize?: number } = {},
): Promise<UsageImportReport> {
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  return importUsage(t.database.db, chunks(data, 1531), {
    accountId: tenant.accountId,
    organizationId: tenant.organizationId,
    format,
    server,
    licenseId: options.licenseId ?? null,
    now: options.now ?? new Date(),
    ...(options.batchSize ? { batchSize: options.batchSize } : {}),
  });
}

// Independent of the parser: a usage line is "H:MM:SS (daemon) KIND: ". A bare /\bOUT: / would also
// count "SERVER-OUT: Failed to send the message" (matlab.log), which is not a checkout.
const USAGE =
  /^\uFEFF?\s*\d{1,2}:\d{2}:\d{2} \([^()\s]+\) (OUT|IN|DENIED|UNSUPPORTED): "[^"]+" (?:\([^)]*\)\s+)?(.+?)@/;

/** Per-kind line counts and distinct users (lower-cased, or as written) by a plain line match. */
export function debugLogOracle(text: string, caseSensitive = false) {
  const counts: Record<string, number> = { OUT: 0, IN: 0, DENIED: 0, UNSUPPORTED: 0 };
  const users = new Set<string>();
  for (const line of text.split(/\r\n|\n|\r/)) {
    const m = USAGE.exec(line);
    if (!m) continue;
    counts[m[1]!]!++;
    const user = m[2]!.trim();
    users.add(caseSensitive ? user : user.toLowerCase());
  }
  return { counts, users };
}
