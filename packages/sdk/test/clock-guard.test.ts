// The clock-rollback guard: refused beyond the tolerance, accepted within, stored time monotonic.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import {
  createClockGuard,
  DEFAULT_CLOCK_TOLERANCE_MS,
  defaultClockPath,
  fileClockStore,
  memoryClockStore,
} from '../src/index.ts';

const T0 = Date.parse('2030-01-01T00:00:00Z');
const MINUTE = 60_000;
const at = (ms: number) => new Date(ms);

describe('clock guard', () => {
  const dirs: string[] = [];
  after(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('accepts the first check and remembers its time', async () => {
    const store = memoryClockStore();
    const check = await createClockGuard({ store }).check(at(T0));
    assert.equal(check.ok, true);
    assert.equal(await store.read(), T0);
  });

  it('refuses a clock set back by more than the tolerance (default 5 minutes), keeping the stored time', async () => {
    assert.equal(DEFAULT_CLOCK_TOLERANCE_MS, 5 * MINUTE);
    const store = memoryClockStore(T0);
    const check = await createClockGuard({ store }).check(at(T0 - 5 * MINUTE - 1));
    assert.deepEqual(check, { ok: false, code: 'CLOCK_ROLLBACK', latestSeen: at(T0) });
    assert.equal(await store.read(), T0);
  });

  it('accepts a clock set back within the tolerance without moving the stored time back', async () => {
    const store = memoryClockStore(T0);
    const guard = createClockGuard({ store });
    assert.equal((await guard.check(at(T0 - 5 * MINUTE))).ok, true);
    assert.equal((await guard.check(at(T0 - MINUTE))).ok, true);
    assert.equal(await store.read(), T0);
  });

  it('moves the stored time forward only', async () => {
    const store = memoryClockStore();
    const guard = createClockGuard({ store, toleranceMs: 0 });
    for (const ms of [T0, T0 + 1000, T0 + 500, T0 + 1000, T0 + 2000]) await guard.check(at(ms));
    assert.equal(await store.read(), T0 + 2000);
    assert.equal((await guard.check(at(T0 + 1999))).ok, false);
  });

  it('honours a custom tolerance', async () => {
    const guard = createClockGuard({ store: memoryClockStore(T0), toleranceMs: 60 * MINUTE });
    assert.equal((await guard.check(at(T0 - 59 * MINUTE))).ok, true);
    assert.equal((await guard.check(at(T0 - 61 * MINUTE))).ok, false);
  });

  it('persists to a private file that a new guard reads back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'licentia-clock-'));
    dirs.push(dir);
    const path = join(dir, 'nested', 'app.clock');
    await createClockGuard({ store: fileClockStore(path) }).check(at(T0));
    assert.equal((await readFile(path, 'utf8')).trim(), String(T0));
    if (process.platform !== 'win32') assert.equal((await stat(path)).mode & 0o777, 0o600);
    const check = await createClockGuard({ store: fileClockStore(path) }).check(
      at(T0 - DEFAULT_CLOCK_TOLERANCE_MS * 2),
    );
    assert.equal(check.ok, false);
  });

  it('treats a corrupt store file as nothing seen yet', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'licentia-clock-'));
    dirs.push(dir);
    const path = join(dir, 'app.clock');
    await writeFile(path, 'not a number');
    assert.equal(await fileClockStore(path).read(), null);
  });

  it('keeps the default file under ~/.licentia and refuses app ids that are not plain names', () => {
    assert.match(defaultClockPath('com.acme.cad'), /[/\\]\.licentia[/\\]com\.acme\.cad\.clock$/);
    for (const bad of ['', '../evil', 'a/b', '.hidden'])
      assert.throws(() => defaultClockPath(bad), TypeError, bad);
    assert.throws(() => createClockGuard({}), TypeError);
  });
});
