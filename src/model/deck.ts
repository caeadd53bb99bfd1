// The deck's words that are not a finding: the title slide (who, when, the three headline numbers and
// their change), the change line of a slide when comparing, and the presenter notes — the numbers
// behind each headline, printed with the report.

import { type Benchmark, benchmarkStatus, formatBand } from "./benchmarks";
import { formatKpiDelta, kpiDelta } from "./comparison";
import { hasPeriod } from "./counting";
import { DIMENSIONS, type FunnelFilters } from "./filters";
import { formatCount, formatPercent } from "./format";
import type { Funnel, Kpi, KpiId } from "./funnel";
import type { TrendMonth } from "./headlines";
import { monthName } from "./headlines";
import type { OutputContextInput } from "./outputContext";
import { formatDayText, formatPeriod } from "./period";
import { TOO_FEW_TO_JUDGE, tooFewToJudge } from "./smallNumbers";
import { type FunnelUnit, STAGE_LABELS, STAGE_PLURALS, type Stage, unitNoun } from "./stages";

/**
 * "Enterprise", "Enterprise · Webinar A, Spring launch", or "All leads" ("All opportunities" when the
 * funnel counts opportunities): whom the deck is about.
 */
export function deckSegment(filters: FunnelFilters, unit: FunnelUnit = "lead"): string {
  const parts = DIMENSIONS.flatMap((dimension) => {
    const values = filters.segments[dimension] ?? [];
    return values.length > 0 ? [values.join(", ")] : [];
  });
  return parts.length > 0 ? parts.join(" · ") : `All ${unitNoun(unit, 2)}`;
}

/** The title slide's two lines: whom and when; then the as-of day, the way of counting and the comparison. */
export function titleText(
  context: OutputContextInput,
  unit: FunnelUnit = "lead",
): { headline: string; detail: string } {
  const period = { from: context.filters.from, to: context.filters.to };
  const when = hasPeriod(period) ? formatPeriod(period) : "All time";
  const counting =
    hasPeriod(period) && context.count === "period" ? "counted in period" : "counted by cohort";
  const parts = [`As of ${context.asOf === null ? "an unknown day" : formatDayText(context.asOf)}`, counting];
  if (context.compare && context.previous) parts.push(`compared with ${formatPeriod(context.previous)}`);
  return { headline: `${deckSegment(context.filters, unit)} — ${when}`, detail: `${parts.join(" · ")}.` };
}

/** The three numbers a results review opens on: the top of the funnel, the key hand-off, the bottom. */
const TITLE_PREFERENCE: readonly KpiId[] = [
  "leads",
  "mql_to_sql",
  "deals",
  "mqls",
  "sqls",
  "opportunities",
  "sales_acceptance",
  "sql_to_opportunity",
  "win_rate",
];

export interface TitleFigure {
  id: KpiId;
  label: string;
  /** "3,000", "27.7 %". */
  value: string;
  /**
   * "+120 (+8.4 %) vs previous period"; for a rate from fewer than 20 leads, that it is too few to judge
   * (its value is then the counts, as the Overview's tile shows them); null when there is nothing to say.
   */
  change: string | null;
}

function kpiValue(kpi: Kpi): string {
  return kpi.kind === "count" ? formatCount(kpi.value) : formatPercent(kpi.value);
}

/** "+2.3 pts vs previous period"; a rate change from too few leads says so rather than a number. */
function changeText(kpi: Kpi, previous: Funnel | null): string | null {
  if (!previous) return null;
  const delta = kpiDelta(
    kpi,
    previous.kpis.find((k) => k.id === kpi.id),
  );
  if (!delta) return null;
  if (delta.kind === "rate" && delta.tooFew) return "too few leads to compare";
  return `${formatKpiDelta(delta)} vs previous period`;
}

/** The first three headline numbers the data has (a number not tracked is skipped, never shown as 0). */
export function titleFigures(funnel: Funnel, previous: Funnel | null): TitleFigure[] {
  return TITLE_PREFERENCE.map((id) => funnel.kpis.find((k) => k.id === id))
    .filter((kpi): kpi is Kpi => kpi !== undefined && kpi.value !== null)
    .slice(0, 3)
    .map((kpi) =>
      kpi.kind === "rate" && tooFewToJudge(kpi.denominator)
        ? {
            id: kpi.id,
            label: kpi.label,
            value: `${formatCount(kpi.numerator)} of ${formatCount(kpi.denominator)}`,
            change: TOO_FEW_TO_JUDGE,
          }
        : { id: kpi.id, label: kpi.label, value: kpiValue(kpi), change: changeText(kpi, previous) },
    );
}

/**
 * The change line of a funnel slide when comparing: every count or rate of `kind` that both periods
 * have, as the Overview's tiles show it ("Leads +120 (+8.4 %) · MQLs −3 (−1.2 %)"). Null when there is
 * nothing to compare.
 */
export function changeLine(funnel: Funnel, previous: Funnel | null, kind: Kpi["kind"]): string | null {
  if (!previous) return null;
  const parts = funnel.kpis
    .filter((kpi) => kpi.kind === kind)
    .flatMap((kpi) => {
      const delta = kpiDelta(
        kpi,
        previous.kpis.find((k) => k.id === kpi.id),
      );
      if (!delta) return [];
      if (delta.kind === "rate" && delta.tooFew) return [`${kpi.label} too few to compare`];
      return [`${kpi.label} ${formatKpiDelta(delta)}`];
    });
  return parts.length > 0 ? `Change vs previous period: ${parts.join(" · ")}` : null;
}

/** Title slide notes: each headline number with the counts behind it, this period and the previous. */
export function titleNotes(funnel: Funnel, previous: Funnel | null): string[] {
  return titleFigures(funnel, previous).map((figure) => {
    const kpi = funnel.kpis.find((k) => k.id === figure.id) as Kpi;
    const counts =
      kpi.kind === "rate" && kpi.numerator !== null && kpi.denominator !== null
        ? ` (${formatCount(kpi.numerator)} of ${formatCount(kpi.denominator)})`
        : "";
    const before = previous?.kpis.find((k) => k.id === kpi.id);
    const then = before && before.value !== null ? `; previous period ${kpiValue(before)}` : "";
    return `${figure.label}: ${figure.value}${counts}${then}`;
  });
}

/** Funnel slide notes: each tracked stage's count and its step conversion from the stage before. */
export function funnelNotes(funnel: Funnel): string[] {
  return funnel.stages
    .filter((row) => row.tracked && row.reached !== null)
    .map((row) => {
      const step =
        row.stepConversion === null ? "" : `, ${formatPercent(row.stepConversion)} of the stage before`;
      const skipped = row.skipped > 0 ? ` (${formatCount(row.skipped)} skipped it)` : "";
      return `${row.label}: ${formatCount(row.reached)} reached${step}${skipped}`;
    });
}

/** "MQL → SQL: 277 of 1,000 MQLs = 27.7 %, within the 25–30 % band". */
function stepNote(from: Stage, to: Stage, converted: number, entered: number, benchmark: Benchmark | null) {
  const rate = entered > 0 ? converted / entered : null;
  const band =
    benchmark && rate !== null
      ? `, ${benchmarkStatus(rate, benchmark)} the ${formatBand(benchmark)} ${benchmark.kind === "band" ? "band" : "reference"}`
      : "";
  return `${STAGE_LABELS[from]} → ${STAGE_LABELS[to]}: ${formatCount(converted)} of ${formatCount(entered)} ${STAGE_PLURALS[from]} = ${formatPercent(rate)}${band}`;
}

/**
 * Benchmark slide notes: every rate the Overview's tiles give (MQL → SQL spans SAL when SAL is tracked),
 * then every step not already given, each with its counts and its band; a step set by the CRM is not judged.
 */
export function benchmarkNotes(funnel: Funnel): string[] {
  const kpis = funnel.kpis.filter(
    (k) => k.kind === "rate" && k.value !== null && k.numerator !== null && k.denominator !== null,
  );
  const kpiNotes = kpis.flatMap((k) => {
    const pair = RATE_STAGES[k.id];
    return pair ? [stepNote(pair[0], pair[1], k.numerator ?? 0, k.denominator ?? 0, k.benchmark)] : [];
  });
  const given = new Set(kpis.map((k) => RATE_STAGES[k.id]?.join("→")));
  const stepNotes = funnel.steps
    .filter((step) => !given.has(`${step.from}→${step.to}`))
    .map((step) =>
      step.setByCrm !== null
        ? `${STAGE_LABELS[step.from]} → ${STAGE_LABELS[step.to]}: set by the CRM, not benchmarked`
        : stepNote(step.from, step.to, step.converted, step.entered, step.benchmark),
    );
  return [...kpiNotes, ...stepNotes];
}

/** The stages of each rate tile (model/funnel's RATE_KPIS). */
const RATE_STAGES: Partial<Record<KpiId, [Stage, Stage]>> = {
  mql_to_sql: ["mql", "sql"],
  sales_acceptance: ["mql", "sal"],
  sql_to_opportunity: ["sql", "opportunity"],
  win_rate: ["opportunity", "deal"],
};

/** Leak slide notes: per step, how many went no further of how many entered. */
export function leakNotes(
  steps: readonly { from: Stage; to: Stage; entered: number; leaked: number }[],
): string[] {
  return steps.map(
    (s) =>
      `${STAGE_LABELS[s.from]} → ${STAGE_LABELS[s.to]}: ${formatCount(s.leaked)} of ${formatCount(s.entered)} ${STAGE_PLURALS[s.from]} went no further (${formatPercent(s.entered > 0 ? s.leaked / s.entered : null)})`,
  );
}

/** Trend slide notes: every month of the period shown, with its counts and whether it is complete. */
export function trendNotes(from: Stage, to: Stage, months: readonly TrendMonth[]): string[] {
  return months.map(
    (m) =>
      `${monthName(m.month)}: ${formatCount(m.converted)} of ${formatCount(m.entered)} ${STAGE_PLURALS[from]} reached ${STAGE_LABELS[to]} (${formatPercent(m.rate)})${m.status === "complete" ? "" : `, ${m.status}`}`,
  );
}
