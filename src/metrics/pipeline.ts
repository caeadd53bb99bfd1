// The deal pipeline by stage (issue #18): reached, skipped, moved on, lost, open and stalled per stage,
// days in stage, the stall line's effect on winning, quarterly step rates, the biggest leak and what
// fixing it is worth. Read from deal_stages (warehouse/dealStages.ts), which carries the filter columns
// of the lead each deal links to (a deal with no lead follows the period by its created date).

import type { SqlEngine } from "../db/engine";
import type { FunnelFilters } from "../model/filters";
import {
  buildPipeline,
  type Pipeline,
  type PipelineQuarterCounts,
  type PipelineStageCounts,
} from "../model/pipeline";
import { LIVE_DEAL_TABLES, queryDealStageAudit } from "../warehouse/dealStages";
import { LIVE_TABLES } from "../warehouse/derive";
import { filterWhere } from "./filters";
import { defineMetric } from "./metric";

const DAYS_SINCE = (from: string, to: string) => `date_diff('second', ${from}, ${to}) / 86400.0`;

/**
 * Per stage, for the deals in the selection. The stall line is the stage's own p75 days in stage, over the
 * deals that moved on from it (a stay still going on is not a finished stay); a deal open at its furthest
 * stage for longer than that is stalled. A closed deal's stay in a stage is its days there (moved on) or
 * its days from entering to closing (closed there).
 */
export function pipelineStagesSql(where: string): string {
  return `WITH s AS (SELECT * FROM ${LIVE_DEAL_TABLES.dealStages} ${where}),
lines AS (
  SELECT position, count(days_in_stage)::INTEGER AS stays,
    quantile_cont(days_in_stage, 0.5) AS median_days,
    quantile_cont(days_in_stage, 0.75) AS p75_days,
    quantile_cont(days_in_stage, 0.9) AS p90_days
  FROM s WHERE NOT is_furthest GROUP BY position
),
measured AS (
  SELECT s.*, l.stays, l.median_days, l.p75_days, l.p90_days,
    CASE WHEN s.is_furthest AND s.outcome IS NULL THEN ${DAYS_SINCE("s.entered_at", "t.as_of")} END AS open_days,
    CASE WHEN NOT s.is_furthest THEN s.days_in_stage WHEN s.outcome IS NOT NULL THEN s.days_to_close END AS stay_days
  FROM s LEFT JOIN lines l USING (position), ${LIVE_TABLES.trackedStages} t
)
SELECT position, any_value(stage) AS stage, any_value(kind) AS kind,
  count(*)::INTEGER AS reached,
  count(*) FILTER (WHERE skipped)::INTEGER AS skipped,
  count(*) FILTER (WHERE NOT is_furthest)::INTEGER AS "movedOn",
  count(*) FILTER (WHERE is_furthest AND outcome = 'lost')::INTEGER AS lost,
  count(*) FILTER (WHERE is_furthest AND outcome IS NULL)::INTEGER AS open,
  count(*) FILTER (WHERE outcome = 'won')::INTEGER AS won,
  count(*) FILTER (WHERE open_days > p75_days)::INTEGER AS stalled,
  coalesce(any_value(stays), 0)::INTEGER AS stays,
  any_value(median_days) AS "medianDays", any_value(p75_days) AS "p75Days", any_value(p90_days) AS "p90Days",
  count(*) FILTER (WHERE outcome = 'won' AND stay_days > p75_days)::INTEGER AS "wonOver",
  count(*) FILTER (WHERE outcome = 'lost' AND stay_days > p75_days)::INTEGER AS "lostOver",
  count(*) FILTER (WHERE outcome = 'won' AND stay_days <= p75_days)::INTEGER AS "wonUnder",
  count(*) FILTER (WHERE outcome = 'lost' AND stay_days <= p75_days)::INTEGER AS "lostUnder",
  coalesce(sum(amount), 0)::DOUBLE AS "reachedValue",
  coalesce(sum(amount) FILTER (WHERE is_furthest AND outcome = 'lost'), 0)::DOUBLE AS "lostValue",
  coalesce(sum(amount) FILTER (WHERE is_furthest AND outcome IS NULL), 0)::DOUBLE AS "openValue",
  count(amount)::INTEGER AS "reachedWithAmount"
FROM measured
GROUP BY position
ORDER BY position`;
}

/** Deals by the quarter they reached each open stage, and how many of them moved on (ever, by as-of). */
export function pipelineQuartersSql(where: string): string {
  return `SELECT position, year(reached_at) || '-Q' || quarter(reached_at) AS quarter,
  epoch_ms(date_trunc('quarter', reached_at) + INTERVAL 3 MONTH)::DOUBLE AS "quarterEnd",
  count(*)::INTEGER AS entered, count(*) FILTER (WHERE NOT is_furthest)::INTEGER AS "movedOn"
FROM ${LIVE_DEAL_TABLES.dealStages} ${where}
${where === "" ? "WHERE" : "AND"} kind = 'open'
GROUP BY ALL
ORDER BY position, quarter`;
}

/** As-of, whether lost deals are recorded at all (workspace-wide), and the selection's average won amount. */
export function pipelineContextSql(where: string): string {
  return `SELECT epoch_ms(t.as_of)::DOUBLE AS "asOf",
  (SELECT count(*) FROM ${LIVE_DEAL_TABLES.outcomes} WHERE in_pipeline AND outcome = 'lost') > 0 AS "lostRecorded",
  (SELECT avg(amount) FROM ${LIVE_DEAL_TABLES.dealStages} ${where}
     ${where === "" ? "WHERE" : "AND"} is_furthest AND outcome = 'won') AS "averageWonAmount"
FROM ${LIVE_TABLES.trackedStages} t`;
}

export async function queryPipeline(engine: SqlEngine, filters: FunnelFilters): Promise<Pipeline> {
  const where = filterWhere(filters);
  const [context] = await engine.query<{
    asOf: number | null;
    lostRecorded: boolean;
    averageWonAmount: number | null;
  }>(pipelineContextSql(where.sql), where.params);
  if (!context) throw new Error("No data is loaded");
  const stages = await engine.query<PipelineStageCounts>(pipelineStagesSql(where.sql), where.params);
  const quarters = await engine.query<PipelineQuarterCounts>(pipelineQuartersSql(where.sql), where.params);
  const audit = await queryDealStageAudit(engine, LIVE_DEAL_TABLES.audit);
  return buildPipeline({ ...context, lostRecorded: Boolean(context.lostRecorded), stages, quarters, audit });
}

/** Whether the workspace holds any deal stage history: asked once per data version (no filters). */
export const pipelineTrackedMetric = defineMetric("pipeline-tracked", [], async (engine) => {
  const [row] = await engine.query<{ tracked: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM ${LIVE_DEAL_TABLES.dealStages}) AS tracked`,
  );
  return Boolean(row?.tracked);
});

/** The Pipeline screen's analysis: follows the shared filters and period. */
export const pipelineMetric = defineMetric("pipeline", ["filters"], (engine, ctx) =>
  queryPipeline(engine, ctx.filters),
);
