// A small accessible bar chart in inline SVG: one bar per category, y-axis with unit, optional
// reference line (e.g. the seat count). Every bar carries its value as a tooltip and accessible name.
import { useId } from 'react';
import { ChartFigure, plotArea, ThresholdLine, XLabels, YAxis, yOf } from './chart-frame.tsx';
import { CHART_COLORS, clip, labelStride, niceMax, withUnit } from './chart-scale.ts';

export interface BarDatum {
  label: string;
  value: number;
}

export interface BarChartProps {
  data: readonly BarDatum[];
  title: string;
  /** The unit of the values, shown on the y axis and in tooltips ("seats", "%", "denials"). */
  unit: string;
  /** Axis maximum; by default a round number at or above the largest value (and the threshold). */
  max?: number;
  /** A dashed reference line, e.g. `{ value: seats, label: '10 seats' }`. */
  threshold?: { value: number; label: string };
  height?: number;
  testId?: string;
}

/**
 * @example <BarChart title="Peak concurrency by hour" unit="seats" data={[{ label: '09:00', value: 4 }]} />
 */
export function BarChart(props: BarChartProps) {
  const id = useId();
  const height = props.height ?? 220;
  const { data, unit } = props;
  const largest = Math.max(0, ...data.map((d) => d.value), props.threshold?.value ?? 0);
  const plot = plotArea(height, props.max ?? niceMax(largest));
  const slot = plot.width / Math.max(1, data.length);
  const barWidth = Math.max(1, Math.min(48, slot * 0.7));
  const xOf = (i: number) => plot.left + slot * i + slot / 2;
  const top = data.reduce<BarDatum | null>((best, d) => (!best || d.value > best.value ? d : best), null);
  const summary =
    data.length === 0
      ? 'No data.'
      : `${data.length} bars; highest ${top!.label}: ${withUnit(top!.value, unit)}.` +
        (props.threshold ? ` Reference line: ${props.threshold.label}.` : '');
  return (
    <ChartFigure id={id} title={props.title} summary={summary} height={height} testId={props.testId}>
      <YAxis plot={plot} unit={unit} />
      {data.map((d, i) => {
        const y = yOf(plot, d.value);
        return (
          <rect
            // biome-ignore lint/suspicious/noArrayIndexKey: categories may repeat; the position is the identity.
            key={i}
            x={xOf(i) - barWidth / 2}
            y={y}
            width={barWidth}
            height={plot.top + plot.height - y}
            rx={2}
            style={{ fill: CHART_COLORS[0] }}
            data-testid="chart-bar"
            data-value={d.value}
            aria-label={`${d.label}: ${withUnit(d.value, unit)}`}
          >
            <title>{`${d.label}: ${withUnit(d.value, unit)}`}</title>
          </rect>
        );
      })}
      {props.threshold && (
        <ThresholdLine plot={plot} value={props.threshold.value} label={props.threshold.label} />
      )}
      <XLabels
        plot={plot}
        labels={data.map((d) => clip(d.label))}
        xOf={xOf}
        stride={labelStride(data.length, 12)}
      />
      {data.length === 0 && (
        <text
          x={plot.left + plot.width / 2}
          y={plot.top + plot.height / 2}
          textAnchor="middle"
          style={{ fill: '#8a97ab' }}
        >
          No data
        </text>
      )}
    </ChartFigure>
  );
}
