// A small accessible line chart in inline SVG: one or more series over shared categories (e.g. hours),
// a fixed y maximum (100 for percentages), an optional dashed threshold, and a legend for several series.
import { useId } from 'react';
import { ChartFigure, plotArea, ThresholdLine, XLabels, YAxis, yOf } from './chart-frame.tsx';
import { CHART_COLORS, clip, labelStride, withUnit } from './chart-scale.ts';

export interface LineSeries {
  name: string;
  /** One point per category; every series uses the same categories in the same order. */
  points: readonly { label: string; value: number }[];
}

export interface LineChartProps {
  series: readonly LineSeries[];
  title: string;
  /** The y-axis maximum (values above it are drawn at the top). */
  yMax: number;
  threshold?: { value: number; label: string };
  unit?: string;
  height?: number;
  testId?: string;
}

/** One series in words, for the accessible description: first, last and highest value. */
function describe(series: LineSeries, unit: string): string {
  const values = series.points.map((p) => p.value);
  const first = withUnit(values[0] ?? 0, unit);
  const last = withUnit(values.at(-1) ?? 0, unit);
  return `${series.name}: from ${first} to ${last}, highest ${withUnit(Math.max(0, ...values), unit)}`;
}

/**
 * @example <LineChart title="Utilization" unit="%" yMax={100} threshold={{ value: 80, label: '80%' }}
 *   series={[{ name: 'cad', points: [{ label: '09:00', value: 42 }] }]} />
 */
export function LineChart(props: LineChartProps) {
  const id = useId();
  const height = props.height ?? 220;
  const unit = props.unit ?? '';
  const plot = plotArea(height, props.yMax > 0 ? props.yMax : 1);
  const labels = props.series[0]?.points.map((p) => p.label) ?? [];
  const step = plot.width / Math.max(1, labels.length);
  const xOf = (i: number) => plot.left + step * i + step / 2;
  const summary =
    labels.length === 0 ? 'No data.' : `${props.series.map((s) => describe(s, unit)).join('; ')}.`;
  const legend =
    props.series.length > 1 ? (
      <ul
        style={{
          display: 'flex',
          gap: 16,
          listStyle: 'none',
          padding: 0,
          margin: '6px 0 0',
          flexWrap: 'wrap',
        }}
      >
        {props.series.map((s, i) => (
          <li key={s.name} style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
            <span
              aria-hidden="true"
              style={{
                width: 12,
                height: 3,
                background: CHART_COLORS[i % CHART_COLORS.length],
                display: 'inline-block',
              }}
            />
            {s.name}
          </li>
        ))}
      </ul>
    ) : null;
  return (
    <ChartFigure
      id={id}
      title={props.title}
      summary={summary}
      height={height}
      testId={props.testId}
      legend={legend}
    >
      <YAxis plot={plot} unit={unit} />
      {props.threshold && (
        <ThresholdLine plot={plot} value={props.threshold.value} label={props.threshold.label} />
      )}
      {props.series.map((s, si) => {
        const color = CHART_COLORS[si % CHART_COLORS.length];
        return (
          <g key={s.name} data-testid="chart-series" data-series={s.name}>
            <polyline
              points={s.points.map((p, i) => `${xOf(i)},${yOf(plot, p.value)}`).join(' ')}
              style={{ fill: 'none', stroke: color, strokeWidth: 2 }}
            />
            {s.points
              .map((point, position) => ({ point, position }))
              .map(({ point, position }) => (
                <circle
                  key={position}
                  cx={xOf(position)}
                  cy={yOf(plot, point.value)}
                  r={labels.length > 60 ? 1.5 : 3}
                  style={{ fill: color }}
                >
                  <title>{`${s.name}, ${point.label}: ${withUnit(point.value, unit)}`}</title>
                </circle>
              ))}
          </g>
        );
      })}
      <XLabels
        plot={plot}
        labels={labels.map((l) => clip(l))}
        xOf={xOf}
        stride={labelStride(labels.length, 12)}
      />
    </ChartFigure>
  );
}
