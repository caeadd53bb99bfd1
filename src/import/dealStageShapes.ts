// Which of the deal stage-history shapes a file has, from its headers and mapping alone: HubSpot
// `Date entered "<stage> (<pipeline>)"` (or `hs_v2_date_entered_<stage id>`) columns, a Salesforce
// opportunity (stage) history report (one row per stage change), a Salesforce opportunity field history
// report (one row per field change, Stage among them), or an activity log with deal-stage-change rows.
// A deals file without history beside one of these gives its deals' facts only (`deal_facts`).

import type { DateColumnProfile } from "./dateProfile";
import type { DateFormat } from "./dates";
import { normaliseHeader } from "./detect";
import type { FileKind, KindMapping } from "./fields";

export type DealStageShape =
  | "hubspot_columns"
  | "stage_history"
  | "field_history"
  | "activity_stage_changes"
  | "deal_facts";

/** A HubSpot stage-date column: the stage it dates and the pipeline its name gives (null: none). */
export interface DealStageColumn {
  header: string;
  stage: string;
  pipeline: string | null;
  /**
   * Id columns only (`hs_v2_date_entered_<id>`, `hs_date_entered_<id>`): the stage id as written, and which
   * column speaks first when several date the same stage of a deal (0 `Date entered "…"`, 1 hs_v2_, 2 hs_).
   */
  stageId?: string;
  preference?: number;
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
  /** Field history: which field changed, its value before and after. */
  field?: string;
  oldValue?: string;
  newValue?: string;
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
  /**
   * HubSpot: `Pipeline` cells that are pipeline ids ("default", "12345678") → the pipeline label the
   * `Date entered "<stage> (<label>)"` columns name (dealStageHubspot.ts), so both read as one pipeline.
   */
  pipelineAliases?: Record<string, string>;
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
  const api = /^hs_(v2_)?date_entered_([a-z0-9_]+)$/i.exec(header.trim());
  if (api?.[2]) {
    const id = api[2];
    const stage = HUBSPOT_STAGE_IDS[id.toLowerCase()] ?? id;
    return { header, stage, pipeline: null, stageId: id, preference: api[1] ? 1 : 2 };
  }
  return null;
}

/** Field history: the `Field / Event` values (as vocabularyKey makes them) that are the opportunity's stage. */
export const STAGE_FIELDS = ["stage", "stagename", "opportunitystage", "dealstage"];
/** Field history: the event Salesforce records when the opportunity is created (`Created.`). */
export const CREATED_EVENTS = ["created", "opportunitycreated", "recordcreated"];

const FIELD_NAMES = ["field event", "field", "field name", "changed field"];
const OLD_VALUE_NAMES = ["old value", "original value", "from value"];
const NEW_VALUE_NAMES = ["new value", "to value"];
const EDIT_DATE_NAMES = ["edit date", "edited date", "date", "changed date", "change date", "modified date"];

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

const findPipeline = (headers: readonly string[]) => findHeader(headers, ["pipeline", "deal pipeline"]);

/** Notes a date column's format as it is read: the mapping step's for a mapped field, else the detected one. */
type DateOf = (header: string | undefined, field?: string) => string | undefined;

function dateFormatsFor(
  fieldFormats: Record<string, DateFormat>,
  profiles: Record<string, DateColumnProfile>,
): { formats: Record<string, DateFormat>; dateOf: DateOf } {
  const formats: Record<string, DateFormat> = {};
  const dateOf: DateOf = (header, field) => {
    if (header !== undefined)
      formats[header] = (field && fieldFormats[field]) || profiles[header]?.detected || "iso";
    return header;
  };
  return { formats, dateOf };
}

/** A deals file's own columns as mapped: deal, lead, pipeline, amount, created and close dates, outcome. */
function dealColumns(dealId: string, mapping: KindMapping, pipeline: string | undefined, dateOf: DateOf) {
  return {
    dealId,
    leadId: mapping.lead_id,
    pipeline,
    amount: mapping.amount,
    createdAt: dateOf(mapping.created_at, "created_at"),
    closedAt: dateOf(mapping.closed_at, "closed_at"),
    won: mapping.won,
    closed: mapping.closed,
  };
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
  const { formats, dateOf } = dateFormatsFor(fieldFormats, profiles);
  const base = { fileName: file.name, table: file.table, dateFormats: formats };
  const pipeline = findPipeline(headers);
  if (kind === "deals" && mapping.deal_id) {
    const deal = dealColumns(mapping.deal_id, mapping, pipeline, dateOf);
    const fieldHistory = fieldHistoryColumns(headers);
    if (fieldHistory) {
      dateOf(fieldHistory.changedAt);
      return {
        ...base,
        shape: "field_history",
        columns: defined({ ...deal, stage: mapping.stage, ...fieldHistory }),
        stageColumns: [],
        needsRepeatedIds: false,
      };
    }
    const stageColumns = headers.map(hubspotStageColumn).filter((c): c is DealStageColumn => c !== null);
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

/** A field history report's four columns (field, old value, new value, edit date), or null when it has none. */
function fieldHistoryColumns(
  headers: readonly string[],
): { field: string; oldValue?: string; newValue: string; changedAt: string } | null {
  const field = findHeader(headers, FIELD_NAMES);
  const newValue = findHeader(headers, NEW_VALUE_NAMES);
  const changedAt = findHeader(headers, EDIT_DATE_NAMES);
  if (field === undefined || newValue === undefined || changedAt === undefined) return null;
  const oldValue = findHeader(headers, OLD_VALUE_NAMES);
  return oldValue === undefined ? { field, newValue, changedAt } : { field, oldValue, newValue, changedAt };
}

/**
 * A deals file with no stage history of its own, read beside files that have some: its deals' facts
 * (created and close dates, amount, outcome) count for the same deal ids (dealStageImport.ts).
 */
export function dealFactsSource(
  file: { name: string; table: string; headers: readonly string[] },
  mapping: KindMapping,
  fieldFormats: Record<string, DateFormat>,
  profiles: Record<string, DateColumnProfile>,
): DealStageSource | null {
  if (!mapping.deal_id) return null;
  const { formats, dateOf } = dateFormatsFor(fieldFormats, profiles);
  return {
    shape: "deal_facts",
    fileName: file.name,
    table: file.table,
    columns: defined({
      ...dealColumns(mapping.deal_id, mapping, findPipeline(file.headers), dateOf),
      stage: mapping.stage,
    }),
    stageColumns: [],
    dateFormats: formats,
    needsRepeatedIds: false,
  };
}
