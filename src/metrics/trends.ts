// Trends: step conversion by cohort month for each consecutive tracked step, the team's best quarter, and monthly stage volumes.
//
// Cohort view (SPEC default): for a step S → T, leads are grouped by the month they entered S
// (`S_reached_at`); a lead converted if it reached T at all or, with a conversion window of N days, within
// N days of entering S. With a window a month is incomplete while its last lead's window is still open:
// the month's end (midnight after its last day) plus N days is after the as-of date. Without a window every
// later conversion counts, so the latest month is marked as still maturing. The best quarter is the
// highest rate among quarters with ≥ 20 leads entering and no incomplete month.
// Period view: leads reaching each stage per calendar month by their own stage date (a skipped stage has
// no date of its own and adds nothing). The shared filters select leads by cohort day, as everywhere.

import type { SqlEngine } from "../db/engine";
import type { FunnelFilters } from "../model/filters";
import { MIN_LEADS_TO_JUDGE } from "../model/smallNumbers";
import { STAGES, type Stage } from "../model/stages";
import { LIVE_TABLES, OWN_DATE } from "../warehouse/derive";
import { filterWhere } from "./filters";
import { validWindow } from "./funnel";
import { defineMetric } from "./metric";

export interface TrendsQuery {
  filters: FunnelFilters;
  /** Count a conversion only within this many days of entering the step; null = every later one. */
  windowDays: number | null;
}

/** How far a cohort month's count can be trusted: complete, window still open, or latest month (no window). */
export type MonthStatus = "complete" | "incomplete" | "maturing";

export interface StepMonth {
  /** 'YYYY-MM' */
  month: string;
  /** Leads that entered the step's first stage this month. */
  entered: number;
  converted: number;
  /** converted ÷ entered. */
  rate: number;
  status: MonthStatus;
}

export interface BestQuarter {
  /** '2025 Q2' */
  quarter: string;
  entered: number;
  converted: number;
  rate: number;
}

export interface StepTrend {
  from: Stage;
  to: Stage;
  months: StepMonth[];
  best: BestQuarter | null;
}

export interface MonthlyVolume {
  /** 'YYYY-MM' */
  month: string;
  /** Leads reaching each tracked stage this month by their own stage date. */
  counts: Partial<Record<Stage, number>>;
}

export interface Trends {
  /** 'YYYY-MM-DD' */
  asOf: string | null;
  windowDays: number | null;
  /** Tracked stages, in order; steps run between consecutive ones. */
  stages: Stage[];
  steps: StepTrend[];
  volumes: MonthlyVolume[];
}

/** Leads in a quarter must reach this many before its rate can be the best quarter. */
export const MIN_QUARTER_LEADS = MIN_LEADS_TO_JUDGE;

function validStage(stage: Stage): Stage {
  if (!(STAGES as readonly string[]).includes(stage)) throw new Error(`Unknown stage: ${String(stage)}`);
  return stage;
}

function validStep(from: Stage, to: Stage): [Stage, Stage] {
  const [f, t] = [validStage(from), validStage(to)];
  if (STAGES.indexOf(t) <= STAGES.indexOf(f)) throw new Error(`Not a forward step: ${f} → ${t}`);
  return [f, t];
}

export type Step = readonly [from: Stage, to: Stage];

/**
 * The CTEs both step queries share, for every step at once (one pass over the selected leads): each
 * step's entries (`step` = its index in `steps`) with the lead's entry month and conversion, per month.
 */
function stepMonthCtes(where: string, steps: readonly Step[], windowDays: number | null): string {
  const days = validWindow(windowDays);
  const entries = steps.map(([from, to], index) => {
    const [f, t] = validStep(from, to);
    const converted =
      days === null
        ? `${t}_reached_at IS NOT NULL`
        : `${t}_reached_at IS NOT NULL AND ${t}_reached_at <= ${f}_reached_at + INTERVAL ${days} DAY`;
    return `  SELECT
    ${index} AS step,
    date_trunc('month', ${f}_reached_at) AS cohort_month,
    (${converted}) AS converted
  FROM selected_leads
  WHERE ${f}_reached_at IS NOT NULL`;
  });
  const incomplete =
    days === null
      ? "false"
      : `cohort_month + INTERVAL 1 MONTH + INTERVAL ${days} DAY > (SELECT as_of FROM ${LIVE_TABLES.trackedStages})`;
  // Only the columns read: a CTE read more than once is materialised, every column of every lead.
  return `WITH selected_leads AS (
  SELECT ${STAGES.map((stage) => `${stage}_reached_at`).join(", ")} FROM ${LIVE_TABLES.leadStages}
  ${where}
),
step_entries AS (
${entries.length > 0 ? entries.join("\n  UNION ALL\n") : "  SELECT NULL::INTEGER AS step, NULL::TIMESTAMP AS cohort_month, NULL::BOOLEAN AS converted WHERE false"}
),
cohort_months AS (
  SELECT
    step,
    cohort_month,
    count(*)::INTEGER AS entered,
    count(*) FILTER (WHERE converted)::INTEGER AS converted,
    (${incomplete}) AS incomplete
  FROM step_entries
  GROUP BY step, cohort_month
)`;
}

/** One row per step and cohort month: entered, converted, and whether the window is still open. */
export function stepMonthsSql(where: string, steps: readonly Step[], windowDays: number | null): string {
  return `${stepMonthCtes(where, steps, windowDays)}
SELECT step, strftime(cohort_month, '%Y-%m') AS month, entered, converted, incomplete
FROM cohort_months
ORDER BY step, cohort_month`;
}

/** Each step's best quarter: highest rate among complete quarters with enough leads (earliest on a tie). */
export function bestQuarterSql(where: string, steps: readonly Step[], windowDays: number | null): string {
  return `${stepMonthCtes(where, steps, windowDays)},
quarters AS (
  SELECT
    step,
    year(cohort_month) AS year,
    quarter(cohort_month) AS quarter,
    sum(entered)::INTEGER AS entered,
    sum(converted)::INTEGER AS converted,
    bool_or(incomplete) AS incomplete
  FROM cohort_months
  GROUP BY ALL
),
eligible_quarters AS (
  SELECT *, converted / entered AS rate
  FROM quarters
  WHERE NOT incomplete AND entered >= ${MIN_QUARTER_LEADS}
)
SELECT step, year::VARCHAR || ' Q' || quarter::VARCHAR AS quarter, entered, converted, rate
FROM eligible_quarters
QUALIFY row_number() OVER (PARTITION BY step ORDER BY rate DESC, year, quarter) = 1
ORDER BY step`;
}

/** Leads reaching each given stage per calendar month, by their own stage date. */
export function monthlyVolumesSql(where: string, stages: readonly Stage[]): string {
  const parts = stages
    .map(validStage)
    .map(
      (stage) =>
        `  SELECT '${stage}' AS stage, ${OWN_DATE[stage]} AS reached_at FROM selected_leads WHERE ${OWN_DATE[stage]} IS NOT NULL${
          stage === "lead" ? " AND lead_record" : ""
        }`,
    );
  return `WITH selected_leads AS (
  SELECT lead_record, ${STAGES.map((stage) => OWN_DATE[stage]).join(", ")} FROM ${LIVE_TABLES.leadStages}
  ${where}
),
stage_dates AS (
${parts.length > 0 ? parts.join("\n  UNION ALL\n") : "  SELECT NULL::VARCHAR AS stage, NULL::TIMESTAMP AS reached_at WHERE false"}
),
monthly_volumes AS (
  SELECT date_trunc('month', reached_at) AS period_month, stage, count(*)::INTEGER AS leads
  FROM stage_dates
  GROUP BY ALL
)
SELECT strftime(period_month, '%Y-%m') AS month, stage, leads
FROM monthly_volumes
ORDER BY period_month, stage`;
}

export const TRACKED_SQL = `SELECT strftime(as_of, '%Y-%m-%d') AS as_of, ${STAGES.join(", ")} FROM ${LIVE_TABLES.trackedStages}`;

/** Every month from the first to the last 'YYYY-MM', inclusive. */
export function monthRange(first: string, last: string): string[] {
  const months: string[] = [];
  let [year, month] = first.split("-").map(Number) as [number, number];
  const [lastYear, lastMonth] = last.split("-").map(Number) as [number, number];
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    months.push(`${year}-${String(month).padStart(2, "0")}`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

export async function queryTrends(engine: SqlEngine, query: TrendsQuery): Promise<Trends> {
  const windowDays = validWindow(query.windowDays);
  const where = filterWhere(query.filters);
  const [tracked] = await engine.query<Record<Stage, boolean> & { as_of: string | null }>(TRACKED_SQL);
  if (!tracked) throw new Error("No data is loaded");
  const stages = STAGES.filter((stage) => Boolean(tracked[stage]));

  // Every step in two queries (months, best quarters) rather than two per step: one round trip each.
  const pairs: Step[] = stages.slice(1).map((to, i) => [stages[i] as Stage, to]);
  const monthRows =
    pairs.length === 0
      ? []
      : await engine.query<{
          step: number;
          month: string;
          entered: number;
          converted: number;
          incomplete: boolean;
        }>(stepMonthsSql(where.sql, pairs, windowDays), where.params);
  const bestRows =
    pairs.length === 0
      ? []
      : await engine.query<BestQuarter & { step: number }>(
          bestQuarterSql(where.sql, pairs, windowDays),
          where.params,
        );
  const steps: StepTrend[] = pairs.map(([from, to], step) => {
    const rows = monthRows.filter((r) => r.step === step);
    const best = bestRows.find((r) => r.step === step);
    const months = rows.map(
      (r, index): StepMonth => ({
        month: r.month,
        entered: r.entered,
        converted: r.converted,
        rate: r.converted / r.entered,
        status: r.incomplete
          ? "incomplete"
          : windowDays === null && index === rows.length - 1
            ? "maturing"
            : "complete",
      }),
    );
    return {
      from,
      to,
      months,
      best: best
        ? { quarter: best.quarter, entered: best.entered, converted: best.converted, rate: best.rate }
        : null,
    };
  });

  const volumeRows = await engine.query<{ month: string; stage: Stage; leads: number }>(
    monthlyVolumesSql(where.sql, stages),
    where.params,
  );
  const first = volumeRows[0]?.month;
  const last = volumeRows[volumeRows.length - 1]?.month;
  const volumes: MonthlyVolume[] =
    first && last
      ? monthRange(first, last).map((month) => ({
          month,
          counts: Object.fromEntries(
            stages.map((stage) => [
              stage,
              volumeRows.find((r) => r.month === month && r.stage === stage)?.leads ?? 0,
            ]),
          ),
        }))
      : [];

  return { asOf: tracked.as_of, windowDays, stages, steps, volumes };
}

/** Step rates per cohort month, with incomplete months marked. */
export const trendsMetric = defineMetric("trends", ["filters", "windowDays"], (engine, ctx) =>
  queryTrends(engine, { filters: ctx.filters, windowDays: ctx.windowDays }),
);
