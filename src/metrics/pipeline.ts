// The deal pipeline by stage (issue #18): reached, skipped, moved on, lost, open and stalled per stage,
// days in stage, the stall line's effect on winning, quarterly step rates, the biggest leak and what
// fixing it is worth. Read from deal_stage_facts and deal_segments (warehouse/dealStages.ts), built from
// deal_stages, which carries the filter columns of the lead each deal links to (a deal with no lead
// follows the period by its created date).

import type { SqlEngine } from "../db/engine";
import type { FunnelFilters } from "../model/filters";
import {
  buildPipeline,
  type Pipeline,
  type PipelineQuarterCounts,
  type PipelineStageCounts,
} from "../model/pipeline";
import { type DealStageAuditRow, dealStageAuditOf, LIVE_DEAL_TABLES } from "../warehouse/dealStages";
import { LIVE_TABLES } from "../warehouse/derive";
import { filterWhere } from "./filters";
import { defineMetric } from "./metric";

/** `facts.fate` (warehouse/dealStages.ts): where the deal went from the stage. */
const MOVED_ON = "fate < 3";
const OPEN_HERE = "fate = 3";
const WON_HERE = "fate = 4";
const LOST_HERE = "fate = 5";
const WON = "fate IN (1, 4)";
const LOST = "fate IN (2, 5)";

/**
 * The stage rows of the deals in the selection, counted once for every part below. `where` (filterWhere)
 * chooses segments — the few combinations of filter columns and cohort day — and the rows are joined to
 * them once (`picked`, materialized: both passes read it); without filters every row counts and nothing is
 * joined.
 * - `lines`: per stage, the days in stage of the deals that moved on from it: their count, median, p75 (the
 *   stall line; a stay still going on is not a finished stay) and p90, exact (quantile_cont of the values).
 * - `fates`: the rows grouped by stage, fate, skipped, quarter reached, whether the stay is over the stall
 *   line and whether a deal open here is stalled (open longer than the line at the as-of date). A closed
 *   deal's stay in a stage is its days there (moved on) or its days from entering to closing (closed there).
 * Every part reads these few hundred groups, so one statement answers a filter change with two passes over
 * the rows. 200k deals × 8 stages (682,731 rows), the bench's 20 changes in DuckDB-WASM/Node
 * (test/bench/pipelineTimes.ts), CPU p50 / p95: the four statements over deal_stages before, 227 / 627 ms;
 * this one, 60 / 99 ms (measured on a busy machine, load 7), same answers. Joining once instead of once per
 * pass: 52 / 86 → 44 / 76 ms (the fastest of 5 runs of each change, load 3–9). Tried and not kept (same
 * answers, no faster): the filter columns on the rows as ENUMs filtered directly (no join), one integer
 * key for the grouping, rows ordered by segment (a campaign reads fewer row groups, but the quantiles
 * then read unsorted values: p95 104 ms).
 */
function pipelineRowsSql(where: string): string {
  const { facts, segments } = LIVE_DEAL_TABLES;
  const picked =
    where === ""
      ? ""
      : `chosen AS (SELECT segment FROM ${segments} ${where}),
picked AS MATERIALIZED (SELECT f.* EXCLUDE (segment) FROM ${facts} f JOIN chosen USING (segment)),`;
  const rows = where === "" ? `${facts} f` : "picked f";
  return `WITH ${picked}
lines AS (
  SELECT *, q[2] AS line FROM (
    SELECT position, count(stay)::INTEGER AS stays, quantile_cont(stay, [0.5, 0.75, 0.9]) AS q
    FROM ${rows} WHERE ${MOVED_ON} GROUP BY position)
),
fates AS (
  SELECT f.position, f.fate, f.skipped, f.reached_quarter,
    f.stay > l.line AS over,
    CASE WHEN f.${OPEN_HERE}
      THEN date_diff('second', f.open_since, (SELECT as_of FROM ${LIVE_TABLES.trackedStages})) / 86400.0 > l.line
    END AS stalled,
    count(*) AS deals, sum(f.amount) AS value, count(f.amount) AS with_amount
  FROM ${rows} LEFT JOIN lines l USING (position)
  GROUP BY ALL
)`;
}

const deals = (condition: string) => `coalesce(sum(deals) FILTER (WHERE ${condition}), 0)::INTEGER`;
const value = (condition: string) => `coalesce(sum(value) FILTER (WHERE ${condition}), 0)::DOUBLE`;

/**
 * Per stage, for the deals in the selection: reached, skipped, moved on, lost and open here, won (of those
 * that reached it), stalled, days in stage, the stall line's effect on winning (closed deals over / under
 * it) and value. Every stage of the plan has its row, with zeros where no deal of the selection reached it.
 */
const STAGES_PART = `SELECT 'stage' AS part, position, p.stage, p.kind,
  ${deals("TRUE")} AS reached, ${deals("g.skipped")} AS skipped, ${deals(MOVED_ON)} AS "movedOn",
  ${deals(LOST_HERE)} AS lost, ${deals(OPEN_HERE)} AS open, ${deals(WON)} AS won, ${deals("stalled")} AS stalled,
  coalesce(any_value(l.stays), 0)::INTEGER AS stays,
  any_value(l.q)[1] AS "medianDays", any_value(l.q)[2] AS "p75Days", any_value(l.q)[3] AS "p90Days",
  ${deals(`${WON} AND over`)} AS "wonOver", ${deals(`${LOST} AND over`)} AS "lostOver",
  ${deals(`${WON} AND NOT over`)} AS "wonUnder", ${deals(`${LOST} AND NOT over`)} AS "lostUnder",
  ${value("TRUE")} AS "reachedValue", ${value(LOST_HERE)} AS "lostValue",
  ${value(OPEN_HERE)} AS "openValue", coalesce(sum(with_amount), 0)::INTEGER AS "reachedWithAmount"
FROM (SELECT DISTINCT position, stage, kind FROM ${LIVE_DEAL_TABLES.plan} WHERE position IS NOT NULL) p
LEFT JOIN fates g USING (position)
LEFT JOIN lines l USING (position)
GROUP BY ALL`;

/** Deals by the quarter they reached each open stage, and how many of them moved on (ever, by as-of). */
const QUARTERS_PART = `SELECT 'quarter' AS part, position,
  (reached_quarter // 4) || '-Q' || (reached_quarter % 4 + 1) AS quarter,
  epoch_ms(make_date(reached_quarter // 4, reached_quarter % 4 * 3 + 1, 1) + INTERVAL 3 MONTH)::DOUBLE AS "quarterEnd",
  sum(deals)::INTEGER AS entered, ${deals(MOVED_ON)} AS "movedOn"
FROM fates WHERE reached_quarter IS NOT NULL
GROUP BY ALL`;

/** Position 0 of the facts: the selection's deals with no stage date (won, lost or open, in no stage). */
const UNPLACED = "position = 0";

/**
 * As-of, whether lost deals and deal amounts are recorded at all (workspace-wide), the selection's average won amount (of
 * the deals won in a stage) and its deals with no stage date, which count in the closed win rate only.
 */
const CONTEXT_PART = `SELECT 'context' AS part, (SELECT epoch_ms(as_of)::DOUBLE FROM ${LIVE_TABLES.trackedStages}) AS "asOf",
  EXISTS (SELECT 1 FROM ${LIVE_DEAL_TABLES.outcomes} WHERE in_pipeline AND outcome = 'lost') AS "lostRecorded",
  EXISTS (SELECT 1 FROM ${LIVE_DEAL_TABLES.outcomes} WHERE in_pipeline AND amount IS NOT NULL) AS "amountRecorded",
  sum(value) FILTER (WHERE ${WON_HERE} AND NOT ${UNPLACED})
    / sum(with_amount) FILTER (WHERE ${WON_HERE} AND NOT ${UNPLACED}) AS "averageWonAmount",
  ${deals(`${UNPLACED} AND ${WON_HERE}`)} AS "wonWithoutStage", ${deals(`${UNPLACED} AND ${LOST_HERE}`)} AS "lostWithoutStage",
  ${deals(`${UNPLACED} AND ${OPEN_HERE}`)} AS "openWithoutStage"
FROM fates`;

/** The data-quality audit: the whole workspace's, not the selection's (its rows are a handful). */
const AUDIT_PART = `SELECT 'audit' AS part, item, detail, n FROM ${LIVE_DEAL_TABLES.audit}`;

/**
 * The whole analysis as one statement: each part's rows, told apart by `part`. A filter change then pays
 * one worker round trip, and the audit (which follows no filter) rides along for a handful of rows.
 */
export function pipelineSql(where: string): string {
  return `${pipelineRowsSql(where)}
${STAGES_PART}
UNION ALL BY NAME ${QUARTERS_PART}
UNION ALL BY NAME ${CONTEXT_PART}
UNION ALL BY NAME ${AUDIT_PART}
ORDER BY part, position, quarter, item, n DESC, detail`;
}

type PipelineRow =
  | ({ part: "stage" } & PipelineStageCounts)
  | ({ part: "quarter" } & PipelineQuarterCounts)
  | ({ part: "context"; asOf: number | null; lostRecorded: boolean; amountRecorded: boolean } & {
      averageWonAmount: number | null;
      wonWithoutStage: number;
      lostWithoutStage: number;
      openWithoutStage: number;
    })
  | ({ part: "audit" } & DealStageAuditRow);

export async function queryPipeline(engine: SqlEngine, filters: FunnelFilters): Promise<Pipeline> {
  const where = filterWhere(filters);
  const rows = await engine.query<PipelineRow>(pipelineSql(where.sql), where.params);
  const context = rows.find((r) => r.part === "context");
  if (!context) throw new Error("No data is loaded");
  const pick = <K extends PipelineRow["part"], T>(
    part: K,
    fields: (row: Extract<PipelineRow, { part: K }>) => T,
  ) => rows.filter((r): r is Extract<PipelineRow, { part: K }> => r.part === part).map(fields);
  return buildPipeline({
    asOf: context.asOf,
    lostRecorded: Boolean(context.lostRecorded),
    amountRecorded: Boolean(context.amountRecorded),
    averageWonAmount: context.averageWonAmount,
    withoutStage: {
      won: context.wonWithoutStage,
      lost: context.lostWithoutStage,
      open: context.openWithoutStage,
    },
    stages: pick("stage", ({ part: _, ...stage }) => stage),
    quarters: pick("quarter", (q) => ({
      position: q.position,
      quarter: q.quarter,
      quarterEnd: q.quarterEnd,
      entered: q.entered,
      movedOn: q.movedOn,
    })),
    audit: dealStageAuditOf(pick("audit", (a) => ({ item: a.item, detail: a.detail, n: a.n }))),
  });
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
