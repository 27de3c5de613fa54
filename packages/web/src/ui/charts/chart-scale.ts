// Axis arithmetic shared by the SVG charts: a round axis maximum, evenly spaced ticks, thinned labels.

/**
 * The smallest "round" number (1, 2, 2.5, 4 or 5 × 10ⁿ) at or above `value`; small whole values stay
 * whole (3 seats → 3) so count axes tick 0, 1, 2, 3; 1 for empty or zero data, so an all-zero chart
 * still has an axis.
 * @example niceMax(37) // 40
 */
export function niceMax(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) return 1;
  if (value <= 5) return Math.ceil(value);
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 4, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

/**
 * Evenly spaced ticks from 0 to `max`: one per unit when `max` is a whole number up to 5 (counts
 * never show 0.5), otherwise `count` + 1 ticks.
 * @example ticks(40, 4) // [0, 10, 20, 30, 40]
 * @example ticks(3) // [0, 1, 2, 3]
 */
export function ticks(max: number, count = 4): number[] {
  const steps = Number.isInteger(max) && max <= 5 ? max : count;
  const out: number[] = [];
  for (let i = 0; i <= steps; i++) out.push(Math.round(((max * i) / steps) * 100) / 100);
  return out;
}

/** Every how many categories to print a label so at most `room` labels are printed. */
export function labelStride(total: number, room: number): number {
  return Math.max(1, Math.ceil(total / Math.max(1, room)));
}

/** A label cut to `max` characters with an ellipsis, for axis text (the full label stays in tooltips). */
export function clip(label: string, max = 12): string {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}

/** A value with its unit for tooltips and summaries: `3 seats`, `42.5 %`. */
export function withUnit(value: number, unit: string): string {
  const shown = Number.isInteger(value)
    ? String(value)
    : value.toFixed(2).replace(/0+$/, '').replace(/\.$/, '');
  return unit ? `${shown} ${unit}` : shown;
}

/** Series colours, distinguishable for common colour-vision deficiencies (Okabe–Ito based). */
export const CHART_COLORS = ['#4f46e5', '#e69f00', '#009e73', '#cc79a7', '#0072b2', '#d55e00'];
