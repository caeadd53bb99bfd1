// SQL reading a file's deal stage history into `deal_stage_entries` rows (one per stage a deal entered)
// and `deals` rows (one per deal), for each shape (see dealStageShapes.ts). Every user header reaches SQL
// through quoteIdentifier, every user value through quoteLiteral.

import { quoteIdentifier, quoteLiteral } from "../db/sql";
import { vocabularyKeySql } from "../model/vocabulary";
import { columnsSql, DEAL_STAGE_SOURCE_TABLES } from "../warehouse/dealStages";
import { amountSql, cellTextSql } from "./cellText";
import { type DateFormat, timestampSql } from "./dates";
import {
  CREATED_EVENTS,
  type DealStageColumns,
  type DealStageSource,
  STAGE_CHANGE_ACTIVITIES,
  STAGE_FIELDS,
} from "./dealStageShapes";
import { SOURCE_ROW } from "./read";
import { dealOutcomeSql, flagSql } from "./statusStages";
import { type DealLinkTables, dealLeadSql } from "./toEvents";

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

/** The row's pipeline, with HubSpot's pipeline ids read as the labels its columns use (pipelineAliases). */
function pipelineSql(source: DealStageSource): string {
  const written = text(source, "pipeline");
  const aliases = Object.entries(source.pipelineAliases ?? {});
  if (aliases.length === 0) return written;
  const cases = aliases.map(([id, label]) => `WHEN ${quoteLiteral(id)} THEN ${quoteLiteral(label)}`);
  return `(CASE ${written} ${cases.join(" ")} ELSE ${written} END)`;
}

const inList = (sql: string, keys: readonly string[]) =>
  `${vocabularyKeySql(sql)} IN (${keys.map(quoteLiteral).join(", ")})`;

/**
 * HubSpot: every non-empty stage-date cell is an entry; the column names the stage and (maybe) the pipeline.
 * Where several columns date the same stage of a deal (a labelled column and its id twins, hs_v2_ and hs_),
 * the most preferred non-empty one speaks: the stage is entered once, not once per column.
 */
function hubspotEntriesSql(source: DealStageSource): string {
  const columns = source.stageColumns.map((c, i) => ({ ...c, alias: `stage_${i}` }));
  const formats = [...new Set(columns.map((c) => source.dateFormats[c.header] ?? "iso"))];
  const parse = formats.map((f) => `WHEN ${quoteLiteral(f)} THEN ${timestampSql("u.raw", f as DateFormat)}`);
  const values = columns.map(
    (c) =>
      `(${quoteLiteral(c.alias)}, ${quoteLiteral(c.stage)}, ${quoteLiteral(c.pipeline)}, ${quoteLiteral(source.dateFormats[c.header] ?? "iso")}, ${c.preference ?? 0})`,
  );
  const twins = new Set(columns.map((c) => c.stage)).size < columns.length;
  // One UNPIVOT pass over the file rather than a scan per stage column.
  return `WITH cells AS (
  SELECT ${text(source, "dealId")} AS deal_id, ${pipelineSql(source)} AS deal_pipeline, ${sourceRow} AS source_row,
    ${columns.map((c) => `r.${quoteIdentifier(c.header)} AS ${c.alias}`).join(", ")}
  FROM ${source.table} r
),
stage_cells AS (UNPIVOT cells ON ${columns.map((c) => c.alias).join(", ")} INTO NAME alias VALUE raw),
stage_columns AS (SELECT * FROM (VALUES ${values.join(", ")}) v(alias, stage, pipeline, format, preference))
SELECT u.deal_id, coalesce(m.pipeline::VARCHAR, u.deal_pipeline) AS pipeline, m.stage,
  CASE m.format ${parse.join(" ")} END AS entered_at, u.source_row
FROM stage_cells u JOIN stage_columns m ON m.alias = u.alias
WHERE u.deal_id IS NOT NULL AND ${cellTextSql("u.raw")} IS NOT NULL${
    twins ? "\nQUALIFY m.preference = min(m.preference) OVER (PARTITION BY u.source_row, m.stage)" : ""
  }`;
}

/**
 * Salesforce field history: each Stage row is an entry of its New Value at its Edit Date. The Old Value of a
 * deal's earliest Stage row is the stage it was in before: entered when the deal was created (the file's
 * created date, else its `Created.` event), else undated; `initial` marks it, so the import can date it
 * from another file's created date (dealStageImport.ts). Rows of other fields are not entries.
 */
function fieldHistoryEntriesSql(source: DealStageSource): string {
  const field = text(source, "field");
  return `WITH changes AS (
  SELECT ${text(source, "dealId")} AS deal_id, ${pipelineSql(source)} AS pipeline, ${field} AS field,
    ${text(source, "oldValue")} AS old_value, ${text(source, "newValue")} AS new_value,
    ${date(source, "changedAt")} AS changed_at, ${date(source, "createdAt")} AS created_at, ${sourceRow} AS source_row
  FROM ${source.table} r
  WHERE ${text(source, "dealId")} IS NOT NULL
),
stage_changes AS (SELECT * FROM changes WHERE ${inList("field", STAGE_FIELDS)}),
created AS (
  SELECT deal_id, coalesce(min(created_at), min(changed_at) FILTER (WHERE ${inList("field", CREATED_EVENTS)})) AS created_at
  FROM changes GROUP BY deal_id
),
earliest AS (
  SELECT * FROM stage_changes
  QUALIFY row_number() OVER (PARTITION BY deal_id ORDER BY changed_at NULLS LAST, source_row) = 1
)
SELECT deal_id, pipeline, new_value AS stage, changed_at AS entered_at, source_row, FALSE AS initial
FROM stage_changes WHERE new_value IS NOT NULL
UNION ALL
SELECT e.deal_id, e.pipeline, e.old_value, c.created_at, e.source_row, TRUE
FROM earliest e JOIN created c USING (deal_id) WHERE e.old_value IS NOT NULL`;
}

/** Field history rows of any field but the stage (and the created event), counted by field as written. */
export function otherFieldChangesSql(source: DealStageSource): string | null {
  if (source.shape !== "field_history") return null;
  const field = text(source, "field");
  return `SELECT 'other_field_changes' AS item, ${field} AS detail, count(*)::INTEGER AS n
FROM ${source.table} r
WHERE ${text(source, "dealId")} IS NOT NULL AND ${field} IS NOT NULL
  AND NOT ${inList(field, STAGE_FIELDS)} AND NOT ${inList(field, CREATED_EVENTS)}
GROUP BY detail`;
}

/** History and activity rows: each row with a stage is an entry at the row's date (kept when the date is unreadable). */
function rowEntriesSql(source: DealStageSource): string {
  const activity = cell(source, "activity");
  const stageChange =
    source.shape === "activity_stage_changes" && activity !== null
      ? ` AND ${vocabularyKeySql(activity)} IN (${STAGE_CHANGE_ACTIVITIES.map(quoteLiteral).join(", ")})`
      : "";
  return `SELECT ${text(source, "dealId")} AS deal_id, ${pipelineSql(source)} AS pipeline, ${text(source, "stage")} AS stage,
  ${date(source, "changedAt")} AS entered_at, ${sourceRow} AS source_row
FROM ${source.table} r
WHERE ${text(source, "dealId")} IS NOT NULL AND ${text(source, "stage")} IS NOT NULL${stageChange}`;
}

/**
 * Rows of `deal_stage_entries` (DEAL_STAGE_ENTRY_COLUMNS) from one file, and `initial`: true for an entry
 * dated from the deal's created date (field history), which another file may give.
 */
export function dealStageEntryRowsSql(source: DealStageSource): string {
  switch (source.shape) {
    case "hubspot_columns":
      return `SELECT *, FALSE AS initial FROM (${hubspotEntriesSql(source)})`;
    case "field_history":
      return fieldHistoryEntriesSql(source);
    case "deal_facts":
      return `SELECT NULL::VARCHAR AS deal_id, NULL::VARCHAR AS pipeline, NULL::VARCHAR AS stage,
  NULL::TIMESTAMP AS entered_at, NULL::BIGINT AS source_row, FALSE AS initial WHERE FALSE`;
    default:
      return `SELECT *, FALSE AS initial FROM (${rowEntriesSql(source)})`;
  }
}

/** Rows of `deal_stage_entries` (DEAL_STAGE_ENTRY_COLUMNS) from one file. */
export function dealStageEntriesSql(source: DealStageSource): string {
  return `SELECT deal_id, pipeline, stage, entered_at, source_row FROM (${dealStageEntryRowsSql(source)})`;
}

/** Shapes whose stage column is the deal's current stage (not the stage a row entered). */
const CURRENT_STAGE_SHAPES = new Set(["hubspot_columns", "field_history", "deal_facts"]);

/**
 * Rows of `deals` (DEAL_COLUMNS) from one file, one per deal id. The outcome is what the file states:
 * HubSpot's current `Deal Stage` (closed won / lost by name) or Won / Closed flags; a history's outcome
 * otherwise comes from its stages (warehouse/dealStages.ts). `links` (optional): the import's tables of
 * (opportunity_id, lead_id) from lead files that name a converted opportunity, and of the lead files'
 * emails, through which a deal naming its lead by email links to the lead's id.
 */
export function dealFactsSql(source: DealStageSource, links: DealLinkTables | null): string {
  return `SELECT ${DEAL_FIELDS.join(", ")} FROM (${dealFactRowsSql(source, links)})`;
}

const DEAL_FIELDS = DEAL_STAGE_SOURCE_TABLES.deals.map((c) => c.name);

/**
 * dealFactsSql's rows and `states_outcome`: whether the file says if a deal is closed (a current stage, Won
 * or Closed column), so an empty outcome from it means open. The import merges one deal's rows from
 * several files by it (dealStageImport.ts).
 */
export function dealFactRowsSql(source: DealStageSource, links: DealLinkTables | null): string {
  const stage = CURRENT_STAGE_SHAPES.has(source.shape) && source.columns.stage ? text(source, "stage") : null;
  const stageOutcome = stage === null ? "NULL::VARCHAR" : dealOutcomeSql(stage);
  const won = flag(source, "won");
  const closed = flag(source, "closed");
  const outcome = `CASE WHEN ${won} OR ${stageOutcome} = 'won' THEN 'won'
    WHEN ${stageOutcome} = 'lost' OR (${closed} AND NOT coalesce(${won}, FALSE)) THEN 'lost' END`;
  const statesOutcome =
    stage !== null || source.columns.won !== undefined || source.columns.closed !== undefined;
  // A field history's edit dates are not its created date (dealStageEntryRowsSql reads that).
  const rowDate =
    source.shape === "hubspot_columns" || source.shape === "deal_facts"
      ? "NULL::TIMESTAMP"
      : date(source, "changedAt");
  const createdAt =
    source.shape === "field_history"
      ? `coalesce(min(created_at), min(row_at) FILTER (WHERE ${inList("field", CREATED_EVENTS)}))`
      : "coalesce(min(created_at), min(row_at))";
  const link = dealLeadSql(links, text(source, "dealId"), text(source, "leadId"));
  const activity = cell(source, "activity");
  const rows =
    source.shape === "activity_stage_changes" && activity !== null
      ? ` AND ${vocabularyKeySql(activity)} IN (${STAGE_CHANGE_ACTIVITIES.map(quoteLiteral).join(", ")})`
      : "";
  // The latest row speaks for the deal where rows disagree (a history's amount changes as it moves).
  return `SELECT deal_id,
  arg_max(pipeline, ordered_at) FILTER (WHERE pipeline IS NOT NULL) AS pipeline,
  arg_max(amount, ordered_at) FILTER (WHERE amount IS NOT NULL) AS amount,
  ${createdAt} AS created_at,
  arg_max(closed_at, ordered_at) FILTER (WHERE closed_at IS NOT NULL) AS closed_at,
  arg_max(outcome, ordered_at) FILTER (WHERE outcome IS NOT NULL) AS outcome,
  min(lead_id) AS lead_id, ${statesOutcome} AS states_outcome
FROM (
  SELECT ${text(source, "dealId")} AS deal_id, ${pipelineSql(source)} AS pipeline, ${amount(source)} AS amount,
    ${date(source, "createdAt")} AS created_at, ${date(source, "closedAt")} AS closed_at, ${outcome} AS outcome,
    ${link.lead} AS lead_id, ${rowDate} AS row_at, ${text(source, "field")} AS field,
    coalesce(${rowDate}, ${date(source, "createdAt")}, TIMESTAMP '0001-01-01') AS ordered_at
  FROM ${source.table} r ${link.joins}
  WHERE ${text(source, "dealId")} IS NOT NULL${rows}
) d
GROUP BY deal_id`;
}

/** Every file's deals (dealFactRowsSql) with the file's place in the import (`file_index`). */
export function dealsByFileSql(sources: readonly DealStageSource[], links: DealLinkTables | null): string {
  return sources
    .map((s, i) => `SELECT ${i} AS file_index, * FROM (${dealFactRowsSql(s, links)})`)
    .join("\nUNION ALL\n");
}

/** Every file's entries with the file's place in the import (`file_index`) and `initial` (dealStageEntryRowsSql). */
export function entriesByFileSql(sources: readonly DealStageSource[]): string {
  return sources
    .map((s, i) => `SELECT ${i} AS file_index, * FROM (${dealStageEntryRowsSql(s)})`)
    .join("\nUNION ALL\n");
}

/**
 * One deal's entries from every file: an entry two files both give (same deal, pipeline, stage and date) is
 * one entry, not a re-entry — a file's own repeats stay (as many as the file that repeats it most has).
 * An `initial` entry without a date takes the deal's created date from whichever file gives it (`deals`:
 * the merged deals; null leaves it undated).
 */
export function mergedEntriesSql(byFile: string, deals: string | null): string {
  const dated =
    deals === null
      ? `SELECT * FROM ${byFile} e`
      : `SELECT e.deal_id, e.pipeline, e.stage,
    CASE WHEN e.initial THEN coalesce(e.entered_at, d.created_at) ELSE e.entered_at END AS entered_at,
    e.source_row, e.file_index
  FROM ${byFile} e LEFT JOIN ${deals} d ON e.initial AND e.entered_at IS NULL AND d.deal_id = e.deal_id`;
  return `WITH numbered AS (
  ${dated}
),
repeats AS (
  SELECT *, row_number() OVER (PARTITION BY deal_id, pipeline, stage, entered_at, file_index ORDER BY source_row) AS nth
  FROM numbered
)
SELECT deal_id, pipeline, stage, entered_at, source_row FROM repeats
QUALIFY row_number() OVER (PARTITION BY deal_id, pipeline, stage, entered_at, nth ORDER BY file_index) = 1`;
}

/**
 * One row per deal from every file's rows of it (`deals`): the created date is the earliest any file gives;
 * pipeline, amount and lead come from the file whose latest date for the deal (a stage entry, its close
 * date when closed, its created date) is latest, the later file on a tie, skipping files that leave them
 * empty; outcome and close date from the first such file that says whether the deal is closed (its empty
 * outcome then means open), else from any file that has them.
 */
export function mergedDealsSql(byFile: string, entriesByFile: string): string {
  const freshest = (column: string) => `first(${column} ORDER BY rank) FILTER (WHERE ${column} IS NOT NULL)`;
  return `WITH stated AS (
  SELECT f.*, greatest(e.last_entry_at, CASE WHEN f.outcome IS NOT NULL THEN f.closed_at END, f.created_at) AS stated_at
  FROM ${byFile} f
  LEFT JOIN (SELECT file_index, deal_id, max(entered_at) AS last_entry_at FROM ${entriesByFile} GROUP BY ALL) e
    USING (file_index, deal_id)
),
ranked AS (
  SELECT *, row_number() OVER (PARTITION BY deal_id ORDER BY stated_at DESC NULLS LAST, file_index DESC) AS rank
  FROM stated
)
SELECT deal_id, ${freshest("pipeline")} AS pipeline, ${freshest("amount")} AS amount, min(created_at) AS created_at,
  CASE WHEN bool_or(states_outcome) THEN first(closed_at ORDER BY rank) FILTER (WHERE states_outcome)
    ELSE ${freshest("closed_at")} END AS closed_at,
  CASE WHEN bool_or(states_outcome) THEN first(outcome ORDER BY rank) FILTER (WHERE states_outcome)
    ELSE ${freshest("outcome")} END AS outcome,
  ${freshest("lead_id")} AS lead_id
FROM ranked GROUP BY deal_id`;
}
