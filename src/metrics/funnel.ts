// The stage funnel: reached and skipped counts per stage, conversions, and what became of leads that
// stopped, for the leads in the current selection. Summed from funnel_cube; the conversion window
// needs per-lead dates, so that one part reads lead_stages.

import type { SqlEngine } from "../db/engine";
import type { Benchmark } from "../model/benchmarks";
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
import { LIVE_TABLES, sameDayColumn } from "../warehouse/derive";
import { filterWhere } from "./filters";
import { defineMetric } from "./metric";

export interface FunnelQuery {
  filters: FunnelFilters;
  /** Count a conversion only within this many days of entering the step; null = every later one. */
  windowDays: number | null;
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

  const sameDay: SameDayShare[] = [];
  STAGES.forEach((from, i) => {
    for (const to of STAGES.slice(i + 1)) {
      const share = tracked[sameDayColumn(from, to)];
      sameDay.push({ from, to, share: typeof share === "number" ? share : null });
    }
  });

  const counts: FunnelCounts = {
    lostRecorded: Boolean(tracked.lost_recorded),
    sameDay,
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

/** The Overview's funnel: reached counts, steps against their bands, the biggest leak. */
export const funnelMetric = defineMetric(
  "funnel",
  ["filters", "windowDays"],
  (engine, ctx, benchmarks: readonly Benchmark[]) =>
    queryFunnel(engine, { filters: ctx.filters, windowDays: ctx.windowDays }, benchmarks),
);
