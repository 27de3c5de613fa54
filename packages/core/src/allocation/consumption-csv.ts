// The consumption report as CSV (RFC 4180: comma-separated, CRLF, fields quoted when needed) for
// spreadsheets: one row per product for the whole organization, one per product and environment,
// and one per kind of release with its rule and the license it yielded to.
import type { ConsumptionReport } from './consumption-report.ts';

export const CONSUMPTION_CSV_HEADER = [
  'section',
  'environment',
  'product_code',
  'product_name',
  'kind',
  'quantity',
  'consumed',
  'released',
  'rule',
  'in_favour_of',
] as const;

/** Quote a field when it holds a comma, quote or line break; neutralize spreadsheet formulas. */
function field(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (/^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Render the report.
 * @example consumptionCsv(report).split('\r\n')[1] // 'ORGANIZATION,,PDM_AUTHOR,PDM Author,BASE,25,12,3,,'
 */
export function consumptionCsv(report: ConsumptionReport): string {
  const rows: (string | number | null)[][] = [[...CONSUMPTION_CSV_HEADER]];
  const names = new Map(report.products.map((p) => [p.code, p]));
  for (const p of report.products) {
    rows.push(['ORGANIZATION', null, p.code, p.name, p.kind, p.quantity, p.consumed, p.released, null, null]);
  }
  for (const e of report.environments) {
    for (const p of e.products) {
      const product = names.get(p.code);
      rows.push([
        'ENVIRONMENT',
        e.name,
        p.code,
        product?.name ?? p.code,
        product?.kind ?? null,
        null,
        p.consumed,
        null,
        null,
        null,
      ]);
    }
  }
  for (const r of report.releases) {
    const product = names.get(r.code);
    rows.push([
      'RELEASED',
      null,
      r.code,
      product?.name ?? r.code,
      product?.kind ?? null,
      null,
      null,
      r.people,
      r.rule,
      r.inFavourOf,
    ]);
  }
  return `${rows.map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}
