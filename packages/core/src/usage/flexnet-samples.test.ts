// Acceptance: every real FlexNet debug log in ../shared/samples/flexnet parses, with counts checked by plain regex.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { runFlexnet } from './flexnet-test-helpers.ts';
import { eventKey } from './usage-event.ts';

const samples = new URL('../../../../../shared/samples/flexnet/', import.meta.url);
const KINDS = ['OUT', 'IN', 'DENIED', 'UNSUPPORTED'] as const;
// Independent of the parser: a usage line is "H:MM:SS (daemon) KIND: ". A bare /\bOUT: / would also
// count "SERVER-OUT: Failed to send the message" (matlab.log), which is not a checkout.
const USAGE = /^\uFEFF?\s*\d{1,2}:\d{2}:\d{2} \([^()\s]+\) (OUT|IN|DENIED|UNSUPPORTED): /;
const USER = /: "[^"]+" (?:\([^)]*\)\s+)?(.+?)@/;
// The only reasons a sample line may legitimately be skipped instead of counted.
const ALLOWED_SKIPS = /^(corrupted time|usage line without a time prefix|no date anchor)/;

/** The numbers the parser must reproduce, from a plain line match over the raw file. */
interface Expected {
  counts: Record<string, number>;
  users: Set<string>;
}

function expectedOf(text: string, skippedLines: Set<number>): Expected {
  const counts: Record<string, number> = { OUT: 0, IN: 0, DENIED: 0, UNSUPPORTED: 0 };
  const users = new Set<string>();
  text.split(/\r\n|\n|\r/).forEach((line, index) => {
    const m = USAGE.exec(line);
    if (!m || skippedLines.has(index + 1)) return;
    counts[m[1]!]!++;
    users.add(USER.exec(line)![1]!);
  });
  return { counts, users };
}

const files = readdirSync(samples)
  .filter((name) => name.endsWith('.log'))
  .sort();
// What the samples hold, so a lost or renamed file fails loudly: [OUT, IN, DENIED, UNSUPPORTED, users].
const PINNED: Record<string, number[]> = {
  'joseantoniovilar__Stats_Logs_FlexLM__matlab.log': [1751, 1482, 0, 8, 35],
  'lutzpeschlow__parse_lmgrd_log__lmgrd_anonym.log': [21, 21, 0, 0, 1],
  'talestk__log_parser__genetech.log': [451, 439, 1784, 4, 9],
};

describe('FlexNet debug-log samples', () => {
  it('finds the three debug logs of the sample folder', () => {
    assert.deepEqual(files, Object.keys(PINNED).sort());
  });
  for (const name of files) {
    const text = readFileSync(new URL(name, samples), 'utf8');
    const run = runFlexnet(text, { server: 'sample', timeZone: 'Europe/Madrid' });
    it(`${name}: per-kind counts and distinct users match a plain line match`, () => {
      for (const s of run.skipped) assert.match(s.reason, ALLOWED_SKIPS, `line ${s.line}`);
      const expected = expectedOf(text, new Set(run.skipped.map((s) => s.line)));
      for (const kind of KINDS) {
        const got = run.events.filter((e) => e.kind === kind).length;
        assert.equal(got, expected.counts[kind], kind);
      }
      assert.deepEqual(new Set(run.events.map((e) => e.user)), expected.users);
      const pinned = [...KINDS.map((k) => expected.counts[k]), expected.users.size];
      assert.deepEqual(pinned, PINNED[name]);
    });
    it(`${name}: every event is dated and lies within the log's span`, () => {
      assert.ok(run.events.length > 0);
      assert.deepEqual(run.warnings, []);
      for (const e of run.events) assert.ok(!Number.isNaN(e.at.getTime()) && e.at.getUTCFullYear() >= 2016);
    });
    it(`${name}: parsing twice yields identical, unique event keys`, () => {
      const first = run.events.map(eventKey);
      const second = runFlexnet(text, { server: 'sample', timeZone: 'Europe/Madrid' }).events.map(eventKey);
      assert.deepEqual(second, first);
      assert.equal(new Set(first).size, first.length);
    });
  }
});
