// Line-level hazards of debug logs: CRLF, BOM, wrapped lines, corrupted times, odd usage lines, stable keys.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { runFlexnet } from './flexnet-test-helpers.ts';
import { eventKey } from './usage-event.ts';

const fixture = readFileSync(new URL('./fixtures/crlf-bom-wrapped.log', import.meta.url), 'utf8');

describe('FlexNet debug parser: lines', () => {
  it('reads a CRLF file with a byte-order mark, a wrapped line and a corrupted time', () => {
    const run = runFlexnet(fixture);
    assert.deepEqual(
      run.events.map((e) => [e.line, e.kind, e.user, e.host]),
      [
        [2, 'OUT', 'jdoe', 'pc1'],
        [3, 'DENIED', 'Ana Maria', 'pc2'],
        [6, 'IN', 'jdoe', 'pc1'],
      ],
    );
    assert.deepEqual(run.skipped, [{ line: 5, reason: 'corrupted time "9x:03:00"' }]);
    assert.equal(run.stats.continuations, 1);
  });
  it('joins a continuation line to the previous line (raw keeps the break)', () => {
    const denied = runFlexnet(fixture).events[1]!;
    assert.equal(denied.reason, 'Licensed number of usersalready reached. (-4,342)');
    assert.equal(denied.errorCode, '-4,342');
    assert.equal(denied.raw.split('\n').length, 2);
  });
  it('treats lone CR like a line break', () => {
    const run = runFlexnet('9:00:00 (lmgrd) TIMESTAMP 3/1/2019\r9:01:00 (MLM) OUT: "F" u@h\r');
    assert.equal(run.events.length, 1);
  });
  it('reads check-in causes, counts, products, license keys and reasons', () => {
    const text = [
      '9:00:00 (lmgrd) TIMESTAMP 3/1/2019',
      '9:01:00 (MSC) IN: "MSCONE" u1@m1 [MSCONE:NASTRAN] (13 licenses) (SHUTDOWN)',
      '9:02:00 (MLM) UNSUPPORTED: "MATLAB" (BF04C1B183DD400E147F) Javier@PC-7  (No such feature exists. (-5,346))',
      '9:03:00 (pk) UNSUPPORTED: "pw" (PORT_AT_HOST_PLUS   ) lyhuw@GNE  (Not supported. (-18,327))',
      '9:04:00 (pk) DENIED: "infr" qunw@GNE  (Licensed number of users already reached. (-4,342:104 "Connection reset by peer"))',
      '9:05:00 (MLM) QUEUED: "MATLAB" jdoe@pc1',
      '9:06:00 (MLM) DEQUEUED: "MATLAB" jdoe@pc1',
    ].join('\n');
    const [inn, uns, uns2, den, q, dq] = runFlexnet(text).events;
    assert.deepEqual([inn!.checkinCause, inn!.count, inn!.product], ['SHUTDOWN', 13, 'MSCONE:NASTRAN']);
    assert.deepEqual([uns!.user, uns!.host, uns!.errorCode], ['Javier', 'PC-7', '-5,346']);
    assert.deepEqual([uns2!.user, uns2!.host], ['lyhuw', 'GNE']);
    assert.equal(den!.errorCode, '-4,342');
    assert.deepEqual([q!.kind, dq!.kind], ['QUEUED', 'DEQUEUED']);
  });
  it('skips usage lines it cannot read, with a reason, and ignores informational lines silently', () => {
    const text = [
      '9:00:00 (lmgrd) TIMESTAMP 3/1/2019',
      '9:01:00 (MLM) OUT: MATLAB jdoe@pc1',
      '9:02:00 (MLM) OUT: "MATLAB" nobody',
      '9:03:00 (MLM) SERVER-OUT: Failed to send the message(71) <END>',
      '25:61:00 (MLM) EXITING DUE TO SIGNAL 25',
    ].join('\n');
    const run = runFlexnet(text);
    assert.deepEqual(run.skipped, [
      { line: 2, reason: 'OUT line without a quoted feature' },
      { line: 3, reason: 'OUT line without user@host' },
    ]);
    assert.equal(run.stats.informational, 2);
  });
  it('numbers identical lines within one second and gives the same keys on every parse', () => {
    const line = '9:01:00 (pk) DENIED: "base" qunw@GNE  (Licensed number of users already reached. (-4,342))';
    const text = `9:00:00 (lmgrd) TIMESTAMP 3/1/2019\n${line}\n${line}\n${line}\n`;
    const keys = runFlexnet(text).events.map(eventKey);
    assert.equal(new Set(keys).size, 3);
    assert.deepEqual(runFlexnet(text).events.map(eventKey), keys);
    assert.deepEqual(
      runFlexnet(text).events.map((e) => e.occurrence),
      [1, 2, 3],
    );
  });
});
