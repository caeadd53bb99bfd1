// SQL reading a file's deal stage history into `deal_stage_entries` rows (one per stage a deal entered)
// and `deals` rows (one per deal), for each of the three shapes (see dealStageShapes.ts). Every user
// header reaches SQL through quoteIdentifier, every user value through quoteLiteral.

import { quoteIdentifier, quoteLiteral } from "../db/sql";
import { vocabularyKeySql } from "../model/vocabulary";
import { columnsSql, DEAL_STAGE_SOURCE_TABLES } from "../warehouse/dealStages";
import { amountSql, cellTextSql } from "./cellText";
import { type DateFormat, timestampSql } from "./dates";
import { type DealStageColumns, type DealStageSource, STAGE_CHANGE_ACTIVITIES } from "./dealStageShapes";
import { SOURCE_ROW } from "./read";
import { dealOutcomeSql, flagSql } from "./statusStages";

/** The columns of `deal_stage_entries`, in order. */
export const DEAL_STAGE_ENTRY_COLUMNS = columnsSql(DEAL_STAGE_SOURCE_TABLES.deal_stage_entries);

/** The columns of `deals`, in order: one row per deal, what the file says of it. */
export const DEAL_COLUMNS = columnsSql(DEAL_STAGE_SOURCE_TABLES.deals);

type Role = keyof DealStageColumns;

const cell = (source: DealStageSource, role: Role): string | null => {
  const header = source.columns[role];
  return header === undefined ? null : `r.${quoteIdentifier(header)}`;
};

const text = (source: DealStageSource, role: Role) => {
  const c = cell(source, role);
  return c === null ? "NULL::VARCHAR" : cellTextSql(c);
};

const date = (source: DealStageSource, role: Role) => {
  const header = source.columns[role];
  const c = cell(source, role);
  return c === null || header === undefined
    ? "NULL::TIMESTAMP"
    : timestampSql(c, source.dateFormats[header] ?? "iso");
};

/** "$12,000" → 12000, as the events importer reads amounts. */
const amount = (source: DealStageSource) =>
  cell(source, "amount") === null ? "NULL::DOUBLE" : amountSql(text(source, "amount"));

const flag = (source: DealStageSource, role: Role) => {
  const c = cell(source, role);
  return c === null ? "NULL::BOOLEAN" : flagSql(c);
};

const sourceRow = `(r.${SOURCE_ROW} + 1)::BIGINT`;

/** HubSpot: every non-empty stage-date cell is an entry; the column names the stage and (maybe) the pipeline. */
function hubspotEntriesSql(source: DealStageSource): string {
  const columns = source.stageColumns.map((c, i) => ({ ...c, alias: `stage_${i}` }));
  const formats = [...new Set(columns.map((c) => source.dateFormats[c.header] ?? "iso"))];
  const parse = formats.map((f) => `WHEN ${quoteLiteral(f)} THEN ${timestampSql("u.raw", f as DateFormat)}`);
  const values = columns.map(
    (c) =>
      `(${quoteLiteral(c.alias)}, ${quoteLiteral(c.stage)}, ${quoteLiteral(c.pipeline)}, ${quoteLiteral(source.dateFormats[c.header] ?? "iso")})`,
  );
  // One UNPIVOT pass over the file rather than a scan per stage column.
  return `WITH cells AS (
  SELECT ${text(source, "dealId")} AS deal_id, ${text(source, "pipeline")} AS deal_pipeline, ${sourceRow} AS source_row,
    ${columns.map((c) => `r.${quoteIdentifier(c.header)} AS ${c.alias}`).join(", ")}
  FROM ${source.table} r
),
stage_cells AS (UNPIVOT cells ON ${columns.map((c) => c.alias).join(", ")} INTO NAME alias VALUE raw),
stage_columns AS (SELECT * FROM (VALUES ${values.join(", ")}) v(alias, stage, pipeline, format))
SELECT u.deal_id, coalesce(m.pipeline::VARCHAR, u.deal_pipeline) AS pipeline, m.stage,
  CASE m.format ${parse.join(" ")} END AS entered_at, u.source_row
FROM stage_cells u JOIN stage_columns m ON m.alias = u.alias
WHERE u.deal_id IS NOT NULL AND ${cellTextSql("u.raw")} IS NOT NULL`;
}

/** History and activity rows: each row with a stage is an entry at the row's date (kept when the date is unreadable). */
function rowEntriesSql(source: DealStageSource): string {
  const activity = cell(source, "activity");
  const stageChange =
    source.shape === "activity_stage_changes" && activity !== null
      ? ` AND ${vocabularyKeySql(activity)} IN (${STAGE_CHANGE_ACTIVITIES.map(quoteLiteral).join(", ")})`
      : "";
  return `SELECT ${text(source, "dealId")} AS deal_id, ${text(source, "pipeline")} AS pipeline, ${text(source, "stage")} AS stage,
  ${date(source, "changedAt")} AS entered_at, ${sourceRow} AS source_row
FROM ${source.table} r
WHERE ${text(source, "dealId")} IS NOT NULL AND ${text(source, "stage")} IS NOT NULL${stageChange}`;
}

/** Rows of `deal_stage_entries` (DEAL_STAGE_ENTRY_COLUMNS) from one file. */
export function dealStageEntriesSql(source: DealStageSource): string {
  return source.shape === "hubspot_columns" ? hubspotEntriesSql(source) : rowEntriesSql(source);
}

/**
 * Rows of `deals` (DEAL_COLUMNS) from one file, one per deal id. The outcome is what the file states:
 * HubSpot's current `Deal Stage` (closed won / lost by name) or Won / Closed flags; a history's outcome
 * otherwise comes from its stages (warehouse/dealStages.ts). `links` (optional): a table of
 * (opportunity_id, lead_id) from lead files that name a converted opportunity.
 */
export function dealFactsSql(source: DealStageSource, links: string | null): string {
  const stage = source.shape === "hubspot_columns" ? text(source, "stage") : null;
  const stageOutcome = stage === null ? "NULL::VARCHAR" : dealOutcomeSql(stage);
  const won = flag(source, "won");
  const closed = flag(source, "closed");
  const outcome = `CASE WHEN ${won} OR ${stageOutcome} = 'won' THEN 'won'
    WHEN ${stageOutcome} = 'lost' OR (${closed} AND NOT coalesce(${won}, FALSE)) THEN 'lost' END`;
  const rowDate = source.shape === "hubspot_columns" ? "NULL::TIMESTAMP" : date(source, "changedAt");
  const linked = links === null ? "NULL::VARCHAR" : "links.lead_id";
  const join =
    links === null ? "" : `LEFT JOIN ${links} links ON links.opportunity_id = ${text(source, "dealId")}`;
  const activity = cell(source, "activity");
  const rows =
    source.shape === "activity_stage_changes" && activity !== null
      ? ` AND ${vocabularyKeySql(activity)} IN (${STAGE_CHANGE_ACTIVITIES.map(quoteLiteral).join(", ")})`
      : "";
  // The latest row speaks for the deal where rows disagree (a history's amount changes as it moves).
  return `SELECT deal_id,
  arg_max(pipeline, ordered_at) FILTER (WHERE pipeline IS NOT NULL) AS pipeline,
  arg_max(amount, ordered_at) FILTER (WHERE amount IS NOT NULL) AS amount,
  coalesce(min(created_at), min(row_at)) AS created_at,
  arg_max(closed_at, ordered_at) FILTER (WHERE closed_at IS NOT NULL) AS closed_at,
  arg_max(outcome, ordered_at) FILTER (WHERE outcome IS NOT NULL) AS outcome,
  min(lead_id) AS lead_id
FROM (
  SELECT ${text(source, "dealId")} AS deal_id, ${text(source, "pipeline")} AS pipeline, ${amount(source)} AS amount,
    ${date(source, "createdAt")} AS created_at, ${date(source, "closedAt")} AS closed_at, ${outcome} AS outcome,
    coalesce(${text(source, "leadId")}, ${linked}) AS lead_id, ${rowDate} AS row_at,
    coalesce(${rowDate}, ${date(source, "createdAt")}, TIMESTAMP '0001-01-01') AS ordered_at
  FROM ${source.table} r ${join}
  WHERE ${text(source, "dealId")} IS NOT NULL${rows}
) d
GROUP BY deal_id`;
}
