// The funnel as a downloadable table: one CSV row per lifecycle stage, rates as raw fractions.

import { type CsvCell, toCsv } from "./csv";
import type { Funnel, FunnelStageRow, FunnelStep } from "./funnel";
import { tooFewToJudge } from "./smallNumbers";
import { STAGES } from "./stages";

export const FUNNEL_TABLE_HEADER = [
  "stage",
  "reached",
  "step_conversion",
  "cumulative_conversion",
  "benchmark_low",
  "benchmark_high",
  "status",
  "step_entered",
  "step_converted",
] as const;

/** A fraction rounded to at most 4 decimals (0.09375 → 0.0938), or null. */
function fraction(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10_000) / 10_000;
}

const NOT_TRACKED: CsvCell[] = [null, null, null, null, null, "not tracked", null, null];

/**
 * The same status the screen gives: "set by the CRM" and "too few to judge" win over a band status.
 * `step_entered` / `step_converted` are the counts the step rate divides (within the window, if any).
 */
function stageRow(row: FunnelStageRow, step: FunnelStep | undefined): CsvCell[] {
  if (!row.tracked) return [row.stage, ...NOT_TRACKED];
  const status =
    step?.setByCrm != null
      ? "set by the CRM"
      : step && tooFewToJudge(step.entered)
        ? "too few to judge"
        : (row.status ?? "");
  return [
    row.stage,
    row.reached,
    fraction(row.stepConversion),
    fraction(row.cumulativeConversion),
    row.benchmark ? fraction(row.benchmark.low) : null,
    row.benchmark ? fraction(row.benchmark.high) : null,
    status,
    step ? step.entered : null,
    step ? step.converted : null,
  ];
}

/** All six stages in lifecycle order; an untracked stage keeps its row, empty, marked "not tracked". */
export function funnelTableRows(funnel: Funnel): CsvCell[][] {
  return STAGES.map((stage) => {
    const row = funnel.stages.find((s) => s.stage === stage);
    return row
      ? stageRow(
          row,
          funnel.steps.find((step) => step.to === stage),
        )
      : [stage, ...NOT_TRACKED];
  });
}

export function funnelTableCsv(funnel: Funnel): string {
  return toCsv([[...FUNNEL_TABLE_HEADER], ...funnelTableRows(funnel)]);
}
