// Hazards of real debug logs, one short hand-written fixture each: anchors, rollover, CRLF, BOM, wraps, zones.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isoTimes, runFlexnet } from './flexnet-test-helpers.ts';

const OUT = '(MLM) OUT: "MATLAB" jdoe@pc1';

describe('FlexNet debug parser: dates', () => {
  it('anchors time-only lines on TIMESTAMP M/D/YYYY', () => {
    const run = runFlexnet(`9:00:00 (lmgrd) TIMESTAMP 3/1/2019\n9:05:00 ${OUT}\n`);
    assert.deepEqual(isoTimes(run.events), ['2019-03-01T09:05:00.000Z']);
    assert.equal(run.events[0]!.dateSource, 'timestamp');
  });
  it('anchors on the lmgrd start-up line and on SLOG Time: lines', () => {
    const text = [
      '10:25:31 (lmgrd) FlexNet Licensing (v11.18.1.0 build 279785 x64_n6) started on flexlm01 (IBM PC) (6/9/2022)',
      `10:25:38 ${OUT}`,
      ' 2:25:39 (MLM) (@MLM-SLOG@) Time: Sat Jun 11 2022 02:25:39 Hora de verano romance',
      ` 2:30:00 ${OUT}`,
    ].join('\n');
    const run = runFlexnet(text);
    assert.deepEqual(isoTimes(run.events), ['2022-06-09T10:25:38.000Z', '2022-06-11T02:30:00.000Z']);
    assert.deepEqual(
      run.events.map((e) => e.dateSource),
      ['startup', 'timestamp'],
    );
  });
  it('rolls to the next day when the time of day goes down across midnight', () => {
    const run = runFlexnet(`23:15:31 (lmgrd) TIMESTAMP 12/31/2015\n23:59:59 ${OUT}\n 0:00:33 ${OUT}\n`);
    assert.deepEqual(isoTimes(run.events), ['2015-12-31T23:59:59.000Z', '2016-01-01T00:00:33.000Z']);
    assert.equal(run.events[1]!.dateSource, 'rollover');
  });
  it('does not roll over when two daemons write a few seconds out of order', () => {
    const run = runFlexnet(`16:25:34 (lmgrd) TIMESTAMP 6/9/2022\n16:25:33 ${OUT}\n`);
    assert.deepEqual(isoTimes(run.events), ['2022-06-09T16:25:33.000Z']);
  });
  it('flags concatenated logs going back in time and starts a new segment', () => {
    const text = `9:00:00 (lmgrd) TIMESTAMP 6/10/2022\n9:01:00 ${OUT}\n8:00:00 (lmgrd) TIMESTAMP 6/1/2022\n8:01:00 ${OUT}\n`;
    const run = runFlexnet(text);
    assert.deepEqual(isoTimes(run.events), ['2022-06-10T09:01:00.000Z', '2022-06-01T08:01:00.000Z']);
    assert.equal(run.warnings.length, 1);
    assert.equal(run.warnings[0]!.line, 3);
    assert.match(
      run.warnings[0]!.reason,
      /^log goes back in time: timestamp date 6\/1\/2022 .* new segment 1/,
    );
  });
  it('dates lines before the first anchor backwards from it, across a rollover', () => {
    const run = runFlexnet(`23:50:00 ${OUT}\n 0:10:00 ${OUT}\n 5:15:31 (lmgrd) TIMESTAMP 1/2/2016\n`);
    assert.deepEqual(isoTimes(run.events), ['2016-01-01T23:50:00.000Z', '2016-01-02T00:10:00.000Z']);
  });
  it('skips lines with "no date anchor" when the log never has one, unless initialDate is given', () => {
    assert.deepEqual(runFlexnet(`9:01:00 ${OUT}\n`).skipped, [{ line: 1, reason: 'no date anchor' }]);
    const run = runFlexnet(`9:01:00 ${OUT}\n`, { initialDate: '2020-02-29' });
    assert.deepEqual(isoTimes(run.events), ['2020-02-29T09:01:00.000Z']);
    assert.equal(run.events[0]!.dateSource, 'explicit');
  });
  it('bounds the pre-anchor buffer', () => {
    const run = runFlexnet(`9:01:00 ${OUT}\n9:02:00 ${OUT}\n9:03:00 (lmgrd) TIMESTAMP 1/2/2016\n`, {
      maxPendingLines: 1,
    });
    assert.deepEqual(run.skipped, [{ line: 1, reason: 'no date anchor within 1 lines' }]);
    assert.equal(run.events.length, 1);
  });
});

describe('FlexNet debug parser: time zones', () => {
  it('converts local server time to UTC with the IANA zone', () => {
    const run = runFlexnet(`9:00:00 (lmgrd) TIMESTAMP 6/9/2022\n10:25:38 ${OUT}\n`, {
      timeZone: 'Europe/Madrid',
    });
    assert.deepEqual(isoTimes(run.events), ['2022-06-09T08:25:38.000Z']);
  });
  it('handles the spring-forward day (offset changes at 02:00) and a time inside the gap', () => {
    const text = `0:00:00 (lmgrd) TIMESTAMP 3/27/2022\n1:30:00 ${OUT}\n2:30:00 ${OUT}\n3:30:00 ${OUT}\n`;
    const run = runFlexnet(text, { timeZone: 'Europe/Madrid' });
    assert.deepEqual(isoTimes(run.events), [
      '2022-03-27T00:30:00.000Z',
      '2022-03-27T01:30:00.000Z',
      '2022-03-27T01:30:00.000Z',
    ]);
  });
  it('gives the repeated hour of the autumn change its second offset after the clock goes back', () => {
    const text = `0:00:00 (lmgrd) TIMESTAMP 10/30/2022\n2:30:00 ${OUT}\n2:59:00 ${OUT}\n2:10:00 ${OUT}\n3:10:00 ${OUT}\n`;
    const run = runFlexnet(text, { timeZone: 'Europe/Madrid' });
    assert.deepEqual(isoTimes(run.events), [
      '2022-10-30T00:30:00.000Z',
      '2022-10-30T00:59:00.000Z',
      '2022-10-30T01:10:00.000Z',
      '2022-10-30T02:10:00.000Z',
    ]);
  });
  it('refuses an unknown zone', () => {
    assert.throws(() => runFlexnet('', { timeZone: 'Mars/Olympus' }), { code: 'INVALID_FIELD' });
  });
});
