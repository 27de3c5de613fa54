// The pure line splitter: CRLF, LF, lone CR, a byte-order mark, and terminators split across chunks.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLineSplitter, linesOf, splitLines } from './line-splitter.ts';

describe('line splitter', () => {
  it('splits on CRLF, LF and lone CR alike', () => {
    assert.deepEqual(splitLines('a\r\nb\nc\rd'), ['a', 'b', 'c', 'd']);
  });
  it('drops a byte-order mark on the first line only', () => {
    assert.deepEqual(splitLines('\uFEFFa\n\uFEFFb'), ['a', '\uFEFFb']);
  });
  it('keeps empty lines and has no phantom last line', () => {
    assert.deepEqual(splitLines('a\n\nb\n'), ['a', '', 'b']);
    assert.deepEqual(splitLines(''), []);
  });
  it('treats CRLF split across two chunks as one terminator', () => {
    const s = createLineSplitter();
    assert.deepEqual(s.push('a\r'), ['a']);
    assert.deepEqual(s.push('\nb'), []);
    assert.deepEqual(s.end(), ['b']);
  });
  it('joins a line split across chunks and streams async chunks', async () => {
    const out: string[] = [];
    for await (const line of linesOf(['\uFEFF12:0', '0:00 x\r', '\r\ny'])) out.push(line);
    assert.deepEqual(out, ['12:00:00 x', '', 'y']);
  });
});
