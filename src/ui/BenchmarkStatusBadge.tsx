// A benchmark status as text plus colour plus a glyph, so it never relies on colour alone.

import type { Benchmark, BenchmarkStatus } from "../model/benchmarks";

const GLYPHS: Record<BenchmarkStatus, string> = { below: "▼", within: "●", above: "▲" };

/** "Below band", "Within band", "Above reference"… */
export function benchmarkStatusText(status: BenchmarkStatus, kind: Benchmark["kind"]): string {
  const word = status.charAt(0).toUpperCase() + status.slice(1);
  return `${word} ${kind === "band" ? "band" : "reference"}`;
}

export function BenchmarkStatusBadge(props: { status: BenchmarkStatus; kind: Benchmark["kind"] }) {
  return (
    <span className={`status-badge status-${props.status}`} data-status={props.status}>
      <span className="status-glyph" aria-hidden="true">
        {GLYPHS[props.status]}
      </span>{" "}
      {benchmarkStatusText(props.status, props.kind)}
    </span>
  );
}
