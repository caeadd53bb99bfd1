// The change of a KPI against the previous period: counts as a difference and a relative change,
// rates in percentage points (a rate's relative change would mislead: 20 % → 25 % is not "+25 %").

import { formatCount } from "./format";
import type { Kpi } from "./funnel";
import { tooFewToJudge } from "./smallNumbers";

export type KpiDelta =
  | { kind: "count"; change: number; relative: number | null; previous: number }
  | { kind: "rate"; points: number; previous: number; tooFew: boolean };

const oneDecimal = new Intl.NumberFormat("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Null when either period has no value to compare. */
export function kpiDelta(current: Kpi, previous: Kpi | undefined): KpiDelta | null {
  if (!previous || current.value === null || previous.value === null) return null;
  if (current.kind === "count") {
    return {
      kind: "count",
      change: current.value - previous.value,
      relative: previous.value === 0 ? null : (current.value - previous.value) / previous.value,
      previous: previous.value,
    };
  }
  return {
    kind: "rate",
    points: (current.value - previous.value) * 100,
    previous: previous.value,
    // Either rate from too few leads swings too much for its change to mean anything.
    tooFew: tooFewToJudge(current.denominator) || tooFewToJudge(previous.denominator),
  };
}

/** "+", "−" (a real minus sign) or "±" for no change, with one decimal where asked. */
function signed(value: number, text: (magnitude: number) => string): string {
  const shown = text(Math.abs(value));
  if (/^[0.,]+$/.test(shown)) return `±${shown}`;
  return `${value > 0 ? "+" : "−"}${shown}`;
}

/** "+120 (+8.4 %)", "−3 (−1.2 %)", "+2.3 pts". */
export function formatKpiDelta(delta: KpiDelta): string {
  if (delta.kind === "rate") return `${signed(delta.points, (p) => oneDecimal.format(p))} pts`;
  const change = signed(delta.change, (c) => formatCount(c));
  if (delta.relative === null) return change;
  return `${change} (${signed(delta.relative * 100, (r) => oneDecimal.format(r))} %)`;
}

/** Up, down or flat, as the arrow a tile shows beside the delta (the words carry the meaning). */
export function deltaDirection(delta: KpiDelta): "up" | "down" | "flat" {
  const value = delta.kind === "rate" ? Math.round(delta.points * 10) : delta.change;
  return value > 0 ? "up" : value < 0 ? "down" : "flat";
}
