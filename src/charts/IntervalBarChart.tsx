// Grouped bars of rates across the chart, each with its 95 % interval as a whisker and its value after the
// whisker's end; rates from too few leads are marked in the label, empty buckets say "no leads". The
// numbers behind the bars come in as a table (textAlternative).

import type { ReactNode } from "react";
import { Bar, BarChart, CartesianGrid, ErrorBar, LabelList, Legend, XAxis, YAxis } from "recharts";
import { formatPercent } from "../model/format";
import type { Interval } from "../model/stats";
import { ChartFrame } from "./ChartFrame";
import { axisTitleBelow, inkLegend, niceAxis } from "./chartParts";
import { textWidth, wrapLabel } from "./labelLayout";
import { CHART_FONT_SIZE, CHART_GRID, CHART_INK, CHART_MUTED_INK } from "./palette";

export interface IntervalPoint {
  value: number | null;
  interval: Interval | null;
  tooFew: boolean;
}

export interface IntervalSeries {
  id: string;
  name: string;
  color: string;
}

export interface IntervalCategory {
  label: string;
  /** One point per series id. */
  points: Record<string, IntervalPoint>;
}

export interface IntervalBarChartProps {
  title: string;
  yLabel: string;
  series: readonly IntervalSeries[];
  categories: readonly IntervalCategory[];
  textAlternative: ReactNode;
  notes?: ReactNode;
  height?: number;
}

/** Height of one bar's row in px, and the room a category's group keeps around its bars. */
const BAR_ROW = 22;
const GROUP_GAP = 14;

export function IntervalBarChart(props: IntervalBarChartProps) {
  const seriesCount = Math.max(1, props.series.length);
  // Bars run across, one row per series within each category: a value label sits after its whisker's end
  // on its own row, so no whisker crosses a label and no two labels meet, however close the rates.
  const needed = props.categories.length * (seriesCount * BAR_ROW + GROUP_GAP) + 96;
  const height = Math.max(props.height ?? 0, needed);
  const labelSize = CHART_FONT_SIZE - 2;
  const rows = props.categories.map((category) => {
    const row: Record<string, string | number | [number, number] | null> = { label: category.label };
    for (const s of props.series) {
      const point = category.points[s.id];
      const value = point?.value ?? null;
      row[s.id] = value;
      row[`${s.id}_error`] =
        value !== null && point?.interval ? [value - point.interval.low, point.interval.high - value] : null;
      // "end|text": where the label starts (the whisker's end, in data units) travels with its text, so
      // the label needs no index into the rows (Recharts skips the labels of empty bars).
      row[`${s.id}_label`] =
        value === null
          ? null
          : `${Math.max(value, point?.interval?.high ?? value)}|${formatPercent(value)}${point?.tooFew ? " *" : ""}`;
    }
    return row;
  });
  // Empty buckets said in words under the chart instead of blank rows.
  const empty = props.categories.flatMap((category) => {
    const missing = props.series.filter((s) => (category.points[s.id]?.value ?? null) === null);
    if (missing.length === 0) return [];
    return missing.length === props.series.length
      ? [category.label]
      : [`${category.label} (${missing.map((s) => s.name).join(", ")})`];
  });
  const max = Math.min(
    1,
    Math.max(
      0.1,
      ...props.categories.flatMap((c) =>
        Object.values(c.points).map((p) => p.interval?.high ?? p.value ?? 0),
      ),
    ),
  );
  const axis = niceAxis(max, 5);
  const axisMax = Math.min(1, axis.domain[1]);
  const ticks = axis.ticks.filter((t) => t <= axisMax);
  const labelRoom =
    Math.max(
      40,
      ...rows.flatMap((r) =>
        props.series.map((s) =>
          textWidth(String(r[`${s.id}_label`] ?? "").replace(/^[^|]*\|/, ""), labelSize),
        ),
      ),
    ) + 14;
  const longestCategory = Math.max(...props.categories.map((c) => textWidth(c.label, CHART_FONT_SIZE)), 40);
  // A label wraps onto two lines at most, but a single word never breaks: the room is at least its longest word.
  const longestWord = Math.max(
    ...props.categories.flatMap((c) => c.label.split(/\s+/).map((w) => textWidth(w, CHART_FONT_SIZE))),
    20,
  );
  return (
    <ChartFrame
      title={props.title}
      height={height}
      plot={(width) => {
        const categoryWidth = Math.min(
          Math.round(width * 0.3),
          Math.ceil(Math.max(longestWord, longestCategory / 2)) + 28,
          220,
        );
        const margin = {
          top: 8,
          right: Math.min(Math.round(labelRoom), Math.round(width * 0.3)),
          bottom: 8,
          left: 8,
        };
        const plotLeft = margin.left + categoryWidth;
        const plotWidth = Math.max(10, width - plotLeft - margin.right);
        const xOf = (value: number) =>
          plotLeft + (Math.min(Math.max(value, 0), axisMax) / axisMax) * plotWidth;
        return (
          <BarChart
            width={width}
            height={height}
            data={rows}
            layout="vertical"
            barCategoryGap={GROUP_GAP / 2}
            barGap={2}
            margin={margin}
          >
            <CartesianGrid horizontal={false} stroke={CHART_GRID} />
            <XAxis
              type="number"
              domain={[0, axisMax]}
              ticks={ticks}
              tickFormatter={(value: number) => formatPercent(value)}
              tick={{ fontSize: CHART_FONT_SIZE, fill: CHART_INK }}
              label={axisTitleBelow(props.yLabel)}
              height={44}
            />
            <YAxis type="category" dataKey="label" width={categoryWidth} tick={categoryTick(categoryWidth)} />
            <Legend verticalAlign="top" height={28} {...inkLegend} />
            {props.series.map((s) => (
              <Bar
                key={s.id}
                dataKey={s.id}
                name={s.name}
                fill={s.color}
                barSize={BAR_ROW - 6}
                // A 0 % rate keeps a sliver of bar, so its label and whisker are drawn too.
                minPointSize={(value: unknown) => (value === null || value === undefined ? 0 : 1)}
                isAnimationActive={false}
              >
                <ErrorBar
                  dataKey={`${s.id}_error`}
                  direction="x"
                  width={6}
                  stroke={CHART_INK}
                  strokeWidth={1.5}
                />
                <LabelList
                  dataKey={`${s.id}_label`}
                  content={(label) => {
                    const [end, text] = String(label.value ?? "").split("|");
                    if (text === undefined) return null;
                    return (
                      <text
                        className="chart-bar-label"
                        x={xOf(Number(end)) + 8}
                        y={Number(label.y ?? 0) + Number(label.height ?? 0) / 2}
                        dy={4}
                        fontSize={labelSize}
                        fill={CHART_INK}
                      >
                        {text}
                      </text>
                    );
                  }}
                />
              </Bar>
            ))}
          </BarChart>
        );
      }}
      notes={
        <div className="chart-notes">
          <p style={{ color: CHART_MUTED_INK }}>
            Whiskers show the 95 % Wilson interval. * marks a rate from fewer than 20 leads: too few to judge.
          </p>
          {empty.length > 0 && (
            <p className="chart-empty-note" data-empty-buckets={empty.length}>
              No leads to rate, so no bar: {empty.join("; ")}.
            </p>
          )}
          {props.notes}
        </div>
      }
      textAlternative={props.textAlternative}
    />
  );
}

/** A category label left of its bars, right-aligned and wrapped onto up to two lines of the room given. */
function categoryTick(width: number) {
  return (props: { x?: number | string; y?: number | string; payload?: { value?: unknown } }) => {
    const text = String(props.payload?.value ?? "");
    const lines = wrapLabel(text, width - 12, CHART_FONT_SIZE, 2);
    const x = Number(props.x ?? 0) - 4;
    const y = Number(props.y ?? 0);
    return (
      <text className="chart-tick" x={x} y={y} textAnchor="end" fontSize={CHART_FONT_SIZE} fill={CHART_INK}>
        <title>{text}</title>
        {lines.map((line, i) => (
          <tspan key={line} x={x} dy={i === 0 ? 5 - (lines.length - 1) * 8 : 16}>
            {line}
          </tspan>
        ))}
      </text>
    );
  };
}
