// One headline number (a stage count or a step rate) with the counts behind it and its benchmark; a rate
// from fewer than MIN_LEADS_TO_JUDGE leads shows its counts first and is not judged against its benchmark.

import { type ReactNode, useId } from "react";
import { formatBand } from "../model/benchmarks";
import { deltaDirection, formatKpiDelta, type KpiDelta } from "../model/comparison";
import { formatCount, formatPercent } from "../model/format";
import type { Kpi } from "../model/funnel";
import { formatCountOf, TOO_FEW_TO_JUDGE, tooFewToJudge } from "../model/smallNumbers";
import { BenchmarkStatusBadge } from "./BenchmarkStatusBadge";

/** True for a rate that exists but rests on too few leads to judge. */
export function isSmallSampleRate(kpi: Kpi): boolean {
  return (
    kpi.kind === "rate" && kpi.value !== null && kpi.numerator !== null && tooFewToJudge(kpi.denominator)
  );
}

/** The big number: a count, a percentage, "5 of 8" for a rate from too few leads, or why there is none. */
export function kpiValueText(kpi: Kpi): string {
  if (kpi.value === null) {
    if (kpi.unavailable !== null) return "Set by the CRM";
    // A rate whose stages are tracked but whose starting stage is empty has nothing to divide.
    return kpi.kind === "rate" && kpi.denominator === 0 ? "—" : "Not tracked";
  }
  if (isSmallSampleRate(kpi)) return formatCountOf(kpi.numerator ?? 0, kpi.denominator ?? 0);
  return kpi.kind === "rate" ? formatPercent(kpi.value) : formatCount(kpi.value);
}

const DELTA_ARROWS = { up: "▲", down: "▼", flat: "■" } as const;

/** "▲ +100 (+8.3 %) vs previous period": the arrow repeats the sign, the words carry the meaning. */
function KpiDeltaLine(props: { delta: KpiDelta }) {
  const { delta } = props;
  const direction = deltaDirection(delta);
  return (
    <p
      className={`kpi-delta kpi-delta-${direction}`}
      data-delta={delta.kind === "rate" ? delta.points / 100 : delta.change}
    >
      <span aria-hidden="true">{DELTA_ARROWS[direction]} </span>
      {formatKpiDelta(delta)} vs previous period
      {delta.kind === "rate" && delta.tooFew && " (too few leads to judge)"}
    </p>
  );
}

/**
 * Public contract: the tile is a group named after the KPI label, with `data-metric` (the KPI id)
 * and `data-value` (the raw number, a rate as a fraction; "" when there is none). A stage count may
 * carry the team's definition of the stage, and every tile the way it was counted: as its tooltip and
 * its accessible description.
 */
export function KpiTile(props: {
  kpi: Kpi;
  definition?: string | null;
  /** How the number was counted (cohort or in period), in words. */
  counting?: string | null;
  /** In period a step's rate is a flow ratio, not a cohort conversion (and may exceed 100 %): said on the tile. */
  flowRatio?: boolean;
  /** The change against the previous period, when comparing. */
  delta?: KpiDelta | null;
  children?: ReactNode;
}) {
  const { kpi } = props;
  const definitionId = useId();
  const about = [props.definition, props.counting].filter((text): text is string => Boolean(text));
  const definition = about.length > 0 ? about.join("\n") : null;
  const showCounts =
    kpi.kind === "rate" && kpi.value !== null && kpi.numerator !== null && kpi.denominator !== null;
  // Too few leads: the counts are the big number, the percentage comes second, and no status is given.
  const small = isSmallSampleRate(kpi);
  return (
    <>
      {/* biome-ignore lint/a11y/useSemanticElements: a tile is a labelled group of text, not a form <fieldset>. */}
      <div
        role="group"
        aria-label={kpi.label}
        className={`kpi-tile${kpi.value === null ? " kpi-tile-empty" : ""}`}
        data-metric={kpi.id}
        data-value={kpi.value === null ? "" : String(kpi.value)}
        data-status={small ? undefined : (kpi.status ?? undefined)}
        data-small-sample={small ? "true" : undefined}
        title={definition ?? undefined}
        aria-describedby={definition === null ? undefined : definitionId}
      >
        <p className="kpi-label">{kpi.label}</p>
        <p className="kpi-value">{kpiValueText(kpi)}</p>
        {showCounts && (
          <p className="kpi-counts">
            {small
              ? formatPercent(kpi.value)
              : `${formatCount(kpi.numerator)} of ${formatCount(kpi.denominator)}`}
          </p>
        )}
        {small && <p className="kpi-small-sample">{TOO_FEW_TO_JUDGE}</p>}
        {props.flowRatio && kpi.kind === "rate" && (
          <p className="kpi-flow" data-flow-ratio="true">
            Flow ratio in the period, not a cohort conversion
            {kpi.value !== null &&
              kpi.value > 1 &&
              ": above 100 % because more leads entered the later stage"}
          </p>
        )}
        {kpi.unavailable !== null && (
          <p className="kpi-unavailable" data-unavailable="set_by_crm">
            Not compared with its benchmark: {kpi.unavailable}, as both dates fall on the same day for at
            least 95 % of its leads.
          </p>
        )}
        {kpi.benchmark && (
          <p className="kpi-benchmark">
            {kpi.status && !small && <BenchmarkStatusBadge status={kpi.status} kind={kpi.benchmark.kind} />}
            <span className="kpi-band">Benchmark {formatBand(kpi.benchmark)}</span>
          </p>
        )}
        {props.delta && <KpiDeltaLine delta={props.delta} />}
        {props.children}
      </div>
      {/* Outside the tile, so the tile's text stays its numbers; still read as its description. */}
      {definition !== null && (
        <span id={definitionId} hidden>
          {about.join(" ")}
        </span>
      )}
    </>
  );
}
