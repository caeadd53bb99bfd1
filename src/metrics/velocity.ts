// Stage velocity: how long leads take between consecutive stages and from lead to deal, the
// time-to-convert histogram against the 18-day prospect → sale reference, and stalled leads per stage.
//
// Durations use each lead's own stage dates (not reached dates): a step's times come only from leads
// with their own date for both stages, in order (a lead that skipped SAL adds nothing to MQL → SAL or
// SAL → SQL). Lead → deal runs from the lead date to the won date, for lead records only (a row from a
// deals file alone has no lead date of its own). Days are elapsed time ÷ 24 h.

import type { SqlEngine } from "../db/engine";
import type { FunnelFilters } from "../model/filters";
import { STAGES, type Stage } from "../model/stages";
import { LIVE_TABLES } from "../warehouse/derive";
import { filterWhere } from "./filters";
import { stoppedLeadsCtes } from "./leaks";
import { defineMetric } from "./metric";

/** Published prospect → sale average (Salesforce research), in days. */
export const PROSPECT_TO_SALE_REFERENCE_DAYS = 18;

/** Consecutive lifecycle stages and the lead_stages column holding each one's own date. */
const INTERVALS: { from: Stage; to: Stage; fromColumn: string; toColumn: string }[] = [
  { from: "lead", to: "mql", fromColumn: "lead_at", toColumn: "mql_at" },
  { from: "mql", to: "sal", fromColumn: "mql_at", toColumn: "sal_at" },
  { from: "sal", to: "sql", fromColumn: "sal_at", toColumn: "sql_at" },
  { from: "sql", to: "opportunity", fromColumn: "sql_at", toColumn: "opportunity_at" },
  { from: "opportunity", to: "deal", fromColumn: "opportunity_at", toColumn: "won_at" },
  { from: "lead", to: "deal", fromColumn: "lead_at", toColumn: "won_at" },
];

/** Lead → deal histogram buckets (upper edges inclusive, elapsed days); 18 is an edge so the reference can be read off. */
export const TIME_TO_CONVERT_BUCKETS: { label: string; maxDays: number | null }[] = [
  { label: "0–7 days", maxDays: 7 },
  { label: "8–18 days", maxDays: 18 },
  { label: "19–30 days", maxDays: 30 },
  { label: "31–60 days", maxDays: 60 },
  { label: "61–90 days", maxDays: 90 },
  { label: "91–180 days", maxDays: 180 },
  { label: "over 180 days", maxDays: null },
];

export interface StageInterval {
  from: Stage;
  to: Stage;
  /** Leads with their own date for both stages. */
  leads: number;
  medianDays: number | null;
  p75Days: number | null;
}

export interface Velocity {
  intervals: StageInterval[];
  histogram: { label: string; deals: number }[];
  /** Won deals that closed within the 18-day reference, lead date to won date. */
  dealsWithinReference: number;
  deals: number;
  /** Not closed, not in progress (stalled or never contacted), by furthest stage. */
  stalledByStage: { stage: Stage; stalled: number }[];
}

export function stageIntervalsSql(where: string): string {
  const intervals = INTERVALS.map(
    (i) => `  SELECT '${i.from}' AS from_stage, '${i.to}' AS to_stage,
    (epoch(${i.toColumn}) - epoch(${i.fromColumn})) / 86400.0 AS days
  FROM selected_leads
  WHERE ${i.fromColumn} IS NOT NULL AND ${i.toColumn} IS NOT NULL AND ${i.toColumn} >= ${i.fromColumn}${
    i.fromColumn === "lead_at" ? " AND lead_record" : ""
  }`,
  ).join("\n  UNION ALL\n");
  // Only the columns read: a CTE read more than once is materialised, every column of every lead.
  return `WITH selected_leads AS (
  SELECT lead_record, ${[...new Set(INTERVALS.flatMap((i) => [i.fromColumn, i.toColumn]))].join(", ")}
  FROM ${LIVE_TABLES.leadStages}
  ${where}
),
stage_intervals AS (
${intervals}
)
SELECT
  from_stage,
  to_stage,
  count(*)::INTEGER AS leads,
  median(days) AS median_days,
  quantile_cont(days, 0.75) AS p75_days
FROM stage_intervals
GROUP BY from_stage, to_stage`;
}

export function timeToConvertSql(where: string): string {
  const cases = TIME_TO_CONVERT_BUCKETS.map((b, i) =>
    b.maxDays === null ? `    ELSE ${i}` : `    WHEN days <= ${b.maxDays} THEN ${i}`,
  ).join("\n");
  return `WITH selected_leads AS (
  SELECT lead_record, lead_at, won_at FROM ${LIVE_TABLES.leadStages}
  ${where}
),
lead_to_deal AS (
  SELECT (epoch(won_at) - epoch(lead_at)) / 86400.0 AS days
  FROM selected_leads
  WHERE lead_record AND won_at IS NOT NULL AND won_at >= lead_at
)
SELECT
  CASE
${cases}
  END AS bucket,
  count(*)::INTEGER AS deals,
  count(*) FILTER (WHERE days <= ${PROSPECT_TO_SALE_REFERENCE_DAYS})::INTEGER AS within_reference
FROM lead_to_deal
GROUP BY bucket
ORDER BY bucket`;
}

export function stalledByStageSql(where: string): string {
  return `${stoppedLeadsCtes(where)}
SELECT furthest_stage, count(*)::INTEGER AS stalled
FROM stopped_leads
WHERE stop_reason IN ('stalled', 'never_contacted')
GROUP BY furthest_stage
ORDER BY furthest_stage`;
}

export async function queryVelocity(
  engine: SqlEngine,
  ctx: { filters: FunnelFilters; stalledDays: number },
): Promise<Velocity> {
  const where = filterWhere(ctx.filters);
  const intervalRows = await engine.query<{
    from_stage: string;
    to_stage: string;
    leads: number;
    median_days: number | null;
    p75_days: number | null;
  }>(stageIntervalsSql(where.sql), where.params);
  const bucketRows = await engine.query<{ bucket: number; deals: number; within_reference: number }>(
    timeToConvertSql(where.sql),
    where.params,
  );
  const stalledRows = await engine.query<{ furthest_stage: number; stalled: number }>(
    stalledByStageSql(where.sql),
    where.params,
  );
  return {
    intervals: INTERVALS.map(({ from, to }) => {
      const row = intervalRows.find((r) => r.from_stage === from && r.to_stage === to);
      return {
        from,
        to,
        leads: row?.leads ?? 0,
        medianDays: row?.median_days ?? null,
        p75Days: row?.p75_days ?? null,
      };
    }),
    histogram: TIME_TO_CONVERT_BUCKETS.map((b, i) => ({
      label: b.label,
      deals: bucketRows.find((r) => r.bucket === i)?.deals ?? 0,
    })),
    dealsWithinReference: bucketRows.reduce((sum, r) => sum + r.within_reference, 0),
    deals: bucketRows.reduce((sum, r) => sum + r.deals, 0),
    stalledByStage: STAGES.filter((s) => s !== "deal").map((stage, i) => ({
      stage,
      stalled: stalledRows.find((r) => r.furthest_stage === i)?.stalled ?? 0,
    })),
  };
}

/** Days between stages, time to a deal, stalled leads per stage. */
export const velocityMetric = defineMetric("velocity", ["filters", "stalledDays"], (engine, ctx) =>
  queryVelocity(engine, { filters: ctx.filters, stalledDays: ctx.stalledDays }),
);
