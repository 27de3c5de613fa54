// Parses the part of a FlexNet usage line after "KIND: ": feature, user@host and the trailing groups.
import type { UsageKind } from './usage-event.ts';

/** The fields of one usage line that do not depend on the date. */
export interface UsageBody {
  feature: string;
  user: string;
  host: string;
  count: number;
  version?: string;
  reason?: string;
  errorCode?: string;
  checkinCause?: string;
  product?: string;
}

/** Top-level "(…)" and "[…]" groups of the tail, with nesting respected. */
function groups(tail: string): { open: string; inner: string }[] {
  const found: { open: string; inner: string }[] = [];
  let depth = 0;
  let start = 0;
  let open = '';
  for (let i = 0; i < tail.length; i++) {
    const c = tail[i]!;
    if (c === '(' || c === '[') {
      if (depth === 0) {
        open = c;
        start = i + 1;
      }
      depth++;
    } else if ((c === ')' || c === ']') && depth > 0) {
      depth--;
      if (depth === 0) found.push({ open, inner: tail.slice(start, i) });
    }
  }
  return found;
}

function applyGroup(body: UsageBody, kind: UsageKind, open: string, inner: string): void {
  const text = inner.trim();
  if (open === '[') body.product = text;
  else if (/^\d+ licenses?$/.test(text)) body.count = Number.parseInt(text, 10);
  else if (/^v\d[\w.]*$/.test(text)) body.version = text.slice(1);
  else if (kind === 'IN' && /^[A-Z][A-Z_]*$/.test(text)) body.checkinCause = text;
  else if (body.reason === undefined) {
    body.reason = text;
    const code = /\((-?\d+,-?\d+)/.exec(text);
    if (code) body.errorCode = code[1];
  }
}

/**
 * Parses `"FEATURE" [(key)] user@host [tail]`. Usernames may contain spaces ("Marta Rodriguez@PC1"),
 * so user@host runs to the first double space or " (" / " [" and splits at its last "@". Returns a
 * string (the skip reason) when the line cannot be read.
 * @example
 * parseUsageBody('IN', '"MATLAB" jdoe@pc1 (INACTIVE)'); // { feature: 'MATLAB', user: 'jdoe', host: 'pc1', count: 1, checkinCause: 'INACTIVE' }
 */
export function parseUsageBody(kind: UsageKind, rest: string): UsageBody | string {
  const f = /^"([^"]+)"\s*(.*)$/.exec(rest);
  if (!f) return `${kind} line without a quoted feature`;
  let after = f[2]!;
  const key = /^\(([^()@]*)\)\s+(.*)$/.exec(after);
  if (key) after = key[2]!;
  const end = after.search(/\s{2,}|\s[([]/);
  const who = (end < 0 ? after : after.slice(0, end)).trim();
  const at = who.lastIndexOf('@');
  if (at <= 0 || at === who.length - 1 || /\s/.test(who.slice(at + 1))) {
    return `${kind} line without user@host`;
  }
  const body: UsageBody = { feature: f[1]!, user: who.slice(0, at), host: who.slice(at + 1), count: 1 };
  const tail = end < 0 ? '' : after.slice(end);
  for (const g of groups(tail)) applyGroup(body, kind, g.open, g.inner);
  return body;
}
