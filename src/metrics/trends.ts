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

function validWindow(days: number | null): number | null {
  if (days === null) return null;
  if (!Number.isInteger(days) || days < 1)
    throw new Error("The conversion window must be a whole number of days ≥ 1");
  return days;
}

function validStep(from: Stage, to: Stage): [Stage, Stage] {
  const [f, t] = [validStage(from), validStage(to)];
  if (STAGES.indexOf(t) <= STAGES.indexOf(f)) throw new Error(`Not a forward step: ${f} → ${t}`);
  return [f, t];
}

/** The CTEs both step queries share: selected leads, each lead's entry month and conversion, per month. */
function stepMonthCtes(where: string, from: Stage, to: Stage, windowDays: number | null): string {
  const [f, t] = validStep(from, to);
  const days = validWindow(windowDays);
  const converted =
    days === null
      ? `${t}_reached_at IS NOT NULL`
      : `${t}_reached_at IS NOT NULL AND ${t}_reached_at <= ${f}_reached_at + INTERVAL ${days} DAY`;
  const incomplete =
    days === null
      ? "false"
      : `cohort_month + INTERVAL 1 MONTH + INTERVAL ${days} DAY > (SELECT as_of FROM ${LIVE_TABLES.trackedStages})`;
  return `WITH selected_leads AS (
  SELECT * FROM ${LIVE_TABLES.leadStages}
  ${where}
),
step_entries AS (
  SELECT
    date_trunc('month', ${f}_reached_at) AS cohort_month,
    (${converted}) AS converted
  FROM selected_leads
  WHERE ${f}_reached_at IS NOT NULL
),
cohort_months AS (
  SELECT
    cohort_month,
    count(*)::INTEGER AS entered,
    count(*) FILTER (WHERE converted)::INTEGER AS converted,
    (${incomplete}) AS incomplete
  FROM step_entries
  GROUP BY cohort_month
)`;
}

/** One row per cohort month of the step S → T: entered, converted, and whether the window is still open. */
export function stepMonthsSql(where: string, from: Stage, to: Stage, windowDays: number | null): string {
  return `${stepMonthCtes(where, from, to, windowDays)}
SELECT strftime(cohort_month, '%Y-%m') AS month, entered, converted, incomplete
FROM cohort_months
ORDER BY cohort_month`;
}

/** The best quarter of the step: highest rate among complete quarters with enough leads (earliest on a tie). */
export function bestQuarterSql(where: string, from: Stage, to: Stage, windowDays: number | null): string {
  return `${stepMonthCtes(where, from, to, windowDays)},
quarters AS (
  SELECT
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
SELECT year::VARCHAR || ' Q' || quarter::VARCHAR AS quarter, entered, converted, rate
FROM eligible_quarters
ORDER BY rate DESC, year, quarter
LIMIT 1`;
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
  SELECT * FROM ${LIVE_TABLES.leadStages}
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

  const steps: StepTrend[] = [];
  for (let i = 0; i + 1 < stages.length; i++) {
    const from = stages[i] as Stage;
    const to = stages[i + 1] as Stage;
    const rows = await engine.query<{
      month: string;
      entered: number;
      converted: number;
      incomplete: boolean;
    }>(stepMonthsSql(where.sql, from, to, windowDays), where.params);
    const [best] = await engine.query<BestQuarter>(
      bestQuarterSql(where.sql, from, to, windowDays),
      where.params,
    );
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
    steps.push({ from, to, months, best: best ?? null });
  }

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
