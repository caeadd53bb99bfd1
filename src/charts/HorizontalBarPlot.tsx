// Horizontal bars drawn as plain SVG: category labels, bars, an optional ghost bar (the previous period)
// and shaded band per row, a value axis and a label after each bar. The Overview redraws these on every
// filter change; Recharts spent ~60 ms per redraw on them (measured), this draws them in a few.

import { textWidth } from "./labelLayout";
import { BAND_FILL, CHART_FONT_SIZE, CHART_INK, CHART_MUTED_INK } from "./palette";

export interface PlotRow {
  key: string;
  /** The category label left of the axis, and its tooltip (e.g. the team's stage definition). */
  label: string;
  labelTitle?: string | null;
  value: number;
  fill: string;
  /** Text after the bar's end. */
  endLabel: string;
  /** The previous period's value: an outlined, dashed bar beside this one. */
  ghost?: number | null;
  /** A shaded range in data units (a benchmark band), and its opacity. */
  band?: { from: number; to: number; opacity: number } | null;
}

export interface HorizontalBarPlotProps {
  width: number;
  height: number;
  rows: readonly PlotRow[];
  ticks: readonly number[];
  formatTick: (value: number) => string;
  axisTitle: string;
  /** Room for the category labels, and after the bars for their labels, in px. */
  categoryWidth: number;
  endLabelWidth: number;
  /** Bar thickness in px (at most 60 % of a row). */
  barSize: number;
  /** True draws a ghost bar on every row (comparing periods). */
  withGhosts: boolean;
}

const TOP = 8;
const BOTTOM = 44;
/**
 * A label as one line, or two split at the space nearest its middle when it would not fit: widths are
 * measured in the page's font (labelLayout's textWidth), so a label of wide or narrow glyphs wraps where it
 * really overflows.
 */
export function labelLines(
  label: string,
  maxWidth: number,
  fontSize: number,
  measure: (text: string, fontSize: number) => number = textWidth,
): string[] {
  if (measure(label, fontSize) <= maxWidth) return [label];
  const spaces = [...label.matchAll(/ /g)].map((m) => m.index ?? 0);
  if (spaces.length === 0) return [label];
  const middle = label.length / 2;
  const cut = spaces.reduce((best, i) => (Math.abs(i - middle) < Math.abs(best - middle) ? i : best));
  return [label.slice(0, cut), label.slice(cut + 1)];
}

export function HorizontalBarPlot(props: HorizontalBarPlotProps) {
  const { width, height, rows, ticks } = props;
  const left = props.categoryWidth + 8;
  const plotWidth = Math.max(10, width - left - props.endLabelWidth);
  const plotHeight = Math.max(10, height - TOP - BOTTOM);
  const end = ticks[ticks.length - 1] ?? 1;
  const x = (value: number) => left + (Math.min(Math.max(value, 0), end) / end) * plotWidth;
  const rowHeight = plotHeight / Math.max(1, rows.length);
  const thickness = Math.min(props.barSize, rowHeight * (props.withGhosts ? 0.4 : 0.6));
  const axisY = TOP + plotHeight;
  return (
    <svg
      className="chart-surface"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      aria-hidden="true"
    >
      {rows.map((row, i) => {
        const center = TOP + rowHeight * (i + 0.5);
        const barY = props.withGhosts ? center + 1 : center - thickness / 2;
        return (
          <g key={row.key} className="chart-row" data-row={row.key}>
            {row.band && (
              <rect
                className="chart-band"
                x={x(row.band.from)}
                y={center - rowHeight * 0.4}
                width={Math.max(1, x(row.band.to) - x(row.band.from))}
                height={rowHeight * 0.8}
                fill={BAND_FILL}
                fillOpacity={row.band.opacity}
              />
            )}
            <text
              className="chart-tick chart-category"
              x={left - 6}
              y={center}
              textAnchor="end"
              fontSize={CHART_FONT_SIZE}
              fill={CHART_INK}
            >
              {row.labelTitle && <title>{row.labelTitle}</title>}
              {labelLines(row.label, props.categoryWidth, CHART_FONT_SIZE).map((line, n, lines) => (
                <tspan key={line} x={left - 6} dy={n === 0 ? 5 - (lines.length - 1) * 8 : 16}>
                  {line}
                </tspan>
              ))}
            </text>
            {props.withGhosts && row.ghost !== undefined && row.ghost !== null && (
              <rect
                className="chart-ghost-bar"
                x={left}
                y={center - 1 - thickness}
                width={Math.max(0, x(row.ghost) - left)}
                height={thickness}
                fill="none"
                stroke={CHART_MUTED_INK}
                strokeWidth={2}
                strokeDasharray="5 3"
              />
            )}
            <rect
              className="chart-bar"
              x={left}
              y={barY}
              width={Math.max(0, x(row.value) - left)}
              height={thickness}
              fill={row.fill}
            />
            <text
              className="chart-bar-label"
              x={x(row.value) + 6}
              y={barY + thickness / 2}
              dy={5}
              fontSize={CHART_FONT_SIZE}
              fill={CHART_INK}
            >
              {row.endLabel}
            </text>
          </g>
        );
      })}
      <line x1={left} x2={left + plotWidth} y1={axisY} y2={axisY} stroke={CHART_MUTED_INK} />
      <line x1={left} x2={left} y1={TOP} y2={axisY} stroke={CHART_MUTED_INK} />
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={x(tick)} x2={x(tick)} y1={axisY} y2={axisY + 5} stroke={CHART_MUTED_INK} />
          <text
            className="chart-tick"
            x={x(tick)}
            y={axisY + 20}
            textAnchor="middle"
            fontSize={CHART_FONT_SIZE}
            fill={CHART_INK}
          >
            {props.formatTick(tick)}
          </text>
        </g>
      ))}
      <text
        className="chart-axis-title"
        x={left + plotWidth / 2}
        y={height - 4}
        textAnchor="middle"
        fontSize={CHART_FONT_SIZE}
        fill={CHART_INK}
      >
        {props.axisTitle}
      </text>
    </svg>
  );
}
