// The funnel as a downloadable table: one CSV row per lifecycle stage, rates as raw fractions.

import { type CsvCell, toCsv } from "./csv";
import type { Funnel, FunnelStageRow } from "./funnel";
import { STAGES } from "./stages";

export const FUNNEL_TABLE_HEADER = [
  "stage",
  "reached",
  "step_conversion",
  "cumulative_conversion",
  "benchmark_low",
  "benchmark_high",
  "status",
] as const;

/** A fraction rounded to at most 4 decimals (0.09375 → 0.0938), or null. */
function fraction(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10_000) / 10_000;
}

function stageRow(row: FunnelStageRow): CsvCell[] {
  if (!row.tracked) return [row.stage, null, null, null, null, null, "not tracked"];
  return [
    row.stage,
    row.reached,
    fraction(row.stepConversion),
    fraction(row.cumulativeConversion),
    row.benchmark ? fraction(row.benchmark.low) : null,
    row.benchmark ? fraction(row.benchmark.high) : null,
    row.status ?? "",
  ];
}

/** All six stages in lifecycle order; an untracked stage keeps its row, empty, marked "not tracked". */
export function funnelTableRows(funnel: Funnel): CsvCell[][] {
  return STAGES.map((stage) => {
    const row = funnel.stages.find((s) => s.stage === stage);
    return row ? stageRow(row) : [stage, null, null, null, null, null, "not tracked"];
  });
}

export function funnelTableCsv(funnel: Funnel): string {
  return toCsv([[...FUNNEL_TABLE_HEADER], ...funnelTableRows(funnel)]);
}
