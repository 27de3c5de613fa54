// Consumption per product as grouped bars in inline SVG: consumed (solid) next to released (second
// colour), with the quantity held as a red tick above each product that has one. Built on the shared
// chart frame (ui/charts), so axes, titles and accessible summaries match the other charts.
import { useId } from 'react';
import type { AllocationConsumption } from '../../api/allocation-endpoints.ts';
import { ChartFigure, plotArea, XLabels, YAxis, yOf } from '../../ui/charts/chart-frame.tsx';
import { CHART_COLORS, clip, labelStride, niceMax } from '../../ui/charts/chart-scale.ts';

type Product = AllocationConsumption['products'][number];

const SERIES = [
  { key: 'consumed', label: 'Consumed', color: CHART_COLORS[0]! },
  { key: 'released', label: 'Released', color: CHART_COLORS[1]! },
] as const;

export function ConsumptionChart(props: { products: readonly Product[] }) {
  const id = useId();
  const height = 240;
  const { products } = props;
  const largest = Math.max(0, ...products.flatMap((p) => [p.consumed, p.released, p.quantity ?? 0]));
  const plot = plotArea(height, niceMax(largest));
  const slot = plot.width / Math.max(1, products.length);
  const bar = Math.max(1, Math.min(28, (slot * 0.8) / 2));
  const xOf = (i: number) => plot.left + slot * i + slot / 2;
  const over = products.filter((p) => p.overQuantity).map((p) => p.code);
  const summary =
    products.length === 0
      ? 'No license products.'
      : `${products.length} products; ${products.reduce((n, p) => n + p.consumed, 0)} consumed, ` +
        `${products.reduce((n, p) => n + p.released, 0)} released.` +
        (over.length ? ` Over quantity: ${over.join(', ')}.` : '');
  const legend = (
    <div className="muted" style={{ display: 'flex', gap: 16, fontSize: 12, marginTop: 4 }}>
      {SERIES.map((s) => (
        <span key={s.key}>
          <span aria-hidden="true" style={{ color: s.color }}>
            ■
          </span>{' '}
          {s.label}
        </span>
      ))}
      <span>
        <span aria-hidden="true" style={{ color: '#c62f3b' }}>
          ▬
        </span>{' '}
        Quantity held
      </span>
    </div>
  );
  return (
    <ChartFigure
      id={id}
      title="Licenses consumed and released per product"
      summary={summary}
      height={height}
      testId="consumption-chart"
      legend={legend}
    >
      <YAxis plot={plot} unit="people" />
      {products.map((p, i) =>
        SERIES.map((s, k) => {
          const value = p[s.key];
          const y = yOf(plot, value);
          return (
            <rect
              key={`${p.code}-${s.key}`}
              x={xOf(i) - bar + k * bar}
              y={y}
              width={bar - 1}
              height={plot.top + plot.height - y}
              rx={2}
              style={{ fill: s.color }}
              data-testid={`chart-bar-${s.key}`}
              data-product={p.code}
              data-value={value}
              aria-label={`${p.name}: ${value} ${s.key}`}
            >
              <title>{`${p.name}: ${value} ${s.key}`}</title>
            </rect>
          );
        }),
      )}
      {products.map((p, i) =>
        p.quantity === null ? null : (
          <line
            key={`${p.code}-quantity`}
            x1={xOf(i) - bar - 2}
            x2={xOf(i) + bar + 2}
            y1={yOf(plot, p.quantity)}
            y2={yOf(plot, p.quantity)}
            style={{ stroke: '#c62f3b', strokeWidth: 2 }}
            data-testid="chart-quantity"
          >
            <title>{`${p.name}: ${p.quantity} held`}</title>
          </line>
        ),
      )}
      <XLabels
        plot={plot}
        labels={products.map((p) => clip(p.code))}
        xOf={xOf}
        stride={labelStride(products.length, 12)}
      />
    </ChartFigure>
  );
}
