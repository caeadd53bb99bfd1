// Built once per import from the deal stage history (`deal_stage_entries`, `deals`) and the stage plan
// (`deal_stage_plan`): each deal's outcome (`deal_outcomes`), one row per deal and stage it reached
// (`deal_stages`), the same rows narrowed for the Pipeline analysis (`deal_stage_facts`, filtered through
// `deal_segments`) and the counts of the data-quality audit (`deal_stage_audit`). Nothing is dropped
// without being counted there.

import type { SqlEngine } from "../db/engine";
import { quoteIdentifier, quoteLiteral } from "../db/sql";
import { DIMENSIONS } from "../model/filters";
import { type DealStageAudit, type DealStagePlan, dealStagePlanRows } from "../model/pipeline";
import { NO_VALUE } from "./derive";

export interface DealStageTables {
  /** Inputs: written by the import (import/dealStages.ts) and from the plan. */
  entries: string;
  deals: string;
  plan: string;
  /** What the import counted that no other table shows (deals in several files, ignored field changes). */
  notes: string;
  /** lead_stages: the filter columns and cohort day of the lead a deal links to. */
  leadStages: string;
  /** Outputs. */
  outcomes: string;
  dealStages: string;
  /** The filter columns' combinations (with cohort day) of the deals, numbered; and the narrow rows. */
  segments: string;
  facts: string;
  audit: string;
}

export const LIVE_DEAL_TABLES: DealStageTables = {
  entries: "deal_stage_entries",
  deals: "deals",
  plan: "deal_stage_plan",
  notes: "deal_stage_notes",
  leadStages: "lead_stages",
  outcomes: "deal_outcomes",
  dealStages: "deal_stages",
  segments: "deal_segments",
  facts: "deal_stage_facts",
  audit: "deal_stage_audit",
};

/** Every table above but lead_stages: what an import swaps in and a cleared workspace drops. */
export const DEAL_STAGE_TABLE_NAMES = [
  "deal_stage_entries",
  "deals",
  "deal_stage_plan",
  "deal_stage_notes",
  "deal_outcomes",
  "deal_stages",
  "deal_segments",
  "deal_stage_facts",
  "deal_stage_audit",
] as const;

/** The same tables under a staging prefix (the import builds into them, then swaps). */
export function stagedDealTables(prefix: string, leadStages: string): DealStageTables {
  const staged = (name: string) => quoteIdentifier(`${prefix}${name}`);
  return {
    entries: staged("deal_stage_entries"),
    deals: staged("deals"),
    plan: staged("deal_stage_plan"),
    notes: staged("deal_stage_notes"),
    leadStages,
    outcomes: staged("deal_outcomes"),
    dealStages: staged("deal_stages"),
    segments: staged("deal_segments"),
    facts: staged("deal_stage_facts"),
    audit: staged("deal_stage_audit"),
  };
}

/**
 * The tables the import writes (the rest is built from them): what a saved workspace must keep beside
 * the events, in the shape of workspaceSnapshot's SIDE_TABLES.
 */
export const DEAL_STAGE_SOURCE_TABLES = {
  deal_stage_entries: [
    { name: "deal_id", type: "VARCHAR" },
    { name: "pipeline", type: "VARCHAR" },
    { name: "stage", type: "VARCHAR" },
    { name: "entered_at", type: "TIMESTAMP" },
    { name: "source_row", type: "BIGINT" },
  ],
  deals: [
    { name: "deal_id", type: "VARCHAR" },
    { name: "pipeline", type: "VARCHAR" },
    { name: "amount", type: "DOUBLE" },
    { name: "created_at", type: "TIMESTAMP" },
    { name: "closed_at", type: "TIMESTAMP" },
    { name: "outcome", type: "VARCHAR" },
    { name: "lead_id", type: "VARCHAR" },
  ],
  deal_stage_plan: [
    { name: "pipeline", type: "VARCHAR" },
    { name: "source", type: "VARCHAR" },
    { name: "stage", type: "VARCHAR" },
    { name: "position", type: "INTEGER" },
    { name: "kind", type: "VARCHAR" },
  ],
  // Audit rows the import counts (item, detail, n), added to deal_stage_audit as they are.
  deal_stage_notes: [
    { name: "item", type: "VARCHAR" },
    { name: "detail", type: "VARCHAR" },
    { name: "n", type: "INTEGER" },
  ],
} as const;

/** "(deal_id VARCHAR, …)" for CREATE TABLE. */
export const columnsSql = (columns: readonly { name: string; type: string }[]): string =>
  `(${columns.map((c) => `${c.name} ${c.type}`).join(", ")})`;

const PLAN_COLUMNS = columnsSql(DEAL_STAGE_SOURCE_TABLES.deal_stage_plan);

/**
 * Creates the source tables where missing, empty (an import without stage history, a workspace saved
 * before they existed), so the tables built from them and every analysis can always read them.
 */
export async function ensureDealStageSources(engine: SqlEngine, t: DealStageTables): Promise<void> {
  await engine.exec(
    `CREATE TABLE IF NOT EXISTS ${t.entries} ${columnsSql(DEAL_STAGE_SOURCE_TABLES.deal_stage_entries)}`,
  );
  await engine.exec(`CREATE TABLE IF NOT EXISTS ${t.deals} ${columnsSql(DEAL_STAGE_SOURCE_TABLES.deals)}`);
  await engine.exec(`CREATE TABLE IF NOT EXISTS ${t.plan} ${PLAN_COLUMNS}`);
  await engine.exec(
    `CREATE TABLE IF NOT EXISTS ${t.notes} ${columnsSql(DEAL_STAGE_SOURCE_TABLES.deal_stage_notes)}`,
  );
}

/** The plan as a table (`deal_stage_plan`); an import without stage history gets it empty. */
export function dealStagePlanSql(table: string, plan: DealStagePlan | null): string[] {
  const rows = plan === null ? [] : dealStagePlanRows(plan);
  const values = rows.map(
    (r) =>
      `(${quoteLiteral(r.pipeline)}, ${quoteLiteral(r.source)}, ${quoteLiteral(r.stage)}, ${quoteLiteral(r.position)}, ${quoteLiteral(r.kind)})`,
  );
  const create = `CREATE OR REPLACE TABLE ${table} ${PLAN_COLUMNS}`;
  return values.length === 0 ? [create] : [create, `INSERT INTO ${table} VALUES ${values.join(", ")}`];
}

/**
 * One row per deal: its pipeline (the file's, else the one most of its stage dates are in), whether that is
 * the plan's pipeline, and its outcome — what the file states, else the deal's latest stage date when that
 * stage closes it (won / lost in the plan). The close date counts only for a closed deal (HubSpot's close
 * date of an open deal is the expected one).
 */
export function dealOutcomesSql(t: DealStageTables): string {
  return `CREATE OR REPLACE TABLE ${t.outcomes} AS
WITH chosen AS (SELECT any_value(pipeline) AS pipeline, count(*) > 0 AS planned FROM ${t.plan}),
entry_pipelines AS (
  SELECT deal_id, mode(pipeline) AS pipeline FROM ${t.entries} WHERE pipeline IS NOT NULL GROUP BY deal_id
),
latest AS (
  SELECT e.deal_id, arg_max(p.kind, e.entered_at) AS last_kind,
    max(e.entered_at) FILTER (WHERE p.kind IN ('won', 'lost')) AS closing_entry_at
  FROM ${t.entries} e JOIN ${t.plan} p ON p.source = e.stage AND p.pipeline IS NOT DISTINCT FROM e.pipeline
  WHERE e.entered_at IS NOT NULL AND p.kind <> 'excluded'
  GROUP BY e.deal_id
),
outcomes AS (
  SELECT d.deal_id, coalesce(d.pipeline, ep.pipeline) AS pipeline, d.amount, d.created_at, d.lead_id, d.closed_at,
    coalesce(d.outcome, CASE WHEN l.last_kind IN ('won', 'lost') THEN l.last_kind END) AS outcome, l.closing_entry_at
  FROM ${t.deals} d LEFT JOIN entry_pipelines ep USING (deal_id) LEFT JOIN latest l USING (deal_id)
)
SELECT o.deal_id, o.pipeline,
  c.planned AND (c.pipeline IS NULL OR o.pipeline IS NULL OR o.pipeline = c.pipeline) AS in_pipeline,
  o.amount, o.created_at, o.outcome,
  CASE WHEN o.outcome IS NOT NULL THEN coalesce(o.closed_at, o.closing_entry_at) END AS closed_at,
  o.lead_id
FROM outcomes o, chosen c`;
}

const days = (from: string, to: string) => `date_diff('second', ${from}, ${to}) / 86400.0`;

/**
 * One row per deal of the plan's pipeline and stage it reached (SPEC's rule: a date for the stage or a
 * later one; a stage passed without a date is `skipped`). The first entry of a stage counts (`reentries`
 * counts the others); merged stages are one. The won stage counts only for won deals, at their won date
 * or else their close date. `days_in_stage`: from entering to reaching the next stage, for deals that
 * moved on (null when the next date is earlier: `dates_backwards`); `days_to_close`: from entering the
 * furthest stage to closing. Filter columns come from the lead the deal links to; a deal linked to no lead
 * takes its cohort day from its created date (or its first stage date).
 */
export function dealStagesSql(t: DealStageTables): string {
  const dims = DIMENSIONS.map((d) => `coalesce(l.${d}, '${NO_VALUE}') AS ${d}`).join(", ");
  return `CREATE OR REPLACE TABLE ${t.dealStages} AS
WITH deals_in AS (SELECT * FROM ${t.outcomes} WHERE in_pipeline),
sequenced AS (
  -- A deal's dated entries in time order, each with the stage it follows. An entry into the stage the deal
  -- is already in (a Salesforce history row for an Amount or Close Date change repeats the stage; merged
  -- stages are one) is not an arrival: only arrivals after leaving the stage count as re-entries.
  SELECT e.deal_id, p.position, p.kind, e.entered_at,
    lag(coalesce(p.position::VARCHAR, 'stage ' || e.stage)) OVER (PARTITION BY e.deal_id ORDER BY e.entered_at, e.source_row)
      IS DISTINCT FROM coalesce(p.position::VARCHAR, 'stage ' || e.stage) AS arrival
  FROM ${t.entries} e LEFT JOIN ${t.plan} p ON p.source = e.stage AND p.pipeline IS NOT DISTINCT FROM e.pipeline
  WHERE e.entered_at IS NOT NULL
),
planned_entries AS (SELECT * FROM sequenced WHERE kind IN ('open', 'won')),
own AS (
  SELECT e.deal_id, e.position, min(e.entered_at) AS entered_at,
    greatest(count(*) FILTER (WHERE e.arrival) - 1, 0)::INTEGER AS reentries
  FROM planned_entries e JOIN deals_in d USING (deal_id)
  WHERE e.kind = 'open' OR d.outcome = 'won'
  GROUP BY e.deal_id, e.position
),
won_position AS (SELECT max(position) AS position FROM ${t.plan} WHERE kind = 'won'),
histories AS (
  SELECT o.deal_id, bool_or(o.position = w.position) AS won_dated FROM own o, won_position w GROUP BY o.deal_id
),
own_all AS (
  SELECT * FROM own
  UNION ALL
  -- A won deal with a stage history but no won-stage date reached the won stage when it closed.
  SELECT d.deal_id, w.position, d.closed_at, 0
  FROM deals_in d JOIN histories h USING (deal_id), won_position w
  WHERE d.outcome = 'won' AND w.position IS NOT NULL AND d.closed_at IS NOT NULL AND NOT coalesce(h.won_dated, FALSE)
),
positions AS (SELECT DISTINCT position, stage, kind FROM ${t.plan} WHERE position IS NOT NULL),
grid AS (
  SELECT f.deal_id, f.furthest, f.first_entered_at, p.position, p.stage, p.kind
  FROM (SELECT deal_id, max(position) AS furthest, min(entered_at) AS first_entered_at FROM own_all GROUP BY deal_id) f
  JOIN positions p ON p.position <= f.furthest
),
dated AS (
  SELECT g.*, o.entered_at, coalesce(o.reentries, 0) AS reentries,
    min(o.entered_at) OVER (PARTITION BY g.deal_id ORDER BY g.position DESC ROWS UNBOUNDED PRECEDING) AS reached_at
  FROM grid g LEFT JOIN own_all o USING (deal_id, position)
),
moved AS (
  SELECT *, position = furthest AS is_furthest,
    lead(reached_at) OVER (PARTITION BY deal_id ORDER BY position) AS left_at,
    bool_or(entered_at > reached_at) OVER (PARTITION BY deal_id) AS dates_backwards
  FROM dated
)
SELECT
  m.deal_id, d.lead_id, ${dims},
  CASE WHEN d.lead_id IS NOT NULL AND l.lead_id IS NOT NULL THEN l.cohort_day
    ELSE CAST(coalesce(d.created_at, m.first_entered_at) AS DATE) END AS cohort_day,
  m.position, m.stage, m.kind, m.entered_at, m.reached_at, m.entered_at IS NULL AS skipped, m.left_at,
  CASE WHEN m.left_at >= m.entered_at THEN ${days("m.entered_at", "m.left_at")} END AS days_in_stage,
  CASE WHEN m.is_furthest AND d.outcome IS NOT NULL AND d.closed_at >= m.entered_at
    THEN ${days("m.entered_at", "d.closed_at")} END AS days_to_close,
  m.is_furthest, d.outcome, d.closed_at, d.amount, d.created_at, m.reentries, m.dates_backwards
FROM moved m
JOIN deals_in d USING (deal_id)
LEFT JOIN ${t.leadStages} l ON l.lead_id = coalesce(d.lead_id, d.deal_id)`;
}

/**
 * Every distinct combination of the filter columns and cohort day among the deal stage rows, numbered:
 * the shared filters (metrics/filters.ts) are applied to these few rows (12,599 for 200k deals) and the
 * facts below are joined to the segments chosen, instead of comparing six strings and a date on every
 * stage row.
 */
export function dealSegmentsSql(t: DealStageTables): string {
  const columns = [...DIMENSIONS, "cohort_day"].join(", ");
  return `CREATE OR REPLACE TABLE ${t.segments} AS
SELECT row_number() OVER (ORDER BY ${columns})::INTEGER AS segment, ${columns}
FROM (SELECT ${columns} FROM ${t.dealStages} UNION SELECT ${columns} FROM (${unplacedDealsSql(t)}))`;
}

/**
 * The chosen pipeline's deals with no date in any of its stages (closed or open), with the filter
 * columns and cohort day of the lead each links to, as deal_stages has them (a deal with no lead: its
 * created date, else its close date). In no stage, but in the closed win rate and the open count.
 */
function unplacedDealsSql(t: DealStageTables): string {
  const dims = DIMENSIONS.map((d) => `coalesce(l.${d}, '${NO_VALUE}') AS ${d}`).join(", ");
  return `SELECT d.deal_id, ${dims},
  CASE WHEN d.lead_id IS NOT NULL AND l.lead_id IS NOT NULL THEN l.cohort_day
    ELSE CAST(coalesce(d.created_at, d.closed_at) AS DATE) END AS cohort_day,
  d.outcome, d.amount
FROM ${t.outcomes} d
LEFT JOIN ${t.leadStages} l ON l.lead_id = coalesce(d.lead_id, d.deal_id)
WHERE d.in_pipeline AND NOT EXISTS (SELECT 1 FROM ${t.dealStages} s WHERE s.deal_id = d.deal_id)`;
}

/**
 * What the Pipeline analysis reads (metrics/pipeline.ts): deal_stages narrowed to one row per deal and
 * stage with small typed columns, built once per import so a filter change does no per-row work that does
 * not depend on the filters.
 * - `fate` (TINYINT), where the deal went from this stage: 0 moved on and still open, 1 moved on and won
 *   later, 2 moved on and lost later, 3 open here (its furthest stage), 4 won here, 5 lost here. One small
 *   integer groups faster than `is_furthest` and the `outcome` string (about half the time).
 * - `stay`: days in the stage for a deal that moved on (`days_in_stage`), days from entering to closing for
 *   one closed here (`days_to_close`); the days the stall line is taken from and compared with.
 * - `open_since`: when a deal open here entered the stage; its days open depend on the as-of date, which a
 *   re-derive can move, so they are counted at query time.
 * - `reached_quarter`: the quarter the deal reached an open stage, as year × 4 + quarter − 1.
 * - Position 0: one row per deal of the pipeline with no stage date (unplacedDealsSql), fate 3, 4 or 5 as
 *   it is open, won or lost. No stage, stay or quarter: only the closed win rate and the open count read it.
 * Rows are ordered by position and stay: the per-stage quantiles then read nearly sorted values.
 */
export function dealStageFactsSql(t: DealStageTables): string {
  const columns = [...DIMENSIONS, "cohort_day"].join(", ");
  return `CREATE OR REPLACE TABLE ${t.facts} AS
SELECT g.segment, s.position::SMALLINT AS position,
  (CASE WHEN s.is_furthest THEN 3 ELSE 0 END
    + CASE s.outcome WHEN 'won' THEN 1 WHEN 'lost' THEN 2 ELSE 0 END)::TINYINT AS fate,
  s.skipped,
  CASE WHEN NOT s.is_furthest THEN s.days_in_stage WHEN s.outcome IS NOT NULL THEN s.days_to_close END AS stay,
  CASE WHEN s.is_furthest AND s.outcome IS NULL THEN s.entered_at END AS open_since,
  s.amount,
  CASE WHEN s.kind = 'open' THEN (year(s.reached_at) * 4 + quarter(s.reached_at) - 1)::SMALLINT END
    AS reached_quarter
FROM ${t.dealStages} s JOIN ${t.segments} g USING (${columns})
UNION ALL
SELECT g.segment, 0::SMALLINT, (3 + CASE u.outcome WHEN 'won' THEN 1 WHEN 'lost' THEN 2 ELSE 0 END)::TINYINT,
  FALSE, NULL, NULL, u.amount, NULL
FROM (${unplacedDealsSql(t)}) u
JOIN ${t.segments} g ON ${[...DIMENSIONS, "cohort_day"].map((c) => `g.${c} IS NOT DISTINCT FROM u.${c}`).join(" AND ")}
ORDER BY position, stay`;
}

/** The audit as (item, detail, n) rows: lists (pipelines, stages) need a row each. */
export function dealStageAuditSql(t: DealStageTables): string {
  return `CREATE OR REPLACE TABLE ${t.audit} AS
WITH placed AS (SELECT DISTINCT deal_id FROM ${t.dealStages}),
-- The same deals the Pipeline counts beside its stages (facts position 0).
unplaced AS (${unplacedDealsSql(t)}),
matched AS (
  SELECT p.kind, p.stage, e.entered_at, e.deal_id
  FROM ${t.entries} e JOIN ${t.plan} p ON p.source = e.stage AND p.pipeline IS NOT DISTINCT FROM e.pipeline
)
SELECT 'deals' AS item, NULL::VARCHAR AS detail, (SELECT count(*) FROM ${t.outcomes})::INTEGER AS n
UNION ALL SELECT 'placed', NULL, (SELECT count(*) FROM placed)::INTEGER
UNION ALL SELECT 'other_pipeline', pipeline, count(*)::INTEGER FROM ${t.outcomes}
  WHERE NOT in_pipeline AND pipeline IS NOT NULL GROUP BY pipeline
UNION ALL SELECT 'closed_without_history', outcome, count(*)::INTEGER FROM unplaced
  WHERE outcome IS NOT NULL GROUP BY outcome
UNION ALL SELECT 'open_without_history', NULL, count(*)::INTEGER FROM unplaced WHERE outcome IS NULL
UNION ALL SELECT 'dates_backwards', NULL, count(DISTINCT deal_id)::INTEGER FROM ${t.dealStages} WHERE dates_backwards
UNION ALL SELECT 'reentered', NULL, count(DISTINCT deal_id)::INTEGER FROM ${t.dealStages} WHERE reentries > 0
UNION ALL SELECT 'reentries', NULL, coalesce(sum(reentries), 0)::INTEGER FROM ${t.dealStages}
UNION ALL SELECT 'stage_without_dates', stage, 0 FROM (
  SELECT p.stage, min(p.position) AS position, count(m.entered_at) AS dated FROM ${t.plan} p
  LEFT JOIN matched m ON m.stage = p.stage AND m.kind = p.kind
  WHERE p.kind <> 'excluded' GROUP BY p.stage) WHERE dated = 0
UNION ALL SELECT 'undated', NULL, (SELECT count(*) FROM ${t.entries} WHERE entered_at IS NULL)::INTEGER
UNION ALL SELECT 'excluded', NULL, count(*)::INTEGER FROM matched WHERE kind = 'excluded' AND entered_at IS NOT NULL
UNION ALL SELECT item, detail, n FROM ${t.notes}`;
}

/**
 * Builds deal_outcomes, deal_stages and deal_stage_audit from the history tables and the plan table
 * (created empty first where missing). Needs `t.leadStages` built: call it after deriveTables.
 */
export async function buildDealStages(engine: SqlEngine, t: DealStageTables): Promise<void> {
  await ensureDealStageSources(engine, t);
  await engine.exec(dealOutcomesSql(t));
  await engine.exec(dealStagesSql(t));
  await engine.exec(dealSegmentsSql(t));
  await engine.exec(dealStageFactsSql(t));
  await engine.exec(dealStageAuditSql(t));
}

/** After the user edits the stage plan of the loaded workspace: the live plan replaced and the tables rebuilt. */
export async function replanDealStages(engine: SqlEngine, plan: DealStagePlan): Promise<void> {
  for (const statement of dealStagePlanSql(LIVE_DEAL_TABLES.plan, plan)) await engine.exec(statement);
  await buildDealStages(engine, LIVE_DEAL_TABLES);
}

export interface DealStageAuditRow {
  item: string;
  detail: string | null;
  n: number;
}

/** The audit table read back as the typed counts the data-quality panel shows. */
export async function queryDealStageAudit(engine: SqlEngine, table: string): Promise<DealStageAudit> {
  return dealStageAuditOf(
    await engine.query<DealStageAuditRow>(
      `SELECT item, detail, n FROM ${table} ORDER BY item, n DESC, detail`,
    ),
  );
}

/** The audit's rows (ordered by item, n descending, detail) as the typed counts. */
export function dealStageAuditOf(rows: readonly DealStageAuditRow[]): DealStageAudit {
  const one = (item: string, detail: string | null = null) =>
    rows.find((r) => r.item === item && (detail === null || r.detail === detail))?.n ?? 0;
  return {
    deals: one("deals"),
    placed: one("placed"),
    otherPipelines: rows
      .filter((r) => r.item === "other_pipeline" && r.detail !== null)
      .map((r) => ({ pipeline: r.detail as string, deals: r.n })),
    closedWithoutHistory: {
      won: one("closed_without_history", "won"),
      lost: one("closed_without_history", "lost"),
    },
    openWithoutHistory: one("open_without_history"),
    datesBackwards: one("dates_backwards"),
    reenteredDeals: one("reentered"),
    reentries: one("reentries"),
    stagesWithoutDates: rows
      .filter((r) => r.item === "stage_without_dates" && r.detail !== null)
      .map((r) => r.detail as string),
    undatedEntries: one("undated"),
    excludedEntries: one("excluded"),
    dealsInSeveralFiles: one("deals_in_several_files"),
    otherFieldChanges: rows
      .filter((r) => r.item === "other_field_changes" && r.detail !== null)
      .map((r) => ({ field: r.detail as string, rows: r.n })),
  };
}
