// usage-import: lines per second importing a 1,000,000-line synthetic FlexNet debug log into
// PostgreSQL through the streaming import service (parse, dedupe keys, batched INSERT … ON CONFLICT
// DO NOTHING, last-seen / per-day / denial counters). In-run baseline: a bare line-reading loop
// (node:readline) over the same file. A second import of the same file measures the re-import path.

import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { accountRepository, licenseServerRepository, organizationRepository } from '@licentia/db';
import { importUsage } from '../packages/server/src/usage/usage-import-service.ts';
import { openBenchDatabase } from './lib/bench-database.ts';
import { round, table } from './lib/load.ts';

const LINES = Number(process.env.USAGE_IMPORT_LINES ?? 1_000_000);
const USERS = 2_000;
const FEATURES = 60;

/** A realistic log: a TIMESTAMP every ~5,000 lines, seconds advancing, OUT/IN pairs, denial bursts. */
async function writeLog(path: string): Promise<void> {
  const out = createWriteStream(path);
  let written = 0;
  let seconds = 8 * 3600;
  let day = 0;
  const base = Date.UTC(2024, 0, 1);
  const write = async (line: string) => {
    if (!out.write(`${line}\n`)) await once(out, 'drain');
    written++;
  };
  const stamp = () => {
    const d = new Date(base + day * 86_400_000);
    return `${Math.floor(seconds / 3600)}:${String(Math.floor(seconds / 60) % 60).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`.concat(
      ` (lmgrd) TIMESTAMP ${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}`,
    );
  };
  await write(stamp());
  for (let i = 0; written < LINES; i++) {
    seconds += i % 3 === 0 ? 1 : 0;
    if (seconds >= 86_400) {
      seconds = 0;
      day++;
      await write(stamp());
      continue;
    }
    if (i % 5000 === 0) {
      await write(stamp());
      continue;
    }
    const time = `${Math.floor(seconds / 3600)}:${String(Math.floor(seconds / 60) % 60).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
    const user = `user${(i * 7919) % USERS}`;
    const feature = `FEATURE_${(i * 31) % FEATURES}`;
    const host = `pc${(i * 7919) % USERS}`;
    const r = i % 20;
    if (r < 9) await write(`${time} (vendor) OUT: "${feature}" ${user}@${host}`);
    else if (r < 18) await write(`${time} (vendor) IN: "${feature}" ${user}@${host}`);
    else if (r === 18)
      await write(
        `${time} (vendor) DENIED: "${feature}" ${user}@${host}  (Licensed number of users already reached. (-4,342))`,
      );
    else await write(`${time} (vendor) Checkout rate for ${feature} is normal`);
  }
  out.end();
  await once(out, 'finish');
}

async function bareLoop(path: string): Promise<{ lines: number; seconds: number }> {
  const started = performance.now();
  let lines = 0;
  for await (const _line of createInterface({
    input: createReadStream(path),
    crlfDelay: Number.POSITIVE_INFINITY,
  }))
    lines++;
  return { lines, seconds: (performance.now() - started) / 1000 };
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'licentia-usage-import-'));
  const path = join(dir, 'synthetic-lmgrd.log');
  const bench = await openBenchDatabase(4);
  try {
    await writeLog(path);
    const db = bench.database.db;
    const account = await accountRepository.insert(db, {
      id: 'acct_01benchusageimport000000000',
      name: 'bench',
    });
    const org = await organizationRepository.insert(db, account.id, {
      id: 'org_01benchusageimport0000000000',
      name: 'bench',
    });
    const scope = { accountId: account.id, organizationId: org.id };
    const server = await licenseServerRepository.insert(db, scope, {
      id: 'lsrv_01benchusageimport000000000',
      name: 'lic1',
      hosts: [],
      vendorDaemons: [],
      timeZone: 'Europe/Madrid',
      enabled: true,
      now: new Date(),
    });
    const baseline = await bareLoop(path);
    // Peak heap while importing: constant memory means it does not grow with the file.
    let peakHeap = 0;
    const importOnce = async () => {
      const sampler = setInterval(() => {
        peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      }, 50);
      const started = performance.now();
      const report = await importUsage(db, createReadStream(path), {
        ...scope,
        format: 'flexnet-debug',
        server,
        now: new Date(),
      });
      clearInterval(sampler);
      return { report, seconds: (performance.now() - started) / 1000 };
    };
    const first = await importOnce();
    const second = await importOnce();
    const lines = first.report.lines;
    const ours = lines / first.seconds;
    const bare = baseline.lines / baseline.seconds;
    table([
      {
        run: 'bare readline loop',
        lines: baseline.lines,
        seconds: round(baseline.seconds),
        lines_per_s: Math.round(bare),
      },
      {
        run: `import (${bench.url ? 'PostgreSQL' : 'PGlite'})`,
        lines,
        seconds: round(first.seconds),
        lines_per_s: Math.round(ours),
      },
      {
        run: 're-import (new: 0)',
        lines: second.report.lines,
        seconds: round(second.seconds),
        lines_per_s: Math.round(lines / second.seconds),
      },
    ]);
    const events = Object.values(first.report.events).reduce((a, b) => a + b, 0);
    console.log(
      `events ${events}, new ${first.report.new}, re-import new ${second.report.new}, users ${first.report.users}, skipped ${first.report.skippedTotal}, peak heap ${round(peakHeap / 1024 ** 2, 1)} MB`,
    );
    console.log(
      JSON.stringify({
        bench: 'usage-import',
        lines,
        lines_per_s: Math.round(ours),
        baseline_lines_per_s: Math.round(bare),
        ratio: round(ours / bare, 4),
        reimport_lines_per_s: Math.round(lines / second.seconds),
        peak_heap_mb: round(peakHeap / 1024 ** 2, 1),
        events,
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await bench.dispose();
  }
}
