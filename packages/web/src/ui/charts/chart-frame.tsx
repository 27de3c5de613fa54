// The parts every SVG chart shares: the figure with its visible title, the accessible name and
// summary of the drawing, the horizontal grid with y-axis ticks, and a dashed reference line.
import type { ReactNode } from 'react';
import { ticks, withUnit } from './chart-scale.ts';

/** The drawing area inside the SVG's 640 × height viewBox. */
export interface Plot {
  left: number;
  top: number;
  width: number;
  height: number;
  /** The y-axis maximum: values map to top (max) … top + height (0). */
  max: number;
}

export const VIEW_WIDTH = 640;

export function plotArea(height: number, max: number): Plot {
  return { left: 48, top: 14, width: VIEW_WIDTH - 48 - 16, height: height - 14 - 44, max: max > 0 ? max : 1 };
}

export const yOf = (plot: Plot, value: number) =>
  plot.top + plot.height - (Math.min(Math.max(value, 0), plot.max) / plot.max) * plot.height;

export function ChartFigure(props: {
  id: string;
  title: string;
  summary: string;
  height: number;
  testId?: string | undefined;
  legend?: ReactNode;
  children: ReactNode;
}) {
  return (
    <figure className="chart" data-testid={props.testId} style={{ margin: 0 }}>
      <figcaption style={{ fontWeight: 600, marginBottom: 6 }}>{props.title}</figcaption>
      <svg
        viewBox={`0 0 ${VIEW_WIDTH} ${props.height}`}
        width="100%"
        role="img"
        aria-labelledby={`${props.id}-title ${props.id}-desc`}
        style={{ display: 'block', maxHeight: props.height * 1.4, fontSize: 11, fontFamily: 'inherit' }}
      >
        <title id={`${props.id}-title`}>{props.title}</title>
        <desc id={`${props.id}-desc`}>{props.summary}</desc>
        {props.children}
      </svg>
      {props.legend}
    </figure>
  );
}

/** Grid lines with their tick values, and the unit as the y-axis label. */
export function YAxis(props: { plot: Plot; unit: string }) {
  const { plot } = props;
  return (
    <g>
      {ticks(plot.max).map((tick) => (
        <g key={tick}>
          <line
            x1={plot.left}
            x2={plot.left + plot.width}
            y1={yOf(plot, tick)}
            y2={yOf(plot, tick)}
            style={{ stroke: '#e3e8ef' }}
          />
          <text x={plot.left - 6} y={yOf(plot, tick) + 4} textAnchor="end" style={{ fill: '#5b6b82' }}>
            {withUnit(tick, '')}
          </text>
        </g>
      ))}
      <text
        transform={`translate(12 ${plot.top + plot.height / 2}) rotate(-90)`}
        textAnchor="middle"
        style={{ fill: '#5b6b82' }}
      >
        {props.unit}
      </text>
    </g>
  );
}

/** A dashed horizontal line at `value` with its label, e.g. the seat count or an 80% target. */
export function ThresholdLine(props: { plot: Plot; value: number; label: string; testId?: string }) {
  const { plot } = props;
  const y = yOf(plot, props.value);
  return (
    <g data-testid={props.testId}>
      <line
        x1={plot.left}
        x2={plot.left + plot.width}
        y1={y}
        y2={y}
        style={{ stroke: '#c62f3b', strokeDasharray: '5 4', strokeWidth: 1.5 }}
      />
      <text x={plot.left + plot.width} y={y - 4} textAnchor="end" style={{ fill: '#c62f3b' }}>
        {props.label}
      </text>
    </g>
  );
}

/** Category labels under the plot, every `stride`-th one. */
export function XLabels(props: {
  plot: Plot;
  labels: readonly string[];
  xOf: (i: number) => number;
  stride: number;
}) {
  const { plot } = props;
  return (
    <g>
      {props.labels
        .map((label, position) => ({ label, position }))
        .filter(({ position }) => position % props.stride === 0)
        .map(({ label, position }) => (
          <text
            key={position}
            x={props.xOf(position)}
            y={plot.top + plot.height + 16}
            textAnchor="middle"
            style={{ fill: '#5b6b82' }}
          >
            {label}
          </text>
        ))}
      <line
        x1={plot.left}
        x2={plot.left + plot.width}
        y1={plot.top + plot.height}
        y2={plot.top + plot.height}
        style={{ stroke: '#8a97ab' }}
      />
    </g>
  );
}
