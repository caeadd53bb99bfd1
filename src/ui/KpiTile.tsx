// One headline number (a stage count or a step rate) with the counts behind it and its benchmark.

import type { ReactNode } from "react";
import { formatBand } from "../model/benchmarks";
import { formatCount, formatPercent } from "../model/format";
import type { Kpi } from "../model/funnel";
import { BenchmarkStatusBadge } from "./BenchmarkStatusBadge";

/** The big number: a count, a percentage, or why there is none. */
export function kpiValueText(kpi: Kpi): string {
  if (kpi.value === null) {
    // A rate whose stages are tracked but whose starting stage is empty has nothing to divide.
    return kpi.kind === "rate" && kpi.denominator === 0 ? "—" : "Not tracked";
  }
  return kpi.kind === "rate" ? formatPercent(kpi.value) : formatCount(kpi.value);
}

/**
 * Public contract: the tile is a group named after the KPI label, with `data-metric` (the KPI id)
 * and `data-value` (the raw number, a rate as a fraction; "" when there is none).
 */
export function KpiTile(props: { kpi: Kpi; children?: ReactNode }) {
  const { kpi } = props;
  const showCounts = kpi.kind === "rate" && kpi.numerator !== null && kpi.denominator !== null;
  return (
    // biome-ignore lint/a11y/useSemanticElements: a tile is a labelled group of text, not a form <fieldset>.
    <div
      role="group"
      aria-label={kpi.label}
      className={`kpi-tile${kpi.value === null ? " kpi-tile-empty" : ""}`}
      data-metric={kpi.id}
      data-value={kpi.value === null ? "" : String(kpi.value)}
      data-status={kpi.status ?? undefined}
    >
      <p className="kpi-label">{kpi.label}</p>
      <p className="kpi-value">{kpiValueText(kpi)}</p>
      {showCounts && (
        <p className="kpi-counts">
          {formatCount(kpi.numerator)} of {formatCount(kpi.denominator)}
        </p>
      )}
      {kpi.benchmark && (
        <p className="kpi-benchmark">
          {kpi.status && <BenchmarkStatusBadge status={kpi.status} kind={kpi.benchmark.kind} />}
          <span className="kpi-band">Benchmark {formatBand(kpi.benchmark)}</span>
        </p>
      )}
      {props.children}
    </div>
  );
}
