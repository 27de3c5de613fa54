// Denial views: distinct (user, feature, day) against retry storms, true denials, username normalization.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { distinctDenials, normalizeUsername, trueDenials } from './denials.ts';
import { runFlexnet } from './flexnet-test-helpers.ts';
import type { UsageEvent, UsageKind } from './usage-event.ts';

function ev(kind: UsageKind, iso: string, user = 'jdoe', feature = 'MATLAB'): UsageEvent {
  const at = new Date(iso);
  return {
    kind,
    at,
    dateSource: 'explicit',
    server: 's',
    daemon: 'd',
    feature,
    user,
    host: 'h',
    count: 1,
    occurrence: 1,
    line: 1,
    raw: '',
  };
}

describe('denials', () => {
  it('normalizes user names: trim, collapse inner spaces, lower-case unless case-sensitive', () => {
    assert.equal(normalizeUsername('  Marta   Rodriguez '), 'marta rodriguez');
    assert.equal(normalizeUsername(' JDoe ', { caseSensitive: true }), 'JDoe');
  });
  it('counts a retry loop once per user, feature and UTC day', () => {
    const rows = distinctDenials([
      ev('DENIED', '2024-01-01T10:00:00Z', 'JDoe'),
      ev('DENIED', '2024-01-01T10:00:01Z', 'jdoe '),
      ev('DENIED', '2024-01-01T23:59:59Z', 'jdoe'),
      ev('DENIED', '2024-01-02T00:00:00Z', 'jdoe'),
      ev('UNSUPPORTED', '2024-01-02T00:00:00Z', 'jdoe'),
      ev('DENIED', '2024-01-01T10:00:00Z', 'jdoe', 'SIMULINK'),
    ]);
    assert.deepEqual(
      rows.map((r) => [r.day, r.feature, r.user, r.denials]),
      [
        ['2024-01-01', 'MATLAB', 'jdoe', 3],
        ['2024-01-01', 'SIMULINK', 'jdoe', 1],
        ['2024-01-02', 'MATLAB', 'jdoe', 1],
      ],
    );
  });
  it('keeps as true denials only those not followed by an OUT within the window', () => {
    const events = [
      ev('DENIED', '2024-01-01T10:00:00Z'),
      ev('OUT', '2024-01-01T10:04:00Z', 'JDOE'),
      ev('DENIED', '2024-01-01T11:00:00Z'),
      ev('OUT', '2024-01-01T11:06:00Z'),
      ev('DENIED', '2024-01-01T12:00:00Z', 'ana'),
    ];
    assert.deepEqual(
      trueDenials(events).map((e) => e.at.toISOString()),
      ['2024-01-01T11:00:00.000Z', '2024-01-01T12:00:00.000Z'],
    );
    assert.equal(trueDenials(events, { withinMinutes: 10 }).length, 1);
  });
  it('reduces the genetech denial storm (1,784 raw lines) to a handful of distinct rows', () => {
    const url = new URL(
      '../../../../../shared/samples/flexnet/talestk__log_parser__genetech.log',
      import.meta.url,
    );
    const { events } = runFlexnet(readFileSync(url, 'utf8'), { timeZone: 'UTC' });
    const raw = events.filter((e) => e.kind === 'DENIED').length;
    const rows = distinctDenials(events);
    assert.equal(raw, 1784);
    assert.equal(
      rows.reduce((n, r) => n + r.denials, 0),
      raw,
    );
    assert.ok(rows.length < 100, `${rows.length} rows`);
  });
});
