// Benchmark bands for funnel steps (SPEC defaults), and how a measured rate compares with one.

import type { Stage } from "./stages";

export type BenchmarkStatus = "below" | "within" | "above";

export interface Benchmark {
  id: string;
  label: string;
  from: Stage;
  to: Stage;
  /** Lower edge of the band, as a fraction. */
  low: number;
  /** Upper edge, as a fraction; null means "at least `low`". */
  high: number | null;
  /** A band is a target; a reference is a published average to compare against. */
  kind: "band" | "reference";
  source: string;
}

export const DEFAULT_BENCHMARKS: readonly Benchmark[] = [
  {
    id: "mql_to_sql",
    label: "MQL → SQL",
    from: "mql",
    to: "sql",
    low: 0.25,
    high: 0.3,
    kind: "band",
    source: "B2B hand-off guidance",
  },
  {
    id: "sales_acceptance",
    label: "Sales acceptance (MQL → SAL)",
    from: "mql",
    to: "sal",
    low: 0.8,
    high: null,
    kind: "band",
    source: "B2B hand-off guidance",
  },
  {
    id: "sql_to_opportunity",
    label: "SQL → opportunity",
    from: "sql",
    to: "opportunity",
    low: 0.4,
    high: 0.5,
    kind: "band",
    source: "B2B hand-off guidance",
  },
  {
    id: "lead_to_opportunity",
    label: "Lead → opportunity",
    from: "lead",
    to: "opportunity",
    low: 0.13,
    high: 0.13,
    kind: "reference",
    source: "Salesforce research",
  },
  {
    id: "win_rate",
    label: "Opportunity → deal",
    from: "opportunity",
    to: "deal",
    low: 0.06,
    high: 0.06,
    kind: "reference",
    source: "Salesforce research",
  },
];

/** Rates are compared after rounding to the one decimal users see, so "25.0 %" is within 25–30 %. */
export function benchmarkStatus(rate: number, benchmark: Pick<Benchmark, "low" | "high">): BenchmarkStatus {
  const shown = Math.round(rate * 1000) / 1000;
  if (shown < benchmark.low) return "below";
  if (benchmark.high !== null && shown > benchmark.high) return "above";
  return "within";
}

export function formatBand(benchmark: Pick<Benchmark, "low" | "high" | "kind">): string {
  const pct = (x: number) => `${Math.round(x * 1000) / 10}`;
  if (benchmark.high === null) return `≥ ${pct(benchmark.low)} %`;
  if (benchmark.high === benchmark.low) return `${pct(benchmark.low)} % (reference)`;
  return `${pct(benchmark.low)}–${pct(benchmark.high)} %`;
}
