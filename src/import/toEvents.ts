// SQL that turns a mapped raw table of each kind into canonical `events` rows and its reject rows.
// Every user header reaches SQL through quoteIdentifier, every user value through quoteLiteral.

import { quoteIdentifier, quoteLiteral } from "../db/sql";
import { vocabularyKeySql } from "../model/vocabulary";
import { EVENT_COLUMNS } from "../warehouse/workspace";
import { amountSql, cellTextSql } from "./cellText";
import { type DateFormat, timestampSql } from "./dates";
import type { FieldSpec, FileKind, KindMapping } from "./fields";
import { FIELDS } from "./fields";
import { rawRowSql } from "./rawRow";
import { SOURCE_ROW } from "./read";
import { dealOutcomeSql, flagSql, statusStageSql } from "./statusStages";

export interface FilePlan {
  fileName: string;
  table: string;
  kind: FileKind;
  mapping: KindMapping;
  /** Date format per date field id (auto-detected, user may override). */
  dateFormats: Record<string, DateFormat>;
  /** Activity logs: vocabulary key of an unknown value → canonical activity, or "ignore". */
  activityMap: Record<string, string>;
}

export const IGNORED_ACTIVITY = "ignore";
export const OPPORTUNITY_LINKS = "import_opportunity_links";
/** (lead_key, lead_id): the lead files' emails, lower-cased and trimmed, one lead per email. */
export const LEAD_KEYS = "import_lead_keys";

/** How deals find their lead beside their own link column: the import's two link tables. */
export interface DealLinkTables {
  opportunities: string;
  leadKeys: string;
}

export const DEAL_LINK_TABLES: DealLinkTables = { opportunities: OPPORTUNITY_LINKS, leadKeys: LEAD_KEYS };

/**
 * The lead a deal links to and the joins that finds it: the lead whose email the deal's link value is
 * (LEAD_KEYS: lower-cased, trimmed), else the link value itself, else the lead naming the deal as its
 * converted opportunity. The deals' events and the deals table both link through it.
 */
export function dealLeadSql(
  links: DealLinkTables | null,
  dealId: string,
  linkValue: string,
): { lead: string; joins: string } {
  if (links === null) return { lead: linkValue, joins: "" };
  return {
    lead: `coalesce(keys.lead_id, ${linkValue}, links.lead_id)`,
    joins: `LEFT JOIN ${links.opportunities} links ON links.opportunity_id = ${dealId}
  LEFT JOIN ${links.leadKeys} keys ON keys.lead_key = lower(trim(${linkValue}))`,
  };
}

const ATTRIBUTE_IDS = [
  "campaign",
  "channel",
  "source",
  "owner",
  "team",
  "company",
  "company_size",
  "industry",
  "region",
  "role",
];

function column(plan: FilePlan, field: string): string | null {
  const header = plan.mapping[field];
  return header === undefined ? null : `r.${quoteIdentifier(header)}`;
}

function text(plan: FilePlan, field: string): string {
  const c = column(plan, field);
  return c === null ? "NULL::VARCHAR" : cellTextSql(c);
}

function number(plan: FilePlan, field: string): string {
  return column(plan, field) === null ? "NULL::DOUBLE" : amountSql(text(plan, field));
}

/** The amount read as a number, and as written; the currency column beside it when the file has one. */
function amountColumns(plan: FilePlan): string {
  const currency = withCurrency(plan) ? `,\n    ${text(plan, "currency")} AS amount_currency` : "";
  return `${number(plan, "amount")} AS amount,\n    ${text(plan, "amount")} AS raw_amount${currency}`;
}

const withCurrency = (plan: FilePlan) => column(plan, "currency") !== null && column(plan, "amount") !== null;

/**
 * `raw_amount` of the events, over amountColumns: the amount as written, with the file's currency
 * appended when it has one ("1200" and "EUR" → "1200 EUR"), so the currency marks read after the import
 * (metrics/currency.ts) see it. Only a readable amount gets it: an unreadable one stays as written for the
 * audit's example. It tests the amount already read instead of reading the text a second time.
 */
function rawAmount(plan: FilePlan): string {
  if (!withCurrency(plan)) return "raw_amount";
  return `CASE WHEN amount IS NOT NULL AND amount_currency IS NOT NULL
      THEN raw_amount || ' ' || upper(amount_currency) ELSE raw_amount END`;
}

function date(plan: FilePlan, field: string): string {
  const c = column(plan, field);
  return c === null ? "NULL::TIMESTAMP" : timestampSql(c, plan.dateFormats[field] ?? "iso");
}

function flag(plan: FilePlan, field: string): string {
  const c = column(plan, field);
  return c === null ? "NULL::BOOLEAN" : flagSql(c);
}

const attributes = (plan: FilePlan) =>
  ATTRIBUTE_IDS.map((id) => `${text(plan, id)} AS ${id}`).join(",\n    ");
const origin = (plan: FilePlan) =>
  `${quoteLiteral(plan.fileName)} AS source_file, (r.${SOURCE_ROW} + 1)::INTEGER AS source_row`;

/** Projects a relation with the needed columns onto the events schema, in its column order. */
function eventsProjection(values: Partial<Record<string, string>>): string {
  return EVENT_COLUMNS.map((c) => `${values[c.name] ?? `NULL::${c.type}`} AS ${c.name}`).join(", ");
}

const COMMON = Object.fromEntries(
  ["source_file", "source_row", "lead_id", "amount", "raw_amount", ...ATTRIBUTE_IDS].map((c) => [c, c]),
);

/**
 * Each distinct activity value of the file → its canonical activity: the user's choice, the
 * vocabulary, or the value as written. Built once per file so rows join on plain equality.
 */
export function activityMapSql(plan: FilePlan, overrides: string): string {
  const activity = column(plan, "activity") ?? "NULL";
  return `SELECT d.raw, coalesce(o.activity, v.activity, lower(trim(d.raw))) AS activity,
  o.activity IS NULL AND v.activity IS NULL AS unknown_activity
FROM (SELECT DISTINCT ${activity} AS raw FROM ${plan.table} r WHERE ${activity} IS NOT NULL) d
LEFT JOIN activity_vocabulary v ON v.key = ${vocabularyKeySql("d.raw")}
LEFT JOIN ${overrides} o ON o.key = ${vocabularyKeySql("d.raw")}`;
}

function activityEventsSql(plan: FilePlan, activityMap: string): string {
  const activity = column(plan, "activity") ?? "NULL";
  return `SELECT ${eventsProjection({
    ...COMMON,
    raw_amount: rawAmount(plan),
    occurred_at: "occurred_at",
    activity: "activity",
    unknown_activity: "unknown_activity",
    duration_s: "duration_s",
    raw_occurred_at: "raw_occurred_at",
  })}
FROM (
  SELECT
    ${origin(plan)},
    ${text(plan, "lead_id")} AS lead_id,
    ${date(plan, "occurred_at")} AS occurred_at,
    CASE WHEN ${text(plan, "activity")} IS NOT NULL THEN m.activity END AS activity,
    coalesce(m.unknown_activity, FALSE) AS unknown_activity,
    ${attributes(plan)},
    ${amountColumns(plan)},
    ${number(plan, "duration_s")} AS duration_s,
    ${text(plan, "occurred_at")} AS raw_occurred_at
  FROM ${plan.table} r
  LEFT JOIN ${activityMap} m ON m.raw = ${activity}
) e
WHERE activity IS DISTINCT FROM '${IGNORED_ACTIVITY}'`;
}

const LEAD_DATE_FIELDS = [
  "created_at",
  "lead_at",
  "mql_at",
  "sal_at",
  "sql_at",
  "opportunity_at",
  "won_at",
  "lost_at",
  "rejected_at",
  "status_at",
  "converted_at",
];

/** One row per lead → one event per stage it has a date for (or a status plus a date). */
function leadEventsSql(plan: FilePlan): string {
  const statusDate = "coalesce(status_at, created_at)";
  const byStatus = (stage: string) => `CASE WHEN status_stage = '${stage}' THEN ${statusDate} END`;
  const stages: [string, string][] = [
    [
      "became_lead",
      `coalesce(lead_at, created_at, ${byStatus("lead")}, least(mql_at, sal_at, sql_at, opportunity_at, won_at, lost_at, rejected_at, status_at, converted_at))`,
    ],
    ["became_mql", `coalesce(mql_at, ${byStatus("mql")})`],
    ["sales_accepted", `coalesce(sal_at, ${byStatus("sal")})`],
    ["became_sql", `coalesce(sql_at, CASE WHEN converted THEN converted_at END, ${byStatus("sql")})`],
    ["opportunity_created", `coalesce(opportunity_at, ${byStatus("opportunity")})`],
    ["deal_won", `coalesce(won_at, ${byStatus("won")})`],
    ["deal_lost", `coalesce(lost_at, ${byStatus("lost")})`],
    ["sales_rejected", `coalesce(rejected_at, ${byStatus("rejected")})`],
  ];
  const source = `SELECT
    ${origin(plan)},
    ${text(plan, "lead_id")} AS lead_id,
    ${LEAD_DATE_FIELDS.map((f) => `${date(plan, f)} AS ${f}`).join(",\n    ")},
    ${column(plan, "status") === null ? "NULL::VARCHAR" : statusStageSql(text(plan, "status"))} AS status_stage,
    coalesce(${flag(plan, "converted")}, FALSE) AS converted,
    ${attributes(plan)},
    ${amountColumns(plan)}
  FROM ${plan.table} r`;
  return stages
    .map(
      ([
        activity,
        when,
      ]) => `SELECT ${eventsProjection({ ...COMMON, raw_amount: rawAmount(plan), occurred_at: when, activity: `'${activity}'`, unknown_activity: "FALSE" })}
FROM (${source}) l WHERE ${when} IS NOT NULL`,
    )
    .join("\nUNION ALL\n");
}

/**
 * One row per opportunity → opportunity_created, then deal_won or deal_lost at its close date. Without a
 * created date in the row the opportunity dates from the deal's created date in the import's staged deals
 * table (`deals`: a stage history's first change date), never after its close date: an open deal's close
 * date is only expected (a Salesforce history row of an open deal carries one), and dating the opportunity
 * there put "now" months ahead of the data.
 */
function dealEventsSql(plan: FilePlan, deals: string | null): string {
  const link = dealLeadSql(DEAL_LINK_TABLES, text(plan, "deal_id"), text(plan, "lead_id"));
  const source = `SELECT
    ${origin(plan)},
    ${text(plan, "deal_id")} AS deal_id,
    coalesce(${link.lead}, ${text(plan, "deal_id")}) AS lead_id,
    ${date(plan, "created_at")} AS created_at,
    ${date(plan, "closed_at")} AS closed_at,
    ${deals === null ? "NULL::TIMESTAMP" : "known.created_at"} AS known_created_at,
    ${column(plan, "stage") === null ? "NULL::VARCHAR" : dealOutcomeSql(text(plan, "stage"))} AS stage_outcome,
    ${flag(plan, "won")} AS won,
    ${flag(plan, "closed")} AS closed,
    ${attributes(plan)},
    ${amountColumns(plan)}
  FROM ${plan.table} r
  ${link.joins}${
    deals === null
      ? ""
      : `
  LEFT JOIN ${deals} known ON known.deal_id = ${text(plan, "deal_id")}`
  }`;
  const outcome = `CASE WHEN won OR stage_outcome = 'won' THEN 'won'
    WHEN stage_outcome = 'lost' OR (closed AND NOT coalesce(won, FALSE)) THEN 'lost' END`;
  const branch = (activity: string, when: string, condition: string) =>
    `SELECT ${eventsProjection({ ...COMMON, raw_amount: rawAmount(plan), occurred_at: when, activity: `'${activity}'`, unknown_activity: "FALSE" })}
FROM (SELECT *, ${outcome} AS outcome FROM (${source}) s) d WHERE ${when} IS NOT NULL AND ${condition}`;
  return [
    // A row with neither date is rejected (rejectsSql): the deal's known created date only stands in for
    // the close date.
    branch(
      "opportunity_created",
      "coalesce(created_at, CASE WHEN closed_at IS NOT NULL THEN least(known_created_at, closed_at) END)",
      "TRUE",
    ),
    branch("deal_won", "coalesce(closed_at, created_at)", "outcome = 'won'"),
    branch("deal_lost", "coalesce(closed_at, created_at)", "outcome = 'lost'"),
  ].join("\nUNION ALL\n");
}

/** `deals`: the import's staged deals table (a deal without a created date takes it from there). */
export function eventsSql(plan: FilePlan, activityMapTable: string, deals: string | null = null): string {
  if (plan.kind === "activity") return activityEventsSql(plan, activityMapTable);
  if (plan.kind === "leads") return leadEventsSql(plan);
  if (plan.kind === "deals") return dealEventsSql(plan, deals);
  throw new Error(`A ${plan.kind} file has no events`);
}

/** Lead files with an email beside their id: (lead_key, lead_id) rows for LEAD_KEYS. */
export function leadKeysSql(plan: FilePlan): string | null {
  if (plan.kind !== "leads" || !plan.mapping.lead_email) return null;
  return `SELECT lower(trim(${text(plan, "lead_email")})) AS lead_key, ${text(plan, "lead_id")} AS lead_id
FROM ${plan.table} r WHERE ${text(plan, "lead_email")} IS NOT NULL AND ${text(plan, "lead_id")} IS NOT NULL`;
}

/** Lead files that carry a converted opportunity id link deals to their lead. */
export function opportunityLinksSql(plan: FilePlan): string | null {
  if (plan.kind !== "leads" || !plan.mapping.converted_opportunity_id) return null;
  return `SELECT DISTINCT ${text(plan, "converted_opportunity_id")} AS opportunity_id, ${text(plan, "lead_id")} AS lead_id
FROM ${plan.table} r WHERE ${text(plan, "converted_opportunity_id")} IS NOT NULL`;
}

export function spendSql(plan: FilePlan): string {
  return `SELECT ${text(plan, "campaign")} AS campaign, ${number(plan, "spend")} AS spend, ${text(plan, "period")} AS period
FROM ${plan.table} r WHERE ${text(plan, "campaign")} IS NOT NULL AND ${number(plan, "spend")} IS NOT NULL`;
}

function labelOf(plan: FilePlan, field: FieldSpec): string {
  return quoteLiteral(plan.mapping[field.id] ?? field.label);
}

/** Rows this plan cannot use: required values missing, dates and numbers that do not parse. */
/**
 * Activity logs: the rows the staged events could not use, found in the (already parsed) events
 * rather than by parsing the raw file again; the raw table only supplies the rejected rows' text.
 */
export function activityRejectsSql(plan: FilePlan, headers: readonly string[], eventsTable: string): string {
  const label = (field: string) => quoteLiteral(plan.mapping[field] ?? field);
  return `WITH bad AS (
  SELECT source_row, lead_id, occurred_at, raw_occurred_at, activity
  FROM ${eventsTable}
  WHERE source_file = ${quoteLiteral(plan.fileName)} AND (lead_id IS NULL OR occurred_at IS NULL OR activity IS NULL)
),
problems AS (
  SELECT source_row, ${label("lead_id")} AS column_name, 'is empty' AS problem, NULL::VARCHAR AS value
  FROM bad WHERE lead_id IS NULL
  UNION ALL
  SELECT source_row, ${label("occurred_at")}, CASE WHEN raw_occurred_at IS NULL THEN 'is empty' ELSE 'is not a date' END,
    raw_occurred_at
  FROM bad WHERE occurred_at IS NULL
  UNION ALL
  SELECT source_row, ${label("activity")}, 'is empty', NULL::VARCHAR
  FROM bad WHERE activity IS NULL
)
SELECT ${quoteLiteral(plan.fileName)} AS source_file, p.source_row, p.column_name, p.problem, p.value,
  ${rawRowSql(headers)} AS raw_row
FROM problems p
JOIN ${plan.table} r ON (r.${SOURCE_ROW} + 1) = p.source_row`;
}

export function rejectsSql(plan: FilePlan, headers: readonly string[]): string {
  const parts: string[] = [];
  const reject = (label: string, problem: string, value: string, condition: string) =>
    parts.push(`SELECT ${origin(plan)}, ${label} AS column_name, ${quoteLiteral(problem)} AS problem, ${value} AS value,
  ${rawRowSql(headers)} AS raw_row
FROM ${plan.table} r WHERE ${condition}`);
  for (const field of FIELDS[plan.kind]) {
    if (!plan.mapping[field.id]) continue;
    const raw = text(plan, field.id);
    if (field.required) reject(labelOf(plan, field), "is empty", "NULL::VARCHAR", `${raw} IS NULL`);
    if (field.kind === "date")
      reject(
        labelOf(plan, field),
        "is not a date",
        raw,
        `${raw} IS NOT NULL AND ${date(plan, field.id)} IS NULL`,
      );
    if (field.kind === "number" && field.required) {
      reject(
        labelOf(plan, field),
        "is not a number",
        raw,
        `${raw} IS NOT NULL AND ${number(plan, field.id)} IS NULL`,
      );
    }
  }
  if (plan.kind === "leads") {
    const anyDate = LEAD_DATE_FIELDS.filter((f) => plan.mapping[f]).map((f) => date(plan, f));
    const condition = anyDate.length > 0 ? `coalesce(${anyDate.join(", ")}) IS NULL` : "TRUE";
    reject("'(whole row)'", "has no date (no created or stage date)", "NULL::VARCHAR", condition);
  }
  if (plan.kind === "deals") {
    const dates = ["created_at", "closed_at"].filter((f) => plan.mapping[f]).map((f) => date(plan, f));
    reject(
      "'(whole row)'",
      "has no date (no created or close date)",
      "NULL::VARCHAR",
      dates.length > 0 ? `coalesce(${dates.join(", ")}) IS NULL` : "TRUE",
    );
  }
  return parts.join("\nUNION ALL\n");
}
