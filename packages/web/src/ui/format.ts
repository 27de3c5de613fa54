// Display formatting shared by the tables: dates in the reader's locale, ids and hashes shortened
// with the full value kept for tooltips.

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const time = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });
const number = new Intl.NumberFormat();

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

export function formatTime(date: Date): string {
  return time.format(date);
}

export function formatCount(value: number): string {
  return number.format(value);
}

/** `acct_01j…` ids are long; the prefix and the last characters are enough to tell them apart. */
export function shortId(id: string | null | undefined): string {
  if (!id) return '—';
  const cut = id.indexOf('_');
  if (cut < 0 || id.length <= cut + 9) return id;
  return `${id.slice(0, cut + 1)}…${id.slice(-6)}`;
}

export function shortHash(hash: string): string {
  return hash.length > 12 ? `${hash.slice(0, 12)}…` : hash;
}

/** An audit event's `changes` as one compact line, e.g. `name: "Old" → "New"`. */
export function formatChanges(changes: unknown): string {
  if (changes === null || changes === undefined) return '';
  if (typeof changes !== 'object') return JSON.stringify(changes);
  return Object.entries(changes as Record<string, unknown>)
    .map(([field, value]) => {
      if (value && typeof value === 'object' && 'from' in value && 'to' in value) {
        const { from, to } = value as { from: unknown; to: unknown };
        return `${field}: ${JSON.stringify(from)} → ${JSON.stringify(to)}`;
      }
      return `${field}: ${JSON.stringify(value)}`;
    })
    .join('; ');
}
