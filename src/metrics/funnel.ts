// The stage funnel: reached and skipped counts per stage, conversions, and what became of leads that
// stopped, for the leads in the current selection. Counted by cohort it is summed from funnel_cube
// (the conversion window needs per-lead dates, so that one part reads lead_stages); counted in period
// it is one scan of lead_stages, each stage by the day the lead entered it.

import type { SqlEngine } from "../db/engine";
import type { Benchmark } from "../model/benchmarks";
import { type CountMode, countIn } from "../model/counting";
import type { FunnelFilters } from "../model/filters";
import {
  buildFunnel,
  type Conversion,
  type Funnel,
  type FunnelCounts,
  type SameDayShare,
  type StatusCount,
} from "../model/funnel";
import { boundsText, isWholeDays, WINDOW_DAYS } from "../model/settingsBounds";
import { LEAD_STATUSES, type LeadStatus, STAGES, type Stage } from "../model/stages";
import { LIVE_TABLES, OWN_DATE, sameDayColumn } from "../warehouse/derive";
import { filterWhere } from "./filters";
import { defineMetric } from "./metric";

export interface FunnelQuery {
  filters: FunnelFilters;
  /** Count a conversion only within this many days of entering the step; null = every later one. */
  windowDays: number | null;
  /** Cohort (the default) or in period; without a period both are the same (model/counting.ts). */
  count?: CountMode;
}

type SkippedKey = `skipped_${"mql" | "sal" | "sql" | "opportunity"}`;
type FunnelGroupRow = Record<Stage, boolean> & { as_of: number | null; lost_recorded: boolean } & Record<
    string,
    unknown
  > & {
    furthest_stage: number | null;
    status: string | null;
    leads: number | null;
  } & Partial<Record<SkippedKey, number | null>>;

const SKIPPABLE: Stage[] = ["mql", "sal", "sql", "opportunity"];

/**
 * One scan of the cube: leads and skipped counts per (furthest stage, status), with the tracked stages
 * joined on, so a filter change costs one round trip to the worker. Reached counts are summed in JS
 * (a lead reached every stage up to its furthest). With no matching lead, one row of tracked stages
 * and null counts comes back.
 */
export function funnelGroupsSql(where: string): string {
  return `WITH groups AS (
  SELECT furthest_stage, status, sum(leads)::INTEGER AS leads,
    ${SKIPPABLE.map((stage) => `sum(skipped_${stage})::INTEGER AS skipped_${stage}`).join(",\n    ")}
  FROM ${LIVE_TABLES.funnelCube}
  ${where}
  GROUP BY furthest_stage, status
)
SELECT t.*, g.* FROM ${LIVE_TABLES.trackedStages} t LEFT JOIN groups g ON true`;
}

/** Conversions from each stage to every later one within `days` of entering the earlier stage. */
export function windowConversionsSql(where: string, days: number): string {
  const pairs: string[] = [];
  STAGES.forEach((from, i) => {
    STAGES.slice(i + 1).forEach((to) => {
      pairs.push(
        `count(*) FILTER (WHERE ${to}_reached_at IS NOT NULL AND ${from}_reached_at IS NOT NULL
    AND ${to}_reached_at <= ${from}_reached_at + INTERVAL ${days} DAY)::INTEGER AS "${from}>${to}"`,
      );
    });
  });
  return `SELECT
  ${pairs.join(",\n  ")},
  count(*) FILTER (WHERE lead_reached_at > (SELECT as_of FROM ${LIVE_TABLES.trackedStages}) - INTERVAL ${days} DAY)::INTEGER AS incomplete
FROM ${LIVE_TABLES.leadStages}
${where}`;
}

/** Whole days within WINDOW_DAYS (the control's bounds): DuckDB's date arithmetic overflows far beyond. */
export function validWindow(days: number | null): number | null {
  if (days === null) return null;
  if (!isWholeDays(days, WINDOW_DAYS))
    throw new Error(`The conversion window must be a whole number of days, ${boundsText(WINDOW_DAYS)}`);
  return days;
}

/** `<stage>_reached_at`: when a lead entered the stage (its own date, or the later one it skipped to). */
const reachedAt = (stage: Stage): string => `${stage}_reached_at`;

/** The day a lead's furthest stage was entered: when it stopped there, for counting it in a period. */
const FURTHEST_REACHED_AT = `CASE furthest_stage ${STAGES.map((stage, i) => `WHEN ${i} THEN ${reachedAt(stage)}`).join(" ")} END`;

/**
 * In period, one scan of lead_stages grouped by (furthest stage, status): per group, how many entered
 * each stage in the period (skipped ones apart), how many stopped at their furthest stage having
 * entered it in the period (`leads`, what a step's leaks count), and how many were lost in the period
 * (the closed win rate's "closed this period"). Bounds are bound as the first two parameters (null:
 * open), then the segment filter's; inclusive days. The tracked stages are joined on as for the cube.
 */
export function periodGroupsSql(segmentWhere: string): string {
  // Timestamps against the bounds' midnights: no per-row cast to DATE.
  const inPeriod = (column: string) => `(${column} >= b.period_start AND ${column} < b.period_end)`;
  const entered = STAGES.map(
    (stage) => `count(*) FILTER (WHERE ${inPeriod(reachedAt(stage))})::INTEGER AS entered_${stage}`,
  );
  const skipped = SKIPPABLE.map(
    (stage) =>
      `count(*) FILTER (WHERE ${inPeriod(reachedAt(stage))} AND ${OWN_DATE[stage]} IS NULL)::INTEGER AS skipped_${stage}`,
  );
  return `WITH bounds AS (
  -- [start of the first day, start of the day after the last): both days inclusive.
  SELECT CAST(coalesce(CAST(? AS DATE), DATE '0001-01-01') AS TIMESTAMP) AS period_start,
    CAST(coalesce(CAST(? AS DATE) + 1, DATE '9999-12-31') AS TIMESTAMP) AS period_end
),
groups AS (
  SELECT furthest_stage, status,
    count(*) FILTER (WHERE ${inPeriod(FURTHEST_REACHED_AT)})::INTEGER AS leads,
    count(*) FILTER (WHERE status = 'lost' AND ${inPeriod("lost_at")})::INTEGER AS lost_in_period,
    ${[...entered, ...skipped].join(",\n    ")}
  FROM ${LIVE_TABLES.leadStages} CROSS JOIN bounds AS b
  -- Every date of a lead lies between its first and last event: only leads active in the period can count.
  WHERE first_seen_at < b.period_end AND last_activity_at >= b.period_start
  ${segmentWhere.replace(/^WHERE /, "AND ")}
  GROUP BY furthest_stage, status
)
SELECT t.*, g.* FROM ${LIVE_TABLES.trackedStages} t LEFT JOIN groups g ON true`;
}

type PeriodGroupRow = FunnelGroupRow &
  Partial<Record<`entered_${Stage}`, number | null>> & { lost_in_period?: number | null };

/** The funnel counted in period (see periodGroupsSql); a step's rate is then a flow ratio. */
async function periodCounts(
  engine: SqlEngine,
  filters: FunnelFilters,
): Promise<{ counts: FunnelCounts; tracked: Record<string, unknown> }> {
  // The period bounds entries, not cohorts: only the segments select leads.
  const where = filterWhere({ ...filters, from: null, to: null });
  const rows = await engine.query<PeriodGroupRow>(periodGroupsSql(where.sql), [
    filters.from,
    filters.to,
    ...where.params,
  ]);
  const tracked = rows[0];
  if (!tracked) throw new Error("No data is loaded");
  const groups = rows.filter((r) => r.furthest_stage !== null);
  const sum = (value: (r: PeriodGroupRow) => number | null | undefined, only = (_: PeriodGroupRow) => true) =>
    groups.filter(only).reduce((total, r) => total + (value(r) ?? 0), 0);
  const isStage = (r: PeriodGroupRow, stage: Stage) => r.furthest_stage === STAGES.indexOf(stage);
  const closed = (r: PeriodGroupRow) => r.status === "won" || r.status === "lost";
  // Lost after an opportunity (or, without opportunity dates, lost wherever the lead stopped).
  const lostHere = (r: PeriodGroupRow) => !tracked.opportunity || isStage(r, "opportunity");
  const counts: FunnelCounts = {
    count: "period",
    lostRecorded: Boolean(tracked.lost_recorded),
    sameDay: sameDayShares(tracked),
    stages: STAGES.map((stage) => ({
      stage,
      tracked: Boolean(tracked[stage]),
      reached: sum((r) => r[`entered_${stage}`]),
      skipped: (SKIPPABLE as readonly Stage[]).includes(stage)
        ? sum((r) => r[`skipped_${stage}` as SkippedKey])
        : 0,
    })),
    conversions: [],
    statuses: groups
      .filter((r) => (LEAD_STATUSES as readonly string[]).includes(r.status ?? "") && (r.leads ?? 0) > 0)
      .map((r) => ({
        stage: STAGES[r.furthest_stage as number] as Stage,
        status: r.status as LeadStatus,
        leads: r.leads ?? 0,
      })),
    closedInPeriod: {
      lost: sum(
        (r) => r.lost_in_period,
        (r) => r.status === "lost" && lostHere(r),
      ),
      open: sum(
        (r) => r.entered_opportunity,
        (r) => !closed(r),
      ),
    },
    // A flow ratio has no window: the window belongs to cohort counting (the screen says so).
    windowDays: null,
    incompleteLeads: 0,
  };
  return { counts, tracked };
}

function sameDayShares(tracked: Record<string, unknown>): SameDayShare[] {
  const sameDay: SameDayShare[] = [];
  STAGES.forEach((from, i) => {
    for (const to of STAGES.slice(i + 1)) {
      const share = tracked[sameDayColumn(from, to)];
      sameDay.push({ from, to, share: typeof share === "number" ? share : null });
    }
  });
  return sameDay;
}

export async function queryFunnelCounts(engine: SqlEngine, query: FunnelQuery): Promise<FunnelCounts> {
  return (await funnelCountsWithTracking(engine, query)).counts;
}

/**
 * The funnel counts and the workspace's tracked_stages row they were read with (same round trip), for
 * an analysis that needs both (Leaks: whether sales contacts are recorded at all).
 */
export async function funnelCountsWithTracking(
  engine: SqlEngine,
  query: FunnelQuery,
): Promise<{ counts: FunnelCounts; tracked: Record<string, unknown> }> {
  const windowDays = validWindow(query.windowDays);
  if (countIn(query.filters, query.count) === "period") return periodCounts(engine, query.filters);
  const where = filterWhere(query.filters);
  const rows = await engine.query<FunnelGroupRow>(funnelGroupsSql(where.sql), where.params);
  const tracked = rows[0];
  if (!tracked) throw new Error("No data is loaded");
  const groups = rows.filter((r) => r.furthest_stage !== null);
  const reached = STAGES.map((_, i) =>
    groups.reduce((sum, r) => sum + ((r.furthest_stage as number) >= i ? (r.leads ?? 0) : 0), 0),
  );
  const skipped = (stage: Stage) =>
    (SKIPPABLE as readonly Stage[]).includes(stage)
      ? groups.reduce((sum, r) => sum + (r[`skipped_${stage}` as SkippedKey] ?? 0), 0)
      : 0;

  const conversions: Conversion[] = [];
  let incompleteLeads = 0;
  if (windowDays !== null) {
    const [row] = await engine.query<Record<string, number>>(
      windowConversionsSql(where.sql, windowDays),
      where.params,
    );
    for (const [key, leads] of Object.entries(row ?? {})) {
      if (key === "incomplete") incompleteLeads = leads;
      else {
        const [from, to] = key.split(">") as [Stage, Stage];
        conversions.push({ from, to, leads });
      }
    }
  }

  const statuses: StatusCount[] = groups
    .filter((r) => (LEAD_STATUSES as readonly string[]).includes(r.status ?? ""))
    .map((r) => ({
      stage: STAGES[r.furthest_stage as number] as Stage,
      status: r.status as LeadStatus,
      leads: r.leads ?? 0,
    }));

  const counts: FunnelCounts = {
    count: "cohort",
    lostRecorded: Boolean(tracked.lost_recorded),
    sameDay: sameDayShares(tracked),
    stages: STAGES.map((stage, i) => ({
      stage,
      tracked: Boolean(tracked[stage]),
      reached: reached[i] ?? 0,
      skipped: skipped(stage),
    })),
    conversions,
    statuses,
    windowDays,
    incompleteLeads,
  };
  return { counts, tracked };
}

export async function queryFunnel(
  engine: SqlEngine,
  query: FunnelQuery,
  benchmarks: readonly Benchmark[],
): Promise<Funnel> {
  return buildFunnel(await queryFunnelCounts(engine, query), benchmarks);
}

/** The Overview's funnel: reached counts, steps against their bands, the biggest leak; cohort or in period. */
export const funnelMetric = defineMetric(
  "funnel",
  ["filters", "windowDays", "count"],
  (engine, ctx, benchmarks: readonly Benchmark[]) =>
    queryFunnel(engine, { filters: ctx.filters, windowDays: ctx.windowDays, count: ctx.count }, benchmarks),
);
