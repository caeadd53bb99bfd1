// Grouped bars of rates, each with its 95 % interval as a whisker; rates from too few leads are hatched
// grey and marked in the label. The numbers behind the bars come in as a table (textAlternative).

import type { ReactNode } from "react";
import { Bar, BarChart, CartesianGrid, ErrorBar, LabelList, Legend, XAxis, YAxis } from "recharts";
import { formatPercent } from "../model/format";
import type { Interval } from "../model/stats";
import { ChartFrame } from "./ChartFrame";
import { CHART_FONT_SIZE, CHART_GRID, CHART_INK, CHART_MUTED_INK, CHART_ON_FILL } from "./palette";

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

export function IntervalBarChart(props: IntervalBarChartProps) {
  const height = props.height ?? 340;
  const rows = props.categories.map((category) => {
    const row: Record<string, string | number | [number, number] | null> = { label: category.label };
    for (const s of props.series) {
      const point = category.points[s.id];
      const value = point?.value ?? null;
      row[s.id] = value;
      row[`${s.id}_error`] =
        value !== null && point?.interval ? [value - point.interval.low, point.interval.high - value] : null;
      row[`${s.id}_label`] = value === null ? "" : `${formatPercent(value)}${point?.tooFew ? " *" : ""}`;
    }
    return row;
  });
  const max = Math.min(
    1,
    Math.max(
      0.1,
      ...props.categories.flatMap((c) =>
        Object.values(c.points).map((p) => p.interval?.high ?? p.value ?? 0),
      ),
    ) * 1.05,
  );
  // Round the axis end up to the next 10 % so the ticks read as round numbers.
  const axisMax = Math.min(1, Math.ceil(max * 10) / 10);
  return (
    <ChartFrame
      title={props.title}
      height={height}
      plot={(width) => (
        <BarChart
          width={width}
          height={height}
          data={rows}
          margin={{ top: 24, right: 16, bottom: 40, left: 16 }}
        >
          <CartesianGrid vertical={false} stroke={CHART_GRID} />
          <XAxis dataKey="label" tick={{ fontSize: CHART_FONT_SIZE, fill: CHART_INK }} />
          <YAxis
            domain={[0, axisMax]}
            tickFormatter={(value: number) => formatPercent(value)}
            tick={{ fontSize: CHART_FONT_SIZE, fill: CHART_INK }}
            width={72}
            label={{
              value: props.yLabel,
              angle: -90,
              position: "insideLeft",
              fill: CHART_INK,
              fontSize: CHART_FONT_SIZE,
              style: { textAnchor: "middle" },
            }}
          />
          <Legend verticalAlign="top" wrapperStyle={{ fontSize: CHART_FONT_SIZE, color: CHART_INK }} />
          {props.series.map((s) => (
            <Bar key={s.id} dataKey={s.id} name={s.name} fill={s.color} isAnimationActive={false}>
              <ErrorBar dataKey={`${s.id}_error`} width={8} stroke={CHART_INK} strokeWidth={1.5} />
              <LabelList
                dataKey={`${s.id}_label`}
                position="insideBottom"
                fill={CHART_ON_FILL}
                fontSize={CHART_FONT_SIZE - 2}
              />
            </Bar>
          ))}
        </BarChart>
      )}
      notes={
        <div className="chart-notes">
          <p style={{ color: CHART_MUTED_INK }}>
            Whiskers show the 95 % Wilson interval. * marks a rate from fewer than 20 leads: too few to judge.
          </p>
          {props.notes}
        </div>
      }
      textAlternative={props.textAlternative}
    />
  );
}
