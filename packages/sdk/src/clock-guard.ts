// Clock-rollback guard for offline licenses: remembers the latest time it has seen and refuses a
// current time earlier than that by more than a tolerance, so setting the clock back does not
// revive an expired license file. The remembered time only ever moves forward.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/** Where the latest seen time is kept (milliseconds since the epoch). */
export interface ClockStore {
  read(): Promise<number | null>;
  write(latestMs: number): Promise<void>;
}

/** Clock going back by up to this much (NTP corrections, DST mistakes, VM restores) is accepted. */
export const DEFAULT_CLOCK_TOLERANCE_MS = 5 * 60_000;

export type ClockCheck =
  | { ok: true; latestSeen: Date }
  | { ok: false; code: 'CLOCK_ROLLBACK'; latestSeen: Date };

export interface ClockGuard {
  /** Compare `now` with the latest time seen, and remember `now` when it is later. */
  check(now?: Date): Promise<ClockCheck>;
}

/**
 * A store in a small file, written atomically (temporary file, then rename) with mode 0600.
 * Unreadable or corrupt content reads as "nothing seen yet".
 * @example const store = fileClockStore('/var/lib/acme/licentia.clock');
 */
export function fileClockStore(path: string): ClockStore {
  return {
    async read() {
      const text = await readFile(path, 'utf8').catch(() => null);
      const value = text === null ? Number.NaN : Number(text.trim());
      return Number.isSafeInteger(value) && value > 0 ? value : null;
    },
    async write(latestMs) {
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      const temporary = `${path}.${process.pid}.tmp`;
      await writeFile(temporary, `${latestMs}\n`, { mode: 0o600 });
      await rename(temporary, path);
    },
  };
}

/**
 * An in-memory store (tests, or apps that persist the time themselves).
 * @example const guard = createClockGuard({ store: memoryClockStore(Date.parse('2030-01-01')) });
 */
export function memoryClockStore(initialMs: number | null = null): ClockStore {
  let value = initialMs;
  return {
    read: async () => value,
    write: async (latestMs) => {
      value = latestMs;
    },
  };
}

/**
 * The default file of an app: `~/.licentia/<appId>.clock`. The app id must be a plain file name.
 * @example defaultClockPath('com.acme.cad') // '/home/ann/.licentia/com.acme.cad.clock'
 */
export function defaultClockPath(appId: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(appId))
    throw new TypeError('appId must be letters, digits, dots, dashes or underscores');
  return join(homedir(), '.licentia', `${appId}.clock`);
}

export interface ClockGuardOptions {
  /** Names the default store file; required unless `store` is given. */
  appId?: string;
  store?: ClockStore;
  toleranceMs?: number;
}

/**
 * A guard over a store: refuses (CLOCK_ROLLBACK) when `now` is earlier than the latest seen time by
 * more than `toleranceMs` (default 5 minutes); otherwise accepts, and stores `now` if it is later.
 * A refused check leaves the stored time untouched. Deleting the store resets it — the guard raises
 * the cost of rolling the clock back, it cannot make it impossible on a machine the user controls.
 * @example
 * const guard = createClockGuard({ appId: 'com.acme.cad' });
 * const check = await guard.check();
 * if (!check.ok) console.error(`clock is behind ${check.latestSeen.toISOString()}`);
 */
export function createClockGuard(options: ClockGuardOptions): ClockGuard {
  const store =
    options.store ??
    (options.appId !== undefined ? fileClockStore(defaultClockPath(options.appId)) : undefined);
  if (!store) throw new TypeError('createClockGuard needs an appId or a store');
  const tolerance = options.toleranceMs ?? DEFAULT_CLOCK_TOLERANCE_MS;
  return {
    async check(now = new Date()) {
      const nowMs = now.getTime();
      const latest = await store.read();
      if (latest !== null && nowMs < latest - tolerance)
        return { ok: false, code: 'CLOCK_ROLLBACK', latestSeen: new Date(latest) };
      if (latest === null || nowMs > latest) await store.write(nowMs);
      return { ok: true, latestSeen: new Date(Math.max(nowMs, latest ?? nowMs)) };
    },
  };
}
