// Pure, streaming text-to-lines splitting (CRLF, LF, lone CR, leading byte-order mark) for every usage parser.

/** A push-style splitter: feed decoded text chunks, get whole lines back (without terminators). */
export interface LineSplitter {
  /** Adds a chunk of decoded text; returns the lines it completed. */
  push(chunk: string): string[];
  /** Returns the last line when the text does not end with a terminator. */
  end(): string[];
}

/**
 * Creates a line splitter. A "\r" at the end of a chunk is held until the next chunk shows whether a
 * "\n" follows, so CRLF split across chunks is one terminator. A U+FEFF at the very start is dropped.
 * Memory is one partial line.
 * @example
 * const s = createLineSplitter();
 * s.push('\uFEFFa\r\nb\rc'); // ['a', 'b']
 * s.end(); // ['c']
 */
export function createLineSplitter(): LineSplitter {
  let partial = '';
  let first = true;
  let pendingCr = false;
  return {
    push(chunk) {
      let text = chunk;
      if (first && text.length > 0) {
        first = false;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      if (pendingCr && text.startsWith('\n')) text = text.slice(1);
      pendingCr = false;
      const lines: string[] = [];
      let start = 0;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c !== 10 && c !== 13) continue;
        lines.push(partial + text.slice(start, i));
        partial = '';
        if (c === 13) {
          if (i + 1 === text.length) pendingCr = true;
          else if (text.charCodeAt(i + 1) === 10) i++;
        }
        start = i + 1;
      }
      partial += text.slice(start);
      return lines;
    },
    end() {
      const rest = partial;
      partial = '';
      return rest.length > 0 ? [rest] : [];
    },
  };
}

/**
 * Splits a whole string into lines with the same rules as {@link createLineSplitter}.
 * @example
 * splitLines('a\r\nb\n'); // ['a', 'b']
 */
export function splitLines(text: string): string[] {
  const splitter = createLineSplitter();
  return [...splitter.push(text), ...splitter.end()];
}

/**
 * Turns a stream of decoded text chunks into a stream of lines, holding one partial line at a time.
 * @example
 * for await (const line of linesOf(chunks)) console.log(line);
 */
export async function* linesOf(chunks: AsyncIterable<string> | Iterable<string>): AsyncGenerator<string> {
  const splitter = createLineSplitter();
  for await (const chunk of chunks) yield* splitter.push(chunk);
  yield* splitter.end();
}
