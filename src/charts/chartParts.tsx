// The pieces every Recharts chart shares so each screen lays text out the same way: the value axis's
// title above the plot (never over its tick labels), category ticks wrapped to their slot, legend text
// in ink (the swatch carries the colour, the words stay readable), and "nice" ticks.

import type { ReactNode } from "react";
import { wrapLabel } from "./labelLayout";
import { CHART_FONT_SIZE, CHART_INK } from "./palette";
import { niceTicks } from "./scale";
import "./chartLayout.css";

/** Room above the plot for a value axis title written by `axisTitleAbove`. */
export const TITLE_ROOM = 26;

interface LabelViewBox {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
}

/**
 * A YAxis `label` drawing the axis title horizontally above the axis's top, left-aligned with the
 * tick labels: it can be as long as the chart is wide and never crosses a tick. Give the chart a top
 * margin of at least TITLE_ROOM.
 */
export function axisTitleAbove(title: string, side: "left" | "right" = "left") {
  return (props: { viewBox?: LabelViewBox }) => {
    const box = props.viewBox ?? {};
    return (
      <text
        className="chart-axis-title"
        x={side === "left" ? (box.x ?? 0) + 4 : (box.x ?? 0) + (box.width ?? 0) - 4}
        y={(box.y ?? TITLE_ROOM) - 12}
        textAnchor={side === "left" ? "start" : "end"}
        fontSize={CHART_FONT_SIZE}
        fill={CHART_INK}
      >
        {title}
      </text>
    );
  };
}

/** An XAxis `label` drawing the axis title centred under the tick labels, in ink. */
export function axisTitleBelow(title: string) {
  return (props: { viewBox?: LabelViewBox }) => {
    const box = props.viewBox ?? {};
    return (
      <text
        className="chart-axis-title"
        x={(box.x ?? 0) + (box.width ?? 0) / 2}
        // Below the tick labels (about 24 px under the axis line): give the axis and the bottom margin
        // together at least 44 px.
        y={(box.y ?? 0) + 40}
        textAnchor="middle"
        fontSize={CHART_FONT_SIZE}
        fill={CHART_INK}
      >
        {title}
      </text>
    );
  };
}

interface TickProps {
  x?: number | string;
  y?: number | string;
  payload?: { value?: unknown };
}

/**
 * An XAxis `tick` for category labels: wrapped onto up to two lines that fit `slotWidth` (the band
 * each category gets), so neighbouring labels never run into each other. Give the axis `height` 44.
 */
export function wrappedTick(slotWidth: number, fontSize = CHART_FONT_SIZE - 2) {
  return (props: TickProps) => {
    const text = String(props.payload?.value ?? "");
    const lines = wrapLabel(text, Math.max(24, slotWidth - 8), fontSize, 2);
    const x = Number(props.x ?? 0);
    const y = Number(props.y ?? 0);
    return (
      <text className="chart-tick" x={x} y={y} textAnchor="middle" fontSize={fontSize} fill={CHART_INK}>
        <title>{text}</title>
        {lines.map((line, i) => (
          <tspan key={line} x={x} dy={i === 0 ? fontSize : fontSize + 2}>
            {line}
          </tspan>
        ))}
      </text>
    );
  };
}

/** Legend props: the words in ink at the chart's size; the swatch beside them carries the series colour. */
export const inkLegend = {
  wrapperStyle: { fontSize: CHART_FONT_SIZE, color: CHART_INK },
  formatter: (value: ReactNode) => <span style={{ color: CHART_INK }}>{value}</span>,
} as const;

/** A numeric axis from 0 to a nice end in steps of 1, 2 or 5 × 10ⁿ: `domain` and `ticks` for Recharts. */
export function niceAxis(max: number, count = 5): { domain: [number, number]; ticks: number[] } {
  const ticks = niceTicks(max, count);
  return { domain: [0, ticks[ticks.length - 1] ?? 1], ticks };
}
