// The usage CSV format: header, RFC 4180 quoting, quoted line breaks, per-line skip reasons, stable keys.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitLines } from './line-splitter.ts';
import { createUsageCsvParser, type UsageCsvItem } from './usage-csv-parser.ts';
import { eventKey } from './usage-event.ts';

const HEADER = 'time,kind,feature,user,host,count,server,version';

function parse(text: string): UsageCsvItem[] {
  const parser = createUsageCsvParser({ server: 'lic1' });
  const items: UsageCsvItem[] = [];
  for (const line of splitLines(text)) items.push(...parser.push(line));
  return [...items, ...parser.end()];
}
const events = (items: UsageCsvItem[]) => items.flatMap((i) => (i.type === 'event' ? [i.event] : []));
const skips = (items: UsageCsvItem[]) =>
  items.flatMap((i) => (i.type === 'skip' ? [[i.line, i.reason]] : []));

describe('usage CSV parser', () => {
  it('reads events with offsets converted to UTC, defaults for count and server', () => {
    const text = `\uFEFF${HEADER}\r\n2024-05-01T09:30:00+02:00,OUT,MATLAB,jdoe,pc1,,,R2024a\r\n2024-05-01T08:00Z,IN,MATLAB,jdoe,pc1,2,lic9,\r\n`;
    const [a, b] = events(parse(text));
    assert.deepEqual(
      [a!.at.toISOString(), a!.count, a!.server, a!.version],
      ['2024-05-01T07:30:00.000Z', 1, 'lic1', 'R2024a'],
    );
    assert.deepEqual(
      [b!.at.toISOString(), b!.count, b!.server, b!.line],
      ['2024-05-01T08:00:00.000Z', 2, 'lic9', 3],
    );
  });
  it('honours RFC 4180 quoting, doubled quotes and quoted line breaks', () => {
    const text = `${HEADER}\n2024-05-01T09:30:00Z,DENIED,"MAT,LAB","Doe, ""J""",pc1,1,,\n2024-05-01T09:31:00Z,OUT,F,"two\nlines",pc1,1,,\n2024-05-01T09:32:00Z,OUT,F,u,pc1,1,,\n`;
    const [a, b, c] = events(parse(text));
    assert.deepEqual([a!.feature, a!.user], ['MAT,LAB', 'Doe, "J"']);
    assert.deepEqual([b!.user, b!.line, c!.line], ['two\nlines', 3, 5]);
  });
  it('skips bad records with their line and reason', () => {
    const text = [
      HEADER,
      '2024-05-01 09:30:00,OUT,F,u,h,1,,',
      '2024-05-01T09:30:00Z,BORROW,F,u,h,1,,',
      '2024-05-01T09:30:00Z,OUT,,u,h,1,,',
      '2024-05-01T09:30:00Z,OUT,F,u,h,0,,',
      '2024-05-01T09:30:00Z,OUT,F,u,h',
      '2024-05-01T09:30:00Z,OUT,F,"u,h,1,,',
    ].join('\n');
    assert.deepEqual(skips(parse(text)), [
      [2, 'invalid time "2024-05-01 09:30:00"'],
      [3, 'unknown kind "BORROW"'],
      [4, 'feature, user and host are required'],
      [5, 'invalid count "0"'],
      [6, '5 fields, expected 8'],
      [7, 'unterminated quoted field'],
    ]);
  });
  it('refuses a file without the documented header', () => {
    assert.deepEqual(skips(parse('when,what\n2024-05-01T09:30:00Z,OUT\n')), [
      [1, `header must be ${HEADER}`],
      [2, 'no valid header'],
    ]);
  });
  it('gives identical lines in one second distinct, repeatable keys', () => {
    const text = `${HEADER}\n2024-05-01T09:30:00Z,DENIED,F,u,h,1,,\n2024-05-01T09:30:00Z,DENIED,F,u,h,1,,\n`;
    const keys = events(parse(text)).map(eventKey);
    assert.equal(new Set(keys).size, 2);
    assert.deepEqual(events(parse(text)).map(eventKey), keys);
  });
});
