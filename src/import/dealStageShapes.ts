// Which of the three deal stage-history shapes a file has, from its headers and mapping alone:
// HubSpot `Date entered "<stage> (<pipeline>)"` columns, a Salesforce opportunity (stage) history
// report (one row per stage change), or an activity log with deal-stage-change rows.

import type { DateColumnProfile } from "./dateProfile";
import type { DateFormat } from "./dates";
import { normaliseHeader } from "./detect";
import type { FileKind, KindMapping } from "./fields";

export type DealStageShape = "hubspot_columns" | "stage_history" | "activity_stage_changes";

/** A HubSpot stage-date column: the stage it dates and the pipeline its name gives (null: none). */
export interface DealStageColumn {
  header: string;
  stage: string;
  pipeline: string | null;
}

/** Roles a deal stage-history file's columns play; each names a header of the raw table. */
export interface DealStageColumns {
  dealId: string;
  leadId?: string;
  pipeline?: string;
  /** The row's stage (history, activity log) or the deal's current stage (HubSpot `Deal Stage`). */
  stage?: string;
  /** When the row's stage was entered (history, activity log). */
  changedAt?: string;
  activity?: string;
  amount?: string;
  createdAt?: string;
  closedAt?: string;
  won?: string;
  closed?: string;
}

/** Everything the SQL needs to read one file's stage history (see dealStageEntriesSql). */
export interface DealStageSource {
  shape: DealStageShape;
  fileName: string;
  table: string;
  columns: DealStageColumns;
  /** HubSpot only: the stage-date columns, in file order. */
  stageColumns: DealStageColumn[];
  /** Header → date format, for every date column read. */
  dateFormats: Record<string, DateFormat>;
  /**
   * A history file whose headers alone do not prove it (a `Stage` and a `Last Modified` column could be
   * an opportunity report): it is one only if some deal id repeats (checked by recogniseDealStages).
   */
  needsRepeatedIds: boolean;
}

/** HubSpot's default deal-stage ids (API names) and the labels its exports show for them. */
const HUBSPOT_STAGE_IDS: Record<string, string> = {
  appointmentscheduled: "Appointment Scheduled",
  qualifiedtobuy: "Qualified To Buy",
  presentationscheduled: "Presentation Scheduled",
  decisionmakerboughtin: "Decision Maker Bought-In",
  contractsent: "Contract Sent",
  closedwon: "Closed Won",
  closedlost: "Closed Lost",
};

/** Contacts' lifecycle stages also come as `Date entered …` columns: they are lead stages, not deal stages. */
const LIFECYCLE_PIPELINE = /^lifecycle stage pipeline$/i;

/**
 * `Date entered "Contract Sent (Sales Pipeline)"` → Contract Sent in Sales Pipeline;
 * `hs_v2_date_entered_contractsent` (or `hs_date_entered_…`) → Contract Sent, pipeline from the row.
 * `Date exited …`, `Time in …` and the like are not entry dates: null.
 */
export function hubspotStageColumn(header: string): DealStageColumn | null {
  const written = /^date entered\s+"?(.+?)"?\s*$/i.exec(header.trim());
  if (written?.[1]) {
    const named = /^(.*\S)\s*\(([^()]+)\)$/.exec(written[1].trim());
    if (named?.[1] && named[2]) {
      if (LIFECYCLE_PIPELINE.test(named[2].trim())) return null;
      return { header, stage: named[1], pipeline: named[2].trim() };
    }
    return { header, stage: written[1].trim(), pipeline: null };
  }
  const api = /^hs_(?:v2_)?date_entered_([a-z0-9_]+)$/i.exec(header.trim());
  if (api?.[1]) {
    const id = api[1];
    return { header, stage: HUBSPOT_STAGE_IDS[id.toLowerCase()] ?? id, pipeline: null };
  }
  return null;
}

const STAGE_NAMES = ["to stage", "new stage", "deal stage", "stage", "stage name", "opportunity stage"];
const CHANGE_DATE_NAMES = [
  "stage change date",
  "stage changed date",
  "date stage changed",
  "edit date",
  "last modified",
  "last modified date",
  "changed at",
  "date changed",
  "stage date",
];
/** Headers only a stage-history report has. */
const HISTORY_ONLY = [
  "to stage",
  "from stage",
  "stage change date",
  "stage changed date",
  "edit date",
  "stage duration",
];
const DEAL_ID_NAMES = ["deal id", "opportunity id", "deal record id", "opportunity"];

/** Activity values (as vocabularyKey makes them) that record a deal moving to a stage. */
export const STAGE_CHANGE_ACTIVITIES = [
  "dealstagechanged",
  "dealstagechange",
  "dealstageupdated",
  "opportunitystagechanged",
  "opportunitystagechange",
  "stagechanged",
  "stagechange",
];

function findHeader(headers: readonly string[], names: readonly string[], skip: readonly string[] = []) {
  const keys = headers.map((header) => ({ header, key: normaliseHeader(header) }));
  for (const name of names) {
    const match = keys.find((k) => k.key === name && !skip.includes(k.header));
    if (match) return match.header;
  }
  return undefined;
}

const defined = (columns: DealStageColumns): DealStageColumns =>
  Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== undefined)) as DealStageColumns;

/**
 * The file's stage-history shape and how to read it, or null when it has none. `kind` and `mapping` are
 * the mapping step's (the user's choices win); `fieldFormats` are its date formats by field id, and
 * `profiles` give every other date column's detected format.
 */
export function dealStageSource(
  file: { name: string; table: string; headers: readonly string[] },
  kind: FileKind,
  mapping: KindMapping,
  fieldFormats: Record<string, DateFormat>,
  profiles: Record<string, DateColumnProfile>,
): DealStageSource | null {
  const { headers } = file;
  const formats: Record<string, DateFormat> = {};
  const dateOf = (header: string | undefined, field?: string) => {
    if (header !== undefined)
      formats[header] = (field && fieldFormats[field]) || profiles[header]?.detected || "iso";
    return header;
  };
  const base = { fileName: file.name, table: file.table, dateFormats: formats };
  const pipeline = findHeader(headers, ["pipeline", "deal pipeline"]);
  if (kind === "deals" && mapping.deal_id) {
    const stageColumns = headers.map(hubspotStageColumn).filter((c): c is DealStageColumn => c !== null);
    const deal = {
      dealId: mapping.deal_id,
      leadId: mapping.lead_id,
      pipeline,
      amount: mapping.amount,
      createdAt: dateOf(mapping.created_at, "created_at"),
      closedAt: dateOf(mapping.closed_at, "closed_at"),
      won: mapping.won,
      closed: mapping.closed,
    };
    if (stageColumns.length > 0) {
      for (const c of stageColumns) dateOf(c.header);
      return {
        ...base,
        shape: "hubspot_columns",
        columns: defined({ ...deal, stage: mapping.stage }),
        stageColumns,
        needsRepeatedIds: false,
      };
    }
    const used = Object.values(deal).filter((h): h is string => h !== undefined);
    const stage = findHeader(headers, STAGE_NAMES);
    const changedAt = findHeader(headers, CHANGE_DATE_NAMES, used);
    if (stage === undefined || changedAt === undefined) return null;
    dateOf(changedAt);
    const keys = new Set(headers.map(normaliseHeader));
    return {
      ...base,
      shape: "stage_history",
      columns: defined({ ...deal, stage, changedAt }),
      stageColumns: [],
      needsRepeatedIds: !HISTORY_ONLY.some((name) => keys.has(name)),
    };
  }
  if (kind === "activity" && mapping.lead_id && mapping.activity && mapping.occurred_at) {
    const stage = findHeader(headers, STAGE_NAMES);
    if (stage === undefined) return null;
    return {
      ...base,
      shape: "activity_stage_changes",
      columns: defined({
        dealId: findHeader(headers, DEAL_ID_NAMES) ?? mapping.lead_id,
        leadId: mapping.lead_id,
        pipeline,
        stage,
        changedAt: dateOf(mapping.occurred_at, "occurred_at"),
        activity: mapping.activity,
        amount: mapping.amount,
      }),
      stageColumns: [],
      needsRepeatedIds: false,
    };
  }
  return null;
}
